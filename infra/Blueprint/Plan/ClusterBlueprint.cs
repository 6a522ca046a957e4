using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Proxmox;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Secrets;
using Bootstrap.Blueprint.Talos;
using Bootstrap.Blueprint.Upgrades;
using Bootstrap.Blueprint.Validation;

namespace Bootstrap.Blueprint.Plan;

/// <summary>A node with everything decided about it: its VM and its own machine-config patch.</summary>
public sealed record NodePlan(string Name, NodeSettings Settings, VirtualMachine Vm, MachinePatch Patch)
{
    public NodeRole Role => Settings.Role;

    public string Ip => Settings.Ip;

    /// <summary>Talos' machine type for this node.</summary>
    public string MachineType => Render.Labels.Role(Role);
}

/// <summary>The Talos cluster: endpoints, versions and the patches shared by all nodes or one role.</summary>
public sealed record TalosClusterPlan(
    string Name,
    string Endpoint,
    string TalosVersion,
    string KubernetesVersion,
    string ConfigContract,
    string BootstrapNode,
    IReadOnlyList<string> ClientEndpoints,
    MachinePatch Common,
    MachinePatch ControlPlane,
    MachinePatch Worker,
    string BootstrapIp,
    IReadOnlyList<string> WorkerIps)
{
    /// <summary>The patches a node gets, in the order Talos applies them: common, its role, its own.</summary>
    public IReadOnlyList<MachinePatch> PatchesFor(NodePlan node) =>
        [Common, node.Role == NodeRole.ControlPlane ? ControlPlane : Worker, node.Patch];
}

/// <summary>
/// Everything decided for one stack before anything touches a server. The Pulumi layer maps it to resources;
/// the CLI renders it. Created only from a config without errors; warnings ride along.
/// </summary>
public sealed record ClusterBlueprint(
    StackConfig Config,
    TalosImage Image,
    TalosClusterPlan Talos,
    IReadOnlyList<ImageDownload> Downloads,
    IReadOnlyList<NodePlan> Nodes,
    IReadOnlyList<HelmRelease> Releases,
    IReadOnlyList<Manifest> Manifests,
    IReadOnlyList<BootstrapStage> Stages,
    IReadOnlyList<PlannedResource> Resources,
    IReadOnlyList<Diagnostic> Warnings,
    InstalledVersions? Installed = null)
{
    /// <summary>The in-place upgrade steps `pulumi up` runs (each a no-op where nothing changes).</summary>
    public IReadOnlyList<UpgradeStep> UpgradeSteps => UpgradePlan.Steps(this);

    /// <summary>True when the stack's versions differ from the installed ones given to plan.</summary>
    public bool IsUpgrade => PendingUpgradeSteps.Count > 0;

    /// <summary>The steps that will change something, given the installed versions (none without them).</summary>
    public IReadOnlyList<UpgradeStep> PendingUpgradeSteps => Installed is not { } installed
        ? []
        : UpgradeSteps.Where(s => s.Key == ResourcePlan.KubernetesUpgrade
            ? installed.KubernetesVersion != Talos.KubernetesVersion
            : installed.TalosVersion != Talos.TalosVersion).ToList();

    /// <summary>What the cluster runs on top of the bootstrap (Gateway and its DNS records, monitoring, isolated namespaces).</summary>
    public PlatformPlan Platform { get; init; } = PlatformPlan.None;

    public PlannedResource Resource(string key) => Resources.Single(r => r.Key == key);

    public HelmRelease Release(string app) => Releases.Single(r => r.App == app);

    /// <summary>What Argo CD owns after the handoff, as the stack output lists it: namespace/release chart version.</summary>
    public IReadOnlyList<string> HandedOffReleases => Releases.Where(r => r.HandOff).Select(r => $"{r.Namespace}/{r.Name} {r.Chart} {r.Version}").ToList();

    public Manifest RootApplication => Manifests.Single(m => m.Stage == Plan.Stages.RootApplication);

    public IReadOnlyList<Manifest> LoadBalancerManifests => Manifests.Where(m => m.Stage == Plan.Stages.LoadBalancer).ToList();

    /// <summary>The pool and L2 policy as one multi-document YAML, applied together.</summary>
    public string LoadBalancerYaml => Yaml.YamlWriter.WriteAll(LoadBalancerManifests.Select(m => (System.Text.Json.Nodes.JsonNode?)m.Body));

    /// <summary>argocd-secret, in the namespace the argo-cd release installs to.</summary>
    public SecretSpec ArgoCdServerSecret => ArgoCdSecrets.ServerSecret(Release("argocd").Namespace);

    public SecretSpec ArgoCdRepositorySecret => ArgoCdSecrets.Repository(Release("argocd").Namespace);

    /// <summary>Restored keys go where the sealed-secrets controller runs.</summary>
    public string SealedSecretsNamespace => Release("sealed-secrets").Namespace;

    public string Vip => Config.Cluster.Network.Vip;

    /// <summary>Argo CD's URL from its values (global.domain), or null when no domain is set.</summary>
    public string? ArgoCdUrl =>
        Releases.FirstOrDefault(r => r.App == "argocd") is { } argocd && HelmValues.At(argocd.Values, "global", "domain") is JsonValue domain
            ? $"https://{domain}"
            : null;

    /// <summary>Binds, validates and decides; throws <see cref="BlueprintException"/> with every error found.</summary>
    /// <param name="installed">The versions the cluster runs now (stack outputs), to validate and plan an upgrade.</param>
    public static ClusterBlueprint Load(string stack, IReadOnlyDictionary<string, JsonNode?> config, IRepository repository, InstalledVersions? installed = null)
    {
        var bound = ConfigBinder.Bind(stack, config);
        if (bound.Config is null)
        {
            throw new BlueprintException(bound.Diagnostics);
        }

        return Create(bound.Config, repository, bound.Diagnostics, installed);
    }

    public static ClusterBlueprint Create(StackConfig config, IRepository repository, IReadOnlyList<Diagnostic>? earlier = null, InstalledVersions? installed = null)
    {
        var findings = new List<Diagnostic>(earlier ?? []);
        findings.AddRange(StackValidator.Validate(config, repository));
        if (installed is not null)
        {
            findings.AddRange(UpgradeRule.Check(installed, config.Cluster));
        }

        if (findings.Any(f => f.Severity == Severity.Error))
        {
            throw new BlueprintException(findings);
        }

        var (releases, releaseFindings) = BootstrapReleases.Build(config, repository);
        findings.AddRange(releaseFindings);
        if (findings.Any(f => f.Severity == Severity.Error))
        {
            throw new BlueprintException(findings);
        }

        var cluster = config.Cluster;
        var image = new TalosImage(Schematic.For(cluster.Extensions), cluster.TalosVersion);
        var downloads = ProxmoxPlan.Downloads(cluster, image);
        var nodes = cluster.Nodes
            .OrderBy(n => n.Value.Role)
            .ThenBy(n => n.Key, NodeOrder.Instance)
            .Select(n => new NodePlan(
                n.Key,
                n.Value,
                ProxmoxPlan.Vm(n.Key, n.Value, cluster, image, downloads.Single(d => d.Host == n.Value.Host)),
                MachinePatches.Node(n.Key, n.Value, cluster)))
            .ToList();
        var controlPlanes = nodes.Where(n => n.Role == NodeRole.ControlPlane).ToList();
        var talosRelease = Compatibility.For(VersionRule.ParseTalos(cluster.TalosVersion)!)!;
        var talos = new TalosClusterPlan(
            cluster.Name,
            $"https://{cluster.Network.Vip}:{MachinePatches.ApiServerPort}",
            cluster.TalosVersion,
            cluster.KubernetesVersion,
            talosRelease.ConfigContract,
            controlPlanes[0].Name,
            controlPlanes.Select(n => n.Ip).ToList(),
            MachinePatches.Common(cluster, image),
            MachinePatches.ControlPlane(cluster),
            MachinePatches.Worker(cluster),
            controlPlanes[0].Ip,
            nodes.Where(n => n.Role == NodeRole.Worker).Select(n => n.Ip).ToList());
        Manifest[] manifests = [.. LoadBalancerPool.Pools(cluster), LoadBalancerPool.L2Policy(cluster), GitOps.RootApplication.For(config.GitOps)];
        var stages = Plan.Stages.For(config.Secrets);
        var resources = ResourcePlan.For(stages, nodes, releases, talos.BootstrapNode, config.Secrets);
        return new ClusterBlueprint(config, image, talos, downloads, nodes, releases, manifests, stages, resources, findings, installed) { Platform = PlatformPlan.For(config, repository) };
    }
}
