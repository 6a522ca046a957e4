using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Proxmox;
using Bootstrap.Blueprint.Scripts;
using Bootstrap.Blueprint.Talos;
using Bootstrap.Blueprint.Upgrades;

namespace Bootstrap.Blueprint.Plan;

/// <summary>The versions a cluster runs now and the upgrade steps that will change something (plan --installed).</summary>
public sealed record UpgradeReport(InstalledVersions Installed, IReadOnlyList<string> PendingSteps);

/// <summary>Everything decided for one stack before anything touches a server; only <see cref="Planner"/> makes one.</summary>
/// <param name="Platform">What the cluster runs on top of the bootstrap, as Git declares it (Gateway, DNS, monitoring).</param>
/// <param name="Scripts">The local scripts `pulumi up` runs, by planned resource key.</param>
public sealed record ClusterBlueprint(
    StackConfig Config,
    TalosImage Image,
    IReadOnlyList<ImageDownload> Downloads,
    IReadOnlyList<NodePlan> Nodes,
    TalosClusterPlan Talos,
    AddonPlan Addons,
    PlatformPlan Platform,
    BootstrapPlan Plan,
    IReadOnlyDictionary<string, LocalScript> Scripts,
    IReadOnlyList<Diagnostic> Warnings,
    UpgradeReport? Upgrade)
{
    public string Vip => Config.Cluster.Network.Vip;
}
