using System.Collections.Immutable;
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
    protected Platform(StackOptions options, Func<Blueprint.Plan.ClusterBlueprint> load)
        : base(options)
    {
        var blueprint = load();
        var wiring = new ResourceWiring(blueprint.Plan);
        _ = new ProxmoxNodes("proxmox", blueprint, wiring);
        var talos = new TalosCluster("talos", blueprint, wiring);
        _ = new ClusterAddons("addons", blueprint, wiring, talos.Kubeconfig, talos.StepTalosconfig);
        _ = new GitOpsHandoff("gitops", blueprint, wiring);
        wiring.EnsureEveryPlannedResourceExists();

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
