using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Plan;

namespace Bootstrap.Tests.Lab;

/// <summary>A step the real system would fail, with the error it would give.</summary>
internal sealed class LabFailure(string rule, string resource, string message)
    : Exception($"{resource}: [{rule}] {message}")
{
    public string Rule { get; } = rule;

    public string Resource { get; } = resource;
}

/// <summary>What a successful operation changes in the lab. Local scripts are modelled by what they wait for.</summary>
internal static partial class LabEffects
{
    public static void Apply(Registration r, LabContext c)
    {
        var lab = c.Lab;
        Nodes(r, c);
        switch (r.Type)
        {
            case Types.File:
                lab.Files.Add((r.Text("nodeName")!, $"{r.Text("datastoreId")}:{r.Text("contentType")}/{r.Text("fileName")}"));
                break;
            case Types.Vm:
                var ip = r.Text("initialization", "ipConfigs", "0", "ipv4", "address")!.Split('/')[0];
                var started = r.Inputs["started"] is JsonValue s && s.GetValue<bool>();
                var from = ((JsonArray)r.Inputs["disks"]!).Select(d => d?["importFrom"]?.ToString() ?? d?["fileId"]?.ToString()).First()!;
                lab.Vms[r.Name] = new LabVm(r.Text("name")!, r.Text("nodeName")!, ip, started, from, int.Parse(r.Text("vmId")!, Culture));
                if (started && (c.Operation != Operation.Update || !lab.Nodes.ContainsKey(ip)))
                {
                    // A new or re-created VM boots the nocloud image: Talos in maintenance mode, cloud-init's address.
                    lab.Nodes[ip] = new LabNode(ip, "", NodeState.Maintenance, Version().Match(from).Value, null, SchematicOf(from));
                }

                break;
            case Types.ConfigApply:
                var node = r.Text("node")!;
                lab.Nodes[node] = new LabNode(node, LabRules.MachineConfig(r, "machineType")!, NodeState.Configured,
                    Version().Match(LabRules.MachineConfig(r, "installImage") ?? "").Value, LabRules.MachineConfig(r, "kubernetesVersion"),
                    lab.Nodes.GetValueOrDefault(node)?.Schematic);
                break;
            case Types.KubernetesProvider:
                // Configured once: it finds the cluster only if kube-apiserver is known to answer by now.
                lab.KubernetesProviders[r.Name] = lab.ApiAnswers && c.Before(r, Stages.ApiReady);
                break;
            case Types.Command:
                Script(r, c);
                break;
            case Types.ConfigGroup when r.Planned?.Kind == ResourceKind.CrdManifests:
                // The Gateway API standard-install bundle of that release (kubernetes-sigs/gateway-api config/crd/standard).
                lab.Crds.UnionWith(LabRules.StandardBundle(r.Text("files", "0") ?? ""));
                lab.CrdBundle = r.Text("files", "0") ?? lab.CrdBundle;
                break;
            case Types.ConfigGroup:
                foreach (var body in Blueprint.Yaml.YamlReader.ParseAll(r.Text("yaml") ?? "", r.Name).OfType<JsonObject>())
                {
                    lab.Objects.Add($"{body["kind"]}/{body["metadata"]?["namespace"]}/{body["metadata"]?["name"]}");
                }

                break;
            case Types.Release:
                var ns = r.Text("namespace")!;
                lab.Objects.Add($"Namespace//{ns}");
                lab.Releases[r.Text("name")!] = !(r.Inputs["skipAwait"] is JsonValue skip && skip.GetValue<bool>());
                if (r.Text("name") == "argocd")
                {
                    lab.Crds.UnionWith(["applications.argoproj.io", "appprojects.argoproj.io", "applicationsets.argoproj.io"]);
                }

                break;
            case Types.Namespace:
                lab.Objects.Add($"Namespace//{r.Text("metadata", "name")}");
                break;
            case Types.Secret:
                lab.Objects.Add($"Secret/{r.Text("metadata", "namespace")}/{r.Text("metadata", "name")}");
                break;
            case Types.Application:
                lab.Objects.Add($"Application/{r.Text("metadata", "namespace")}/{r.Text("metadata", "name")}");
                break;
        }
    }

    /// <summary>What deleting a resource removes from the lab (providers delete; retained resources never get here).</summary>
    public static void Delete(string type, JsonObject inputs, string name, LabState lab)
    {
        switch (type)
        {
            case Types.Vm:
                var vm = lab.Vms[name];
                lab.Vms.Remove(name);
                lab.Nodes.Remove(vm.Ip);
                break;
            case Types.File:
                // bpg resource_download_file.go Delete: the one file of this resource, on its own node.
                lab.Files.Remove(((string)inputs["nodeName"]!,
                    $"{inputs["datastoreId"]}:{inputs["contentType"]}/{inputs["fileName"]}"));
                break;
            case Types.Secret:
                lab.Objects.Remove($"Secret/{inputs["metadata"]?["namespace"]}/{inputs["metadata"]?["name"]}");
                break;
            case Types.Command:
                DeleteScript(inputs, lab);
                break;
        }
    }

    /// <summary>The local scripts, by what they are for: they pass only when the cluster is in the state they wait for.</summary>
    private static void Script(Registration r, LabContext c)
    {
        var lab = c.Lab;
        var planned = r.Planned ?? throw new LabFailure(LabRules.GateMustPass, r.Name, "a local command the blueprint does not plan");
        var blueprint = c.Blueprint;
        switch (planned.Kind, planned.Stage)
        {
            case (ResourceKind.TalosUpgrade, _):
                var ip = blueprint.Nodes.Single(n => n.Name == planned.Node).Ip;
                if (lab.Nodes.TryGetValue(ip, out var node) && node.State == NodeState.Configured)
                {
                    lab.Nodes[ip] = node with { TalosVersion = blueprint.Talos.TalosVersion, Schematic = blueprint.Image.Schematic.Id[..12] };
                }
                else if (!lab.Nodes.ContainsKey(ip))
                {
                    throw new LabFailure(
                        LabRules.GateMustPass, r.Name, $"{planned.Node} answered neither with the cluster's credentials nor in maintenance mode");
                }

                break;
            case (ResourceKind.VmReady or ResourceKind.NodeRemoval, _):
                NodeScript(r, c, planned);
                break;
            case (ResourceKind.KubernetesUpgrade, _):
                if (lab.Nodes.GetValueOrDefault(blueprint.Talos.BootstrapIp) is { State: NodeState.Configured })
                {
                    foreach (var (address, configured) in lab.Nodes.Where(n => n.Value.State == NodeState.Configured).ToList())
                    {
                        lab.Nodes[address] = configured with { KubernetesVersion = blueprint.Talos.KubernetesVersion };
                    }
                }

                break;
            case (ResourceKind.EtcdBootstrap, _):
                // The script asks every control plane first: a running etcd is never bootstrapped again.
                if (!lab.EtcdBootstrapped)
                {
                    lab.EtcdBootstrapped = true;
                    lab.EtcdRestoredFrom = RecoverFrom().Match(r.Text("create") ?? "") is { Success: true } m ? m.Groups[1].Value : null;
                    if (lab.EtcdRestoredFrom is { } snapshot && lab.Snapshots.TryGetValue(snapshot, out var content))
                    {
                        content.RestoreInto(lab);
                    }
                }

                break;
            case (ResourceKind.InstalledSource, _):
                // Prints the source it records; touches nothing.
                break;
            case (ResourceKind.ReadinessGate, Stages.ApiReady):
                lab.ApiAnswers = lab.EtcdBootstrapped && c.Before(r, Stages.EtcdBootstrap)
                    ? true
                    : throw new LabFailure(LabRules.GateMustPass, r.Name, "kube-apiserver did not answer on the VIP: etcd is not bootstrapped");
                break;
            case (ResourceKind.ReadinessGate, Stages.CiliumCrds):
                lab.Crds.UnionWith(lab.Releases.ContainsKey("cilium") && c.Before(r, Stages.Cilium)
                    ? ["ciliumloadbalancerippools.cilium.io", "ciliuml2announcementpolicies.cilium.io"]
                    : throw new LabFailure(LabRules.GateMustPass, r.Name, "cilium-operator has not registered its CRDs: Cilium is not installed"));
                break;
            case (ResourceKind.ReadinessGate, Stages.ClusterHealth):
                var unconfigured = blueprint.Nodes.Where(n => lab.Nodes.GetValueOrDefault(n.Ip)?.State != NodeState.Configured)
                    .Select(n => n.Name)
                    .ToList();
                unconfigured.AddRange(blueprint.Nodes.Where(n => !c.Before(r, PlannedResource.KeyOf(Stages.TalosApply, n.Name))).Select(n => n.Name));
                lab.NodesReady = unconfigured.Count == 0 && lab.Releases.ContainsKey("cilium") && c.Before(r, Stages.Cilium) && lab.EtcdBootstrapped
                    ? true
                    : throw new LabFailure(LabRules.GateMustPass, r.Name, unconfigured.Count > 0
                        ? $"not configured: {string.Join(", ", unconfigured.Distinct())}"
                        : "no CNI: nodes stay NotReady");
                break;
            default:
                throw new LabFailure(LabRules.GateMustPass, r.Name, $"the lab does not model the local command {planned.Key}");
        }
    }

    [GeneratedRegex(@"(?m)^snapshot='?([^'\n]+)'?$")]
    private static partial Regex RecoverFrom();

    [GeneratedRegex(@"v\d+\.\d+\.\d+")]
    private static partial Regex Version();
}
