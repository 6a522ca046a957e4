using System.Text.Json.Nodes;
using System.Text.Json;
using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Nodes;
using Bootstrap.Blueprint.Proxmox;
using Bootstrap.Blueprint.Readiness;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Scripts;
using Bootstrap.Blueprint.Secrets;
using Bootstrap.Blueprint.Talos;
using Bootstrap.Blueprint.Upgrades;
using Bootstrap.Blueprint.Validation;

namespace Bootstrap.Blueprint.Plan;

/// <summary>
/// The one way to a <see cref="ClusterBlueprint"/>: bind the config, validate it with the repository, then decide
/// everything. Throws <see cref="BlueprintException"/> with every error found; nothing is decided from invalid input.
/// </summary>
public static class Planner
{
    /// <param name="installed">The versions the cluster runs now (stack outputs), to validate and plan an upgrade.</param>
    public static ClusterBlueprint Load(
        string stack, IReadOnlyDictionary<string, JsonNode?> config, IRepository repository, InstalledVersions? installed = null)
    {
        var bound = ConfigBinder.Bind(stack, config);
        return bound.Config is null
            ? throw new BlueprintException(bound.Diagnostics)
            : Create(bound.Config, repository, bound.Diagnostics, installed);
    }

    /// <summary>
    /// The Pulumi program's entry: the stack config as the language host passes it (PULUMI_CONFIG), bound, validated,
    /// decided, and its decrypted secrets checked, all before any resource exists.
    /// </summary>
    public static ClusterBlueprint LoadForPulumi(string stack, string? configJson, string? secretKeysJson, RepoDirectory repository)
    {
        var blueprint = Load(stack, PulumiConfig.Parse(configJson, secretKeysJson), repository);
        var plain = string.IsNullOrWhiteSpace(configJson) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(configJson) ?? [];
        List<Diagnostic> findings =
        [
            .. SecretInputsRule.Findings(blueprint.Config, blueprint.Addons.SealedSecretsNamespace, plain.GetValueOrDefault),
            .. EtcdSnapshotRule.Findings(
                blueprint.Config, repository.Root, plain.GetValueOrDefault(ConfigKey.Of(ConfigBinder.TalosSecrets)), File.Exists,
                path => File.Exists(path) ? File.ReadAllText(path) : null),
        ];
        return findings.Count > 0 ? throw new BlueprintException([.. blueprint.Warnings, .. findings]) : blueprint;
    }

    public static ClusterBlueprint Create(
        StackConfig config, IRepository repository, IReadOnlyList<Diagnostic>? earlier = null, InstalledVersions? installed = null)
    {
        var findings = new List<Diagnostic>(earlier ?? []);
        findings.AddRange(StackValidator.Validate(config, repository));
        if (installed is not null)
        {
            findings.AddRange(UpgradeRule.Findings(installed, config.Cluster));
        }

        ThrowOnErrors(findings);
        var (releases, releaseFindings) = BootstrapReleases.Build(config, repository);
        findings.AddRange(releaseFindings);
        var (crds, crdFindings) = CrdSource.GatewayApi(repository, config.GitOps.Path);
        findings.AddRange(crdFindings);
        ThrowOnErrors(findings);

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
        var talos = TalosPlan(cluster, nodes, image);
        var argocdNamespace = releases.Single(r => r.App == BootstrapReleases.ArgoCd).Namespace;
        var addons = new AddonPlan(
            releases,
            crds!,
            LoadBalancerPool.Manifests(cluster),
            GitOps.RootApplication.For(config.GitOps),
            ArgoCdSecrets.ServerSecret(argocdNamespace),
            ArgoCdSecrets.Repository(argocdNamespace));
        var plan = BootstrapPlan.For(config, nodes.Select(n => n.Name).ToList(), node => nodes.Single(n => n.Name == node).Vm.Host);
        var scripts = Scripts(talos, cluster.Network.Vip, nodes, image, config.EtcdSnapshot);
        scripts[Stages.GatewayApiCrdsSource] = InstalledSource.Of("Gateway API CRD bundle", config.EtcdSnapshot is null ? crds!.Url : null);
        var upgrade = installed is null ? null : new UpgradeReport(installed, PendingUpgrades(installed, talos, nodes, scripts));
        return new ClusterBlueprint(
            config, image, downloads, nodes, talos, addons, PlatformPlan.For(config, repository), plan, scripts, findings, upgrade);
    }

    private static TalosClusterPlan TalosPlan(ClusterSettings cluster, IReadOnlyList<NodePlan> nodes, TalosImage image)
    {
        var controlPlanes = nodes.Where(n => n.Role == NodeRole.ControlPlane).ToList();
        var release = Compatibility.For(VersionRule.ParseTalos(cluster.TalosVersion)!)!;
        return new TalosClusterPlan(
            cluster.Name,
            $"https://{cluster.Network.Vip}:{MachinePatches.ApiServerPort}",
            cluster.TalosVersion,
            cluster.KubernetesVersion,
            release.ConfigContract,
            controlPlanes[0].Name,
            controlPlanes[0].Ip,
            controlPlanes.Select(n => n.Ip).ToList(),
            nodes.Where(n => n.Role == NodeRole.Worker).Select(n => n.Ip).ToList(),
            MachinePatches.Common(cluster, image),
            MachinePatches.ControlPlane(cluster),
            MachinePatches.Worker(cluster));
    }

    private static Dictionary<string, LocalScript> Scripts(
        TalosClusterPlan talos, string vip, IReadOnlyList<NodePlan> nodes, TalosImage image, string? etcdSnapshot)
    {
        var release = Compatibility.For(VersionRule.ParseTalos(talos.TalosVersion)!)!;
        var scripts = nodes.ToDictionary(
            n => PlannedResource.KeyOf(Stages.TalosUpgrade, n.Name),
            n => UpgradeScripts.Talos(
                n.Name, n.Ip, talos.BootstrapIp, talos.TalosVersion, image.InstallerImage, image.Schematic.Id, release));
        scripts[Stages.KubernetesUpgrade] = UpgradeScripts.Kubernetes(talos.BootstrapNode, talos.BootstrapIp, talos.KubernetesVersion);
        scripts[Stages.EtcdBootstrap] = EtcdBootstrap.Script(talos.BootstrapNode, talos.BootstrapIp, talos.ClientEndpoints, etcdSnapshot);
        scripts[Stages.ApiReady] = ReadinessGates.ApiReady(talos.Endpoint, vip, talos.BootstrapIp);
        scripts[Stages.CiliumCrds] = ReadinessGates.CiliumCrds(talos.Endpoint, LoadBalancerPool.Crds);
        scripts[Stages.ClusterHealth] = ReadinessGates.ClusterHealth(talos.Endpoint, talos.BootstrapIp, nodes.Select(n => n.Name).ToList());
        foreach (var node in nodes)
        {
            scripts[PlannedResource.KeyOf(Stages.VmReady, node.Name)] = VmReady.For(node.Name, node.Ip, talos.BootstrapIp, node.Vm);
            scripts[PlannedResource.KeyOf(Stages.NodeRemoval, node.Name)] = NodeRemoval.For(
                node.Name, node.Ip, node.Role == NodeRole.ControlPlane, talos.ClientEndpoints.Where(ip => ip != node.Ip).ToList());
        }
        return scripts;
    }

    /// <summary>The upgrade steps that will change something, given the installed versions, in the order they run.</summary>
    private static List<string> PendingUpgrades(
        InstalledVersions installed, TalosClusterPlan talos, IReadOnlyList<NodePlan> nodes, Dictionary<string, LocalScript> scripts)
    {
        var steps = new List<string>();
        if (installed.TalosVersion != talos.TalosVersion)
        {
            steps.AddRange(nodes.Select(n => scripts[PlannedResource.KeyOf(Stages.TalosUpgrade, n.Name)].Title));
        }

        if (installed.KubernetesVersion != talos.KubernetesVersion)
        {
            steps.Add(scripts[Stages.KubernetesUpgrade].Title);
        }

        return steps;
    }

    private static void ThrowOnErrors(List<Diagnostic> findings)
    {
        if (findings.Any(f => f.Severity == Severity.Error))
        {
            throw new BlueprintException(findings);
        }
    }
}
