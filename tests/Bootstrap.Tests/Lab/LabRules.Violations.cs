using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Plan;

namespace Bootstrap.Tests.Lab;

/// <summary>The longer violations of <see cref="LabRules.All"/>, and what they read from a registration.</summary>
internal static partial class LabRules
{
    private static IEnumerable<string> FileIdDisks(Registration r) =>
        (r.Inputs["disks"] as System.Text.Json.Nodes.JsonArray ?? []).Select(d => Text(d, "fileId")).OfType<string>().Where(f => f.Length > 0);

    private static string? Text(System.Text.Json.Nodes.JsonNode? node, string key) =>
        node is System.Text.Json.Nodes.JsonObject map && map[key] is System.Text.Json.Nodes.JsonValue value ? value.ToString() : null;

    private static bool Flag(Registration r, string key) =>
        r.Inputs[key] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static string? ImportContentViolation(Registration r, LabContext c)
    {
        if (r.Type == Types.File && r.Text("contentType") == "import")
        {
            var datastore = c.Lab.Facts.Datastores.GetValueOrDefault(r.Text("nodeName")!)?.FirstOrDefault(d => d.Id == r.Text("datastoreId"));
            if (Version.Parse(Regex.Match(c.Lab.Facts.ProxmoxVersion, @"^\d+\.\d+(\.\d+)?").Value) < new Version(8, 4))
            {
                return $"Could not download file: the content type 'import' is not supported by the Proxmox VE version {c.Lab.Facts.ProxmoxVersion}";
            }

            if (datastore is null || !datastore.ContentTypes.Contains("import"))
            {
                return $"Could not download file: datastore {r.Text("datastoreId")} on {r.Text("nodeName")} does not allow content type 'import'";
            }

            if (r.Text("decompressionAlgorithm") is { Length: > 0 })
            {
                return "a compressed image cannot be imported with import_from";
            }
        }

        if (r.Type == Types.Vm)
        {
            foreach (var from in (r.Inputs["disks"] as System.Text.Json.Nodes.JsonArray ?? [])
                .Select(d => Text(d, "importFrom"))
                .OfType<string>()
                .Where(f => f.Length > 0))
            {
                var download = c.Registered.Values.FirstOrDefault(p => p.Type == Types.File
                    && $"{p.Text("datastoreId")}:{p.Text("contentType")}/{p.Text("fileName")}" == from
                    && p.Text("nodeName") == r.Text("nodeName"));
                if (download is null || !r.Comes(download.Name) || !c.Lab.Files.Contains((r.Text("nodeName")!, from)))
                {
                    return $"import-from volume {from} does not exist on {r.Text("nodeName")}";
                }
            }
        }

        return null;
    }

    private static string? AwaitedReleaseViolation(Registration r, LabContext c)
    {
        if (r.Type != Types.Release || Flag(r, "skipAwait"))
        {
            return null;
        }

        var values = ReleaseValues.Of(r, c);
        var name = r.Text("name");
        // cilium 1.20.0 templates/cilium-ingress-service.yaml: the shared ingress Service, type from values (default LoadBalancer).
        var ingress = name == "cilium" && ReleaseValues.Flag(values, false, "ingressController", "enabled")
            && !ReleaseValues.Flag(values, false, "ingressController", "hostNetwork", "enabled")
            && ReleaseValues.Text(values, "LoadBalancer", "ingressController", "service", "type") == "LoadBalancer";
        var server = name == "argocd" && ReleaseValues.Text(values, "ClusterIP", "server", "service", "type") == "LoadBalancer";
        if ((ingress || server)
            && !(c.Before(r, Stages.LoadBalancer) && c.Lab.Objects.Any(o => o.StartsWith("CiliumLoadBalancerIPPool/", StringComparison.Ordinal))))
        {
            return $"timed out after 300s: a LoadBalancer Service of {name} has no address (no CiliumLoadBalancerIPPool yet)";
        }

        return name != "cilium" && !(c.Before(r, Stages.ClusterHealth) && c.Lab.NodesReady)
            ? $"timed out after 300s: the pods of {name} stay Pending on NotReady nodes"
            : null;
    }

    private static string? CrdViolation(Registration r, LabContext c)
    {
        var kinds = r.Type switch
        {
            Types.ConfigGroup => KindLine().Matches(r.Text("yaml") ?? "").Select(m => m.Groups[1].Value).ToList(),
            Types.Application => ["Application"],
            _ => [],
        };
        foreach (var kind in kinds)
        {
            // Who establishes each CRD: cilium-operator (waited for by the cilium-crds gate) or the argo-cd chart.
            var (crd, establishedBy) = kind switch
            {
                "CiliumLoadBalancerIPPool" => ("ciliumloadbalancerippools.cilium.io", Stages.CiliumCrds),
                "CiliumL2AnnouncementPolicy" => ("ciliuml2announcementpolicies.cilium.io", Stages.CiliumCrds),
                "Application" => ("applications.argoproj.io", Stages.ArgoCd),
                _ => ((string?)null, ""),
            };
            if (crd is not null && !(c.Before(r, establishedBy) && c.Lab.Crds.Contains(crd))
                && !(establishedBy == Stages.CiliumCrds && c.Before(r, Stages.Cilium)))
            {
                return $"no matches for kind \"{kind}\": CRD {crd} is not established yet";
            }

            if (kind == "Application" && !c.Lab.Releases.GetValueOrDefault("argocd"))
            {
                return "the Application CRD exists, but Argo CD is not ready to reconcile it";
            }
        }

        return null;
    }

    private static string? KubernetesVersionViolation(Registration r, LabContext c)
    {
        if (r.Type != Types.ConfigApply || MachineConfig(r, "kubernetesVersion") is not { } wanted)
        {
            return null;
        }

        var before = c.Old is null ? null : MachineConfig(c.Old, "kubernetesVersion");
        if (before is not null && before != wanted && !c.Before(r, Stages.KubernetesUpgrade))
        {
            return $"applying this config moves {r.Text("node")} from Kubernetes {before} to {wanted} outside upgrade-k8s";
        }

        return c.Lab.ClusterKubernetesVersion is { } running && running != wanted
            ? $"applying this config moves {r.Text("node")} from Kubernetes {running} to {wanted} outside upgrade-k8s"
            : null;
    }

    /// <summary>Whether a resource that creates the namespace (a Namespace, or a release with createNamespace) comes before.</summary>
    private static bool NamespaceBefore(Registration r, LabContext c, string ns) =>
        c.Lab.Objects.Contains($"Namespace//{ns}") && c.Registered.Values.Any(p => r.Comes(p.Name)
            && ((p.Type == Types.Namespace && p.Text("metadata", "name") == ns) || (p.Type == Types.Release && p.Text("namespace") == ns)));

    private static string? TalosUpgradeOrderViolation(Registration r, LabContext c)
    {
        if (r.Planned?.Kind != ResourceKind.TalosUpgrade)
        {
            return null;
        }

        var nodes = c.Blueprint.Nodes.Select(n => n.Name).ToList();
        var index = nodes.IndexOf(r.Planned.Node!);
        var previous = index > 0 ? PlannedResource.KeyOf(Stages.TalosUpgrade, nodes[index - 1]).Replace('/', '-') : null;
        return previous is not null && !r.Comes(previous) ? $"{r.Planned.Node} may upgrade at the same time as {nodes[index - 1]}" : null;
    }

    /// <summary>The started VM with that address, when it is guaranteed to exist before <paramref name="r"/>.</summary>
    private static LabVm? Vm(Registration r, LabContext c, string ip) =>
        c.Lab.Vms.FirstOrDefault(v => v.Value.Ip == ip && v.Value.Started) is { Value: { } vm } entry && r.Comes(entry.Key) ? vm : null;

    /// <summary>A field of the machine config the lab's Talos config generation produced (see LabEngine).</summary>
    public static string? MachineConfig(Registration apply, string field) => MachineConfig(apply.Inputs, field);

    public static string? MachineConfig(System.Text.Json.Nodes.JsonObject inputs, string field) =>
        System.Text.Json.Nodes.JsonNode.Parse(inputs["machineConfigurationInput"]?.ToString() ?? "{}")?[field]?.ToString();

    [GeneratedRegex(@"(?m)^kind:\s*(\S+)")]
    private static partial Regex KindLine();
}
