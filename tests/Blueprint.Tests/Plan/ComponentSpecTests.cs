using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Plan;

/// <summary>The typed specs the Pulumi components are built from cover the plan: each planned resource in exactly one place.</summary>
public class ComponentSpecTests
{
    public static TheoryData<string, bool> Stacks() => new() { { "dev", false }, { "dev", true }, { "ops", false } };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_resource_the_plan_creates_is_in_exactly_one_spec(string stack, bool secrets)
    {
        var blueprint = Input(stack, secrets).Blueprint();

        var inSpecs = Resources(blueprint).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            blueprint.Plan.Resources.Where(r => r.Kind.CreatesResource()).Select(r => r.Key).Order(StringComparer.Ordinal), inSpecs);
    }

    [Fact]
    public void Each_release_stage_installs_its_own_core_app()
    {
        var spec = AddonsSpec.For(StackInput.Of("dev").Blueprint());

        Assert.Equal(
            [(Stages.Cilium, BootstrapReleases.Cilium), (Stages.CertManager, BootstrapReleases.CertManager),
                (Stages.SealedSecrets, BootstrapReleases.SealedSecrets), (Stages.ArgoCd, BootstrapReleases.ArgoCd)],
            new[] { spec.Cilium, spec.CertManager, spec.SealedSecrets, spec.ArgoCd }.Select(r => (r.Resource.Key, r.Release.App)));
    }

    [Fact]
    public void Restored_talos_secrets_are_marked_so_nothing_is_generated()
    {
        var restored = TalosClusterSpec.For(Input("dev", true).Blueprint());
        var generated = TalosClusterSpec.For(StackInput.Of("dev").Blueprint());

        Assert.True(restored.RestoredSecrets);
        Assert.False(restored.Secrets.Kind.CreatesResource());
        Assert.False(generated.RestoredSecrets);
    }

    [Fact]
    public void Nodes_come_control_planes_first_the_bootstrap_node_first_of_all()
    {
        var spec = TalosClusterSpec.For(StackInput.Of("ops").Blueprint());

        Assert.Equal(spec.Cluster.BootstrapNode, spec.Nodes[0].Node.Name);
        Assert.Equal(spec.Nodes.Select(n => n.Node.Name), spec.Nodes.OrderBy(n => n.Node.Role).Select(n => n.Node.Name));
    }

    private static StackInput Input(string stack, bool secrets) => secrets
        ? StackInput.Of(stack)
            .Set("bootstrap:sealedSecretsKeys", SecretValue.Marker("v1:x"))
            .Set("bootstrap:gitopsCredentials", SecretValue.Marker("v1:y"))
            .Set("bootstrap:talosSecrets", SecretValue.Marker("v1:z"))
        : StackInput.Of(stack);

    private static IEnumerable<PlannedResource> Resources(ClusterBlueprint blueprint)
    {
        var proxmox = ProxmoxSpec.For(blueprint);
        var talos = TalosClusterSpec.For(blueprint);
        var addons = AddonsSpec.For(blueprint);
        IEnumerable<PlannedResource?> all =
        [
            proxmox.Provider, proxmox.Schematic, .. proxmox.Images.Select(i => i.Resource),
            talos.RestoredSecrets ? null : talos.Secrets,
            .. talos.Nodes.SelectMany(n => new[] { n.Vm, n.VmReady.Resource, n.TalosUpgrade.Resource, n.ConfigApply, n.Removal.Resource }),
            talos.KubernetesUpgrade.Resource, talos.EtcdBootstrap.Resource, talos.Kubeconfig,
            addons.ApiReady.Resource, addons.KubernetesProvider, addons.GatewayApiCrdsSource.Resource, addons.GatewayApiCrds,
            addons.Cilium.Resource, addons.CiliumCrds.Resource, addons.LoadBalancer, addons.ClusterHealth.Resource,
            addons.CertManager.Resource, addons.SealedSecretsKeys, addons.SealedSecrets.Resource, addons.ArgoCdNamespace,
            addons.ArgoCdSecret, addons.ArgoCdRepository, addons.ArgoCd.Resource,
            HandoffSpec.For(blueprint).RootApplication,
        ];
        return all.OfType<PlannedResource>();
    }
}
