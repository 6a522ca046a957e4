using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Proxmox;

namespace Bootstrap.Blueprint.Render;

/// <summary>plan.json: the whole plan, machine-readable, for reviews and diffs in PR checks. Secrets appear only as "[secret]".</summary>
public static class PlanJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static string Render(ClusterBlueprint blueprint)
    {
        var config = blueprint.Config;
        var plan = new JsonObject
        {
            ["stack"] = config.Stack,
            ["cluster"] = new JsonObject
            {
                ["name"] = blueprint.Talos.Name,
                ["endpoint"] = blueprint.Talos.Endpoint,
                ["vip"] = blueprint.Vip,
                ["loadBalancerPool"] = config.Cluster.Network.LoadBalancerPool,
                ["talosVersion"] = blueprint.Talos.TalosVersion,
                ["kubernetesVersion"] = blueprint.Talos.KubernetesVersion,
                ["bootstrapNode"] = blueprint.Talos.BootstrapNode,
                ["talosEndpoints"] = Array(blueprint.Talos.ClientEndpoints),
                ["argocdUrl"] = blueprint.Addons.ArgoCdUrl,
            },
            ["gateway"] = new JsonObject
            {
                ["namespace"] = blueprint.Platform.Gateway.Namespace,
                ["name"] = blueprint.Platform.Gateway.Name,
                ["address"] = blueprint.Platform.Gateway.Address,
                ["dnsRecords"] = new JsonArray(blueprint.Platform.Gateway.DnsRecords.Select(r => (JsonNode)new JsonObject
                {
                    ["name"] = r.Name,
                    ["type"] = r.Type,
                    ["value"] = r.Value,
                }).ToArray()),
            },
            ["image"] = new JsonObject
            {
                ["schematicId"] = blueprint.Image.Schematic.Id,
                ["extensions"] = Array(blueprint.Image.Schematic.Extensions),
                ["diskImageUrl"] = blueprint.Image.DiskImageUrl,
                ["installerImage"] = blueprint.Image.InstallerImage,
            },
            ["downloads"] = new JsonArray(blueprint.Downloads.Select(d => (JsonNode)new JsonObject
            {
                ["host"] = d.Host,
                ["fileId"] = d.FileId,
                ["url"] = d.Url,
            }).ToArray()),
            ["nodes"] = new JsonArray(blueprint.Nodes.Select(n => (JsonNode)new JsonObject
            {
                ["name"] = n.Name,
                ["role"] = Labels.Role(n.Role),
                ["ip"] = n.Ip,
                ["host"] = n.Vm.Host,
                ["vmId"] = n.Vm.VmId,
                ["cores"] = n.Vm.Cores,
                ["memoryMiB"] = n.Vm.MemoryMiB,
                ["diskGiB"] = n.Vm.DiskGiB,
                ["protect"] = n.Vm.Protect,
                ["patches"] = Array(blueprint.Talos.PatchesFor(n).Select(p => $"talos/{PlanFiles.PatchFile(p)}")),
            }).ToArray()),
            ["placement"] = new JsonArray(Placement.Of(config.Cluster).Select(s => (JsonNode)new JsonObject
            {
                ["host"] = s.Host,
                ["controlPlanes"] = Array(s.ControlPlanes),
                ["workers"] = Array(s.Workers),
                ["cores"] = s.Cores,
                ["memoryMiB"] = s.MemoryMiB,
                ["ifLost"] = new JsonObject
                {
                    ["controlPlanesLeft"] = s.ControlPlanesLeft,
                    ["etcdQuorum"] = !s.LosesQuorum,
                    ["workersLeft"] = s.WorkersLeft,
                },
            }).ToArray()),
            ["releases"] = new JsonArray(blueprint.Addons.Releases.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Name,
                ["chart"] = r.Chart,
                ["repository"] = r.RepoUrl,
                ["version"] = r.Version,
                ["namespace"] = r.Namespace,
                ["valueFiles"] = Array(r.ValueFiles),
                ["values"] = $"values/{r.App}.yaml",
                ["stage"] = r.App,
                ["handOffToArgoCd"] = r.HandOff,
                ["awaited"] = r.Await,
            }).ToArray()),
            ["manifests"] = new JsonArray(blueprint.Addons.Manifests.Select(m => (JsonNode)new JsonObject
            {
                ["file"] = $"manifests/{m.Name}.yaml",
                ["kind"] = m.Kind,
            }).ToArray()),
            ["stages"] = new JsonArray(blueprint.Plan.Stages.Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Id,
                ["title"] = s.Title,
                ["after"] = new JsonArray(s.After.Select(e => (JsonNode)new JsonObject
                {
                    ["stage"] = e.Stage,
                    ["scope"] = e.Scope.ToString(),
                    ["reason"] = e.Reason,
                }).ToArray()),
            }).ToArray()),
            ["upgrade"] = blueprint.Upgrade is { } upgrade
                ? new JsonObject
                {
                    ["fromTalos"] = upgrade.Installed.TalosVersion,
                    ["fromKubernetes"] = upgrade.Installed.KubernetesVersion,
                    ["steps"] = Array(upgrade.PendingSteps),
                }
                : null,
            ["resources"] = new JsonArray(blueprint.Plan.Resources.Select(r => (JsonNode)new JsonObject
            {
                ["key"] = r.Key,
                ["stage"] = r.Stage,
                ["kind"] = r.Kind.ToString(),
                ["dependsOn"] = Array(r.DependsOn),
                ["protect"] = r.Protect,
                ["retainOnDelete"] = r.Retain,
            }).ToArray()),
            ["secrets"] = new JsonObject(Labels.Secrets(config).Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.State))),
            ["warnings"] = Array(blueprint.Warnings.Select(w => w.ToString())),
        };
        return plan.ToJsonString(Options) + "\n";
    }

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());
}
