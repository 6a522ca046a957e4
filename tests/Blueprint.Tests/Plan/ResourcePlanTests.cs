using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Plan;

public class ResourcePlanTests
{
    private readonly ClusterBlueprint _ops = StackInput.Of("ops").Blueprint();

    private IReadOnlyList<string> After(string key) => _ops.Resource(key).DependsOn;

    [Fact]
    public void A_vm_waits_for_the_image_on_its_own_host_only()
    {
        Assert.Equal(["image/pve3"], After("vm/cp-3"));
        Assert.Equal(["image/pve2"], After("vm/worker-1"));
    }

    [Fact]
    public void A_config_apply_waits_for_its_own_vm_the_secrets_and_the_kubernetes_upgrade_only()
    {
        Assert.Equal(["vm/worker-2", "talos-secrets", "kubernetes-upgrade"], After("talos-apply/worker-2"));
    }

    [Fact]
    public void Talos_upgrades_go_one_node_at_a_time_control_planes_first()
    {
        Assert.Equal(["vm/cp-1"], After("talos-upgrade/cp-1"));
        Assert.Equal(["vm/cp-2", "talos-upgrade/cp-1"], After("talos-upgrade/cp-2"));
        Assert.Equal(["vm/worker-1", "talos-upgrade/cp-3"], After("talos-upgrade/worker-1"));
        Assert.Equal(["talos-upgrade/cp-1", "talos-upgrade/cp-2", "talos-upgrade/cp-3", "talos-upgrade/worker-1", "talos-upgrade/worker-2"], After("kubernetes-upgrade"));
    }

    [Fact]
    public void Etcd_is_bootstrapped_once_the_first_control_plane_is_configured()
    {
        Assert.Equal(["talos-apply/cp-1"], After("etcd-bootstrap"));
        Assert.Equal(["etcd-bootstrap"], After("kubeconfig"));
    }

    [Fact]
    public void Releases_wait_for_cilium_and_the_health_check_root_waits_for_all_releases()
    {
        Assert.Equal(["kubeconfig"], After("release/cilium"));
        Assert.Equal(["cluster-health"], After("release/cert-manager"));
        Assert.Equal(["cluster-health", "argocd-namespace", "argocd-secret"], After("release/argocd"));
        Assert.Equal(["release/cilium", "talos-apply/cp-1", "talos-apply/cp-2", "talos-apply/cp-3", "talos-apply/worker-1", "talos-apply/worker-2"], After("cluster-health"));
        Assert.Equal(["release/argocd", "release/cert-manager", "release/sealed-secrets"], After("root-application"));
        Assert.Equal("root-application", _ops.Resources[^1].Key);
    }

    [Fact]
    public void Optional_secrets_add_their_resources_and_edges()
    {
        var input = StackInput.Of("dev")
            .Set("bootstrap:sealedSecretsKeys", Bootstrap.Blueprint.Config.SecretValue.Marker("v1:x"))
            .Set("bootstrap:gitopsCredentials", Bootstrap.Blueprint.Config.SecretValue.Marker("v1:y"));

        var blueprint = input.Blueprint();

        Assert.Equal(["kubeconfig"], blueprint.Resource("sealed-secrets-keys").DependsOn);
        Assert.Contains("sealed-secrets-keys", blueprint.Resource("release/sealed-secrets").DependsOn);
        Assert.Equal(["kubeconfig", "argocd-namespace"], blueprint.Resource("argocd-repository").DependsOn);
        Assert.Contains("argocd-repository", blueprint.Resource("release/argocd").DependsOn);
        Assert.DoesNotContain(_ops.Resources, r => r.Key is "sealed-secrets-keys" or "argocd-repository");
    }

    [Fact]
    public void Keys_derive_from_names_never_from_positions()
    {
        var names = _ops.Nodes.Select(n => n.Name).Concat(_ops.Downloads.Select(d => d.Host)).Concat(_ops.Releases.Select(r => r.App)).ToHashSet();

        Assert.All(_ops.Resources.Where(r => r.Key.Contains('/')), r => Assert.Contains(r.Key.Split('/')[1], names));
        Assert.Equal(_ops.Resources.Count, _ops.Resources.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public void Every_dependency_is_a_planned_resource_created_earlier()
    {
        var seen = new HashSet<string>();
        foreach (var resource in _ops.Resources)
        {
            Assert.All(resource.DependsOn, d => Assert.Contains(d, seen));
            seen.Add(resource.Key);
        }
    }
}
