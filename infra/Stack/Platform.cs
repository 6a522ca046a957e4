using System.Collections.Immutable;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Plan;
using Pulumi;

namespace Bootstrap.Stack;

/// <summary>The whole platform for one stack: Proxmox VMs → Talos → add-ons → Argo CD takes over.</summary>
public class Platform : Pulumi.Stack
{
    public Platform()
        : this(new StackOptions(), BlueprintSource.Load)
    {
    }

    /// <param name="load">Where the blueprint comes from; a subclass may supply its own (the lab tests break ordering rules on purpose).</param>
    protected Platform(StackOptions options, Func<ClusterBlueprint> load)
        : this(options, load, new PlanCoverage())
    {
    }

    private Platform(StackOptions options, Func<ClusterBlueprint> load, PlanCoverage coverage)
        : base(coverage.Recording(options))
    {
        var blueprint = load();
        var config = new Pulumi.Config(ConfigKey.Namespace);
        var proxmox = new ProxmoxNodes("proxmox", new ProxmoxNodesArgs(
            ProxmoxSpec.For(blueprint), new Pulumi.Config("proxmoxve").RequireSecret("apiToken")));
        var talosSpec = TalosClusterSpec.For(blueprint);
        var talos = new TalosCluster("talos", new TalosClusterArgs(
            talosSpec, proxmox, talosSpec.RestoredSecrets ? config.RequireSecret(ConfigBinder.TalosSecrets) : null));
        var addonsSpec = AddonsSpec.For(blueprint);
        var addons = new ClusterAddons("addons", new ClusterAddonsArgs(
            addonsSpec,
            talos,
            addonsSpec.SealedSecretsKeys is null ? null : config.RequireSecret(ConfigBinder.SealedSecretsKeys),
            config.GetSecret(ConfigBinder.ArgoCdAdminPassword),
            addonsSpec.ArgoCdRepository is null ? null : config.RequireSecret(ConfigBinder.GitOpsCredentials)));
        _ = new GitOpsHandoff("gitops", new GitOpsHandoffArgs(HandoffSpec.For(blueprint), addons));
        coverage.EnsureEveryPlannedResourceExists(blueprint.Plan);

        Kubeconfig = talos.Kubeconfig;
        Talosconfig = talos.Talosconfig;
        TalosSecrets = talos.TalosSecrets;
        ApiEndpoint = Output.Create(blueprint.Talos.Endpoint);
        Vip = Output.Create(blueprint.Vip);
        NodeIps = Output.Create(blueprint.Nodes.ToImmutableDictionary(n => n.Name, n => n.Ip));
        ArgoCdUrl = Output.Create(blueprint.Addons.ArgoCdUrl ?? "");
        GatewayAddress = Output.Create(blueprint.Platform.Gateway.Address);
        HandedOffReleases = Output.Create(blueprint.Addons.HandedOffReleases.ToImmutableArray());
        TalosVersion = Output.Create(blueprint.Talos.TalosVersion);
        KubernetesVersion = Output.Create(blueprint.Talos.KubernetesVersion);
    }

    [Output("kubeconfig")]
    public Output<string> Kubeconfig { get; private set; }

    [Output("talosconfig")]
    public Output<string> Talosconfig { get; private set; }

    /// <summary>
    /// The Talos machine secrets (secret, `talosctl gen secrets` format): `backup --talos-secrets -` saves them for a rebuild that keeps etcd.
    /// </summary>
    [Output("talosSecrets")]
    public Output<string> TalosSecrets { get; private set; }

    [Output("apiEndpoint")]
    public Output<string> ApiEndpoint { get; private set; }

    [Output("vip")]
    public Output<string> Vip { get; private set; }

    [Output("nodeIps")]
    public Output<ImmutableDictionary<string, string>> NodeIps { get; private set; }

    [Output("argocdUrl")]
    public Output<string> ArgoCdUrl { get; private set; }

    /// <summary>The shared Gateway's pinned address: every routed host's DNS A record points here (plan prints them).</summary>
    [Output("gatewayAddress")]
    public Output<string> GatewayAddress { get; private set; }

    /// <summary>What the cluster runs after this update; `plan --installed` reads it to validate the next upgrade.</summary>
    [Output("talosVersion")]
    public Output<string> TalosVersion { get; private set; }

    [Output("kubernetesVersion")]
    public Output<string> KubernetesVersion { get; private set; }

    [Output("handedOffReleases")]
    public Output<ImmutableArray<string>> HandedOffReleases { get; private set; }
}
