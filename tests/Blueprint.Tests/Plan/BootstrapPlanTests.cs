using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Plan;

public class BootstrapPlanTests
{
    private readonly ClusterBlueprint _ops = StackInput.Of("ops").Blueprint();

    private IReadOnlyList<string> After(string key) => _ops.Plan.Resource(key).DependsOn;

    [Fact]
    public void A_vm_waits_for_the_image_on_its_own_host_and_the_previous_node_being_ready_again_only()
    {
        Assert.Equal(["image/pve3", "vm-ready/cp-2"], After("vm/cp-3"));
        Assert.Equal(["image/pve2", "vm-ready/cp-3"], After("vm/worker-1"));
        Assert.Equal(["image/pve2"], After("vm/cp-1"));
    }

    [Fact]
    public void Nodes_leave_one_at_a_time_each_before_its_own_config_and_vm_are_deleted()
    {
        Assert.Equal(["talos-apply/cp-3", "cluster-health", "node-removal/cp-2"], After("node-removal/cp-3"));
        Assert.Equal(["talos-apply/cp-1", "cluster-health"], After("node-removal/cp-1"));
        Assert.Equal(["vm/cp-3"], After("talos-apply/cp-3").Take(1));
    }

    [Fact]
    public void Nothing_is_created_before_the_proxmox_preflight()
    {
        Assert.Equal(["proxmox-provider"], After("proxmox-preflight"));
        Assert.Equal(["proxmox-preflight"], After("schematic"));
        Assert.Equal(["proxmox-preflight"], After("talos-secrets"));
    }

    [Fact]
    public void A_config_apply_waits_for_its_own_vm_the_secrets_and_the_kubernetes_upgrade_only()
    {
        Assert.Equal(["vm/worker-2", "talos-secrets", "kubernetes-upgrade"], After("talos-apply/worker-2"));
    }

    [Fact]
    public void Talos_upgrades_go_one_node_at_a_time_control_planes_first()
    {
        Assert.Equal(["vm-ready/cp-1"], After("talos-upgrade/cp-1"));
        Assert.Equal(["vm-ready/cp-2", "talos-upgrade/cp-1"], After("talos-upgrade/cp-2"));
        Assert.Equal(["vm-ready/worker-1", "talos-upgrade/cp-3"], After("talos-upgrade/worker-1"));
        Assert.Equal(
            ["talos-upgrade/cp-1", "talos-upgrade/cp-2", "talos-upgrade/cp-3", "talos-upgrade/worker-1", "talos-upgrade/worker-2"],
            After("kubernetes-upgrade"));
    }

    [Fact]
    public void Etcd_is_bootstrapped_once_the_first_control_plane_is_configured_and_the_api_is_awaited()
    {
        Assert.Equal(["talos-apply/cp-1"], After("etcd-bootstrap"));
        Assert.Equal(["etcd-bootstrap"], After("kubeconfig"));
        Assert.Equal(["kubeconfig"], After("api-ready"));
        Assert.Equal(["api-ready"], After("kubernetes-provider"));
    }

    [Fact]
    public void Releases_wait_for_the_gates_and_the_root_waits_for_all_releases()
    {
        Assert.Equal(["gateway-api-crds"], After("cilium"));
        Assert.Equal(["cilium"], After("cilium-crds"));
        Assert.Equal(["cilium-crds"], After("load-balancer"));
        Assert.Equal(["cluster-health"], After("cert-manager"));
        Assert.Equal(["cluster-health", "argocd-secret"], After("argocd"));
        Assert.Equal(
            ["load-balancer", "talos-apply/cp-1", "talos-apply/cp-2", "talos-apply/cp-3", "talos-apply/worker-1", "talos-apply/worker-2"],
            After("cluster-health"));
        Assert.Equal(
            ["argocd", "cert-manager", "sealed-secrets", .. _ops.Nodes.Select(n => $"node-removal/{n.Name}")], After("root-application"));
        Assert.Equal("root-application", _ops.Plan.Resources[^1].Key);
    }

    [Fact]
    public void Optional_secrets_add_their_resources_and_edges()
    {
        var input = StackInput.Of("dev")
            .Set("bootstrap:sealedSecretsKeys", Bootstrap.Blueprint.Config.SecretValue.Marker("v1:x"))
            .Set("bootstrap:gitopsCredentials", Bootstrap.Blueprint.Config.SecretValue.Marker("v1:y"));

        var plan = input.Blueprint().Plan;

        Assert.Equal(["kubernetes-provider"], plan.Resource("sealed-secrets-keys").DependsOn);
        Assert.Contains("sealed-secrets-keys", plan.Resource("sealed-secrets").DependsOn);
        Assert.Equal(["argocd-namespace"], plan.Resource("argocd-repository").DependsOn);
        Assert.Contains("argocd-repository", plan.Resource("argocd").DependsOn);
        Assert.DoesNotContain(_ops.Plan.Resources, r => r.Key is "sealed-secrets-keys" or "argocd-repository");
    }

    [Fact]
    public void Keys_derive_from_names_never_from_positions()
    {
        var names = _ops.Nodes.Select(n => n.Name).Concat(_ops.Downloads.Select(d => d.Host)).ToHashSet();

        Assert.All(_ops.Plan.Resources.Where(r => r.Key.Contains('/')), r => Assert.Contains(r.Key.Split('/')[1], names));
        Assert.All(_ops.Plan.Resources.Where(r => !r.Key.Contains('/')), r => Assert.Equal(r.Stage, r.Key));
        Assert.Equal(_ops.Plan.Resources.Count, _ops.Plan.Resources.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public void Every_dependency_is_a_planned_resource_created_earlier()
    {
        var seen = new HashSet<string>();
        foreach (var resource in _ops.Plan.Resources)
        {
            Assert.All(resource.DependsOn, d => Assert.Contains(d, seen));
            seen.Add(resource.Key);
        }
    }

    [Fact]
    public void Every_local_command_has_its_script_and_only_they_have_one()
    {
        var commands = _ops.Plan.Resources.Where(r => r.Kind is ResourceKind.TalosUpgrade or ResourceKind.KubernetesUpgrade
            or ResourceKind.ReadinessGate or ResourceKind.EtcdBootstrap or ResourceKind.VmReady or ResourceKind.NodeRemoval
            or ResourceKind.InstalledSource);

        Assert.Equal(commands.Select(r => r.Key).Order(StringComparer.Ordinal), _ops.Scripts.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_protected_stack_protects_what_must_never_be_deleted_but_not_what_a_version_bump_replaces()
    {
        var dev = StackInput.Of("dev").Blueprint();

        Assert.DoesNotContain(dev.Plan.Resources, r => r.Protect);
        Assert.All(_ops.Plan.Resources.Where(r => r.Kind is ResourceKind.VirtualMachine or ResourceKind.TalosSecrets or ResourceKind.EtcdBootstrap
            or ResourceKind.HelmRelease or ResourceKind.RootApplication or ResourceKind.RestoredSealedSecretsKeys), r => Assert.True(
                r.Protect, r.Key));
        Assert.All(_ops.Plan.Resources.Where(r => r.Kind is ResourceKind.TalosUpgrade or ResourceKind.KubernetesUpgrade
            or ResourceKind.ReadinessGate or ResourceKind.ImageDownload), r => Assert.False(r.Protect, r.Key));
    }

    [Fact]
    public void What_argo_cd_owns_after_the_handoff_is_retained_on_destroy()
    {
        var retained = _ops.Plan.Resources.Where(r => r.Retain).Select(r => r.Key).Order(StringComparer.Ordinal);

        Assert.Equal(["argocd", "argocd-namespace", "cert-manager", "cilium", "gateway-api-crds", "root-application", "sealed-secrets"], retained);
    }
}
