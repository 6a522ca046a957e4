using System.Collections.Immutable;
using Bootstrap.Blueprint.Plan;
using Pulumi;

namespace Bootstrap.Stack;

/// <summary>The whole platform for one stack: Proxmox VMs → Talos → add-ons → Argo CD takes over.</summary>
public class Platform : Pulumi.Stack
{
    public Platform()
        : this(new StackOptions())
    {
    }

    protected Platform(StackOptions options)
        : base(options)
    {
        var blueprint = BlueprintSource.Load();
        var wiring = new ResourceWiring(blueprint);
        var proxmoxConfig = new Pulumi.Config("proxmoxve");
        var proxmox = new Pulumi.ProxmoxVE.Provider("proxmoxve", new Pulumi.ProxmoxVE.ProviderArgs
        {
            Endpoint = blueprint.Config.Proxmox.Endpoint,
            Insecure = blueprint.Config.Proxmox.Insecure,
            ApiToken = proxmoxConfig.RequireSecret("apiToken"),
        });
        _ = new ProxmoxNodes(blueprint, wiring, proxmox);
        var talos = new TalosCluster(blueprint, wiring);
        _ = new ClusterUpgrades(blueprint, wiring, talos.Talosconfig);
        var kubeconfig = talos.Configure(blueprint, wiring);
        var kubernetes = new Pulumi.Kubernetes.Provider("kubernetes", new Pulumi.Kubernetes.ProviderArgs
        {
            KubeConfig = kubeconfig,
            EnableServerSideApply = true,
        });
        _ = new ClusterAddons(blueprint, wiring, talos, kubernetes);
        _ = new GitOpsHandoff(blueprint, wiring, kubernetes);

        Kubeconfig = kubeconfig;
        Talosconfig = talos.Talosconfig;
        ApiEndpoint = Output.Create(blueprint.Talos.Endpoint);
        Vip = Output.Create(blueprint.Vip);
        NodeIps = Output.Create(blueprint.Nodes.ToImmutableDictionary(n => n.Name, n => n.Ip));
        ArgoCdUrl = Output.Create(blueprint.ArgoCdUrl ?? "");
        HandedOffReleases = Output.Create(blueprint.HandedOffReleases.ToImmutableArray());
        TalosVersion = Output.Create(blueprint.Talos.TalosVersion);
        KubernetesVersion = Output.Create(blueprint.Talos.KubernetesVersion);
    }

    [Output("kubeconfig")]
    public Output<string> Kubeconfig { get; private set; }

    [Output("talosconfig")]
    public Output<string> Talosconfig { get; private set; }

    [Output("apiEndpoint")]
    public Output<string> ApiEndpoint { get; private set; }

    [Output("vip")]
    public Output<string> Vip { get; private set; }

    [Output("nodeIps")]
    public Output<ImmutableDictionary<string, string>> NodeIps { get; private set; }

    [Output("argocdUrl")]
    public Output<string> ArgoCdUrl { get; private set; }

    /// <summary>What the cluster runs after this update; `plan --installed` reads it to validate the next upgrade.</summary>
    [Output("talosVersion")]
    public Output<string> TalosVersion { get; private set; }

    [Output("kubernetesVersion")]
    public Output<string> KubernetesVersion { get; private set; }

    [Output("handedOffReleases")]
    public Output<ImmutableArray<string>> HandedOffReleases { get; private set; }
}
