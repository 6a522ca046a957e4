using System.Text;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Network;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Proxmox;

namespace Bootstrap.Blueprint.Render;

/// <summary>The human-readable plan printed by <c>plan</c>: what a reviewer needs to approve a rebuild.</summary>
public static class PlanSummary
{
    public static string Render(ClusterBlueprint blueprint)
    {
        var config = blueprint.Config;
        var network = config.Cluster.Network;
        var text = new StringBuilder();
        text.Append($"Stack {config.Stack}: cluster {blueprint.Talos.Name}\n\n");
        text.Append("Nodes\n");
        text.Append(TextTable.Plain(
            ["NAME", "ROLE", "IP", "PROXMOX HOST", "VM ID", "SIZE"],
            blueprint.Nodes.Select(n => (IReadOnlyList<string>)[
                n.Name,
                Labels.Role(n.Role),
                n.Ip,
                n.Vm.Host,
                n.Vm.VmId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Labels.Size(n.Settings)])));
        text.Append('\n');
        text.Append(PlacementTable(config.Cluster));
        text.Append("Network\n");
        text.Append(TextTable.Plain(
            ["WHAT", "VALUE"],
            [
                ["network", $"{network.Cidr} via {network.Gateway}, bridge {network.Bridge}{(network.Vlan is { } vlan ? $" VLAN {vlan}" : "")}"],
                ["API endpoint", $"{blueprint.Talos.Endpoint} (VIP {blueprint.Vip})"],
                ["Talos endpoints", string.Join(", ", blueprint.Talos.ClientEndpoints)],
                ["bootstrap node", blueprint.Talos.BootstrapNode],
                [
                    "load-balancer pool",
                    $"{network.LoadBalancerPool} (Gateway {GatewayAddress.For(config.Cluster)}, "
                    + $"other Services {GatewayAddress.SharedRange(config.Cluster)})"],
                ["Argo CD", blueprint.Addons.ArgoCdUrl ?? Labels.NotSet],
            ]));
        text.Append('\n');
        text.Append(Gateway(blueprint.Platform.Gateway));
        text.Append("Versions\n");
        text.Append(TextTable.Plain(
            ["WHAT", "VERSION"],
            [
                ["Talos", blueprint.Talos.TalosVersion],
                ["Kubernetes", blueprint.Talos.KubernetesVersion],
                ["installer", blueprint.Image.InstallerImage],
                ["disk image", blueprint.Image.DiskImageUrl],
            ]));
        text.Append('\n');
        if (blueprint.Upgrade is { Installed: var installed } upgrade)
        {
            text.Append($"Upgrade path (from Talos {installed.TalosVersion}, Kubernetes {installed.KubernetesVersion})\n");
            text.Append(upgrade.PendingSteps.Count > 0
                ? TextTable.Plain(
                    ["STEP", "WHAT"],
                    upgrade.PendingSteps.Select((s, i) => (IReadOnlyList<string>)[
                        (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), s]))
                : "  none: the cluster already runs these versions\n");
            text.Append('\n');
        }

        text.Append("Releases (installed once, then owned by Argo CD)\n");
        text.Append(TextTable.Plain(
            ["RELEASE", "CHART", "VERSION", "NAMESPACE", "REPOSITORY"],
            blueprint.Addons.Releases.Select(r => (IReadOnlyList<string>)[r.Name, r.Chart, r.Version, r.Namespace, r.RepoUrl])));
        text.Append('\n');
        text.Append("Stages\n");
        text.Append(TextTable.Plain(
            ["STAGE", "AFTER", "WHAT"],
            blueprint.Plan.Stages.Select(s => (IReadOnlyList<string>)[
                s.Id, s.After.Count == 0 ? "-" : string.Join(", ", s.After.Select(After)), s.Title])));
        text.Append('\n');
        text.Append("Secrets\n");
        text.Append(TextTable.Plain(["KEY", "STATE"], Labels.Secrets(config).Select(s => (IReadOnlyList<string>)[s.Key, s.State])));
        return text.ToString();
    }

    /// <summary>A stage after itself means its previous member (one node at a time), not a cycle: say so.</summary>
    private static string After(StageEdge edge) => edge.Scope == EdgeScope.PreviousNode ? $"{edge.Stage} (previous node)" : edge.Stage;

    /// <summary>What each Proxmox host runs and what the cluster keeps if that host fails (<see cref="Placement"/>).</summary>
    public static string PlacementTable(ClusterSettings cluster)
    {
        var rows = Placement.Of(cluster).Select(s => (IReadOnlyList<string>)
        [
            s.Host,
            s.ControlPlanes.Count == 0 ? "-" : string.Join(", ", s.ControlPlanes),
            s.Workers.Count == 0 ? "-" : string.Join(", ", s.Workers),
            $"{s.Cores} vCPU / {s.MemoryMiB / 1024.0:0.#} GiB",
            IfLost(s),
        ]);
        return "Placement across Proxmox hosts\n" + TextTable.Plain(["HOST", "CONTROL PLANES", "WORKERS", "SIZE", "IF THE HOST FAILS"], rows) + '\n';
    }

    private static string IfLost(HostShare share)
    {
        var etcd = share.ControlPlanes.Count == 0 ? null
            : share.LosesQuorum ? $"etcd loses quorum ({share.ControlPlanesLeft} control plane(s) left)"
            : $"etcd keeps quorum ({share.ControlPlanesLeft} control planes left)";
        var workers = share.Workers.Count == 0 ? null
            : share.LosesEveryWorker ? "no worker left"
            : $"{share.WorkersLeft} worker(s) left";
        return string.Join("; ", new[] { etcd, workers }.OfType<string>());
    }

    /// <summary>The shared Gateway's pinned address and the DNS records that make its hosts reach it.</summary>
    public static string Gateway(GatewayPlan gateway)
    {
        var text = new StringBuilder($"Gateway {gateway.Namespace}/{gateway.Name} at {gateway.Address} (HTTPS, certificate from the platform CA)\n");
        text.Append(gateway.Hosts.Count == 0
            ? "  no hosts are routed through it yet\n"
            : "DNS records to create\n"
                + TextTable.Plain(["NAME", "TYPE", "VALUE"], gateway.DnsRecords.Select(r => (IReadOnlyList<string>)[r.Name, r.Type, r.Value])));
        return text.Append('\n').ToString();
    }
}
