using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Plan;

namespace Bootstrap.Blueprint.Tests.Plan;

public class StagesTests
{
    private static readonly IReadOnlyList<BootstrapStage> Plain = Stages.For(new StackSecrets(false, false, false));
    private static readonly IReadOnlyList<BootstrapStage> WithKeys = Stages.For(new StackSecrets(false, true, false));

    private static StageEdge Edge(IReadOnlyList<BootstrapStage> stages, string stage, string after) =>
        Assert.Single(stages.Single(s => s.Id == stage).After, e => e.Stage == after);

    private static IEnumerable<string> After(IReadOnlyList<BootstrapStage> stages, string stage) =>
        stages.Single(s => s.Id == stage).After.Select(e => e.Stage);

    [Fact]
    public void Every_edge_points_to_an_earlier_stage_and_says_why()
    {
        foreach (var stages in new[] { Plain, WithKeys })
        {
            var seen = new HashSet<string>();
            foreach (var stage in stages)
            {
                Assert.All(stage.After, e =>
                {
                    // Node by node (one node at a time) a stage may wait on itself, or on a later stage of the previous node (a VM
                    // waits for the previous node's vm-ready): the plan orders those resources, BootstrapPlanTests checks it has no cycle.
                    Assert.True(seen.Contains(e.Stage) || e.Scope == EdgeScope.PreviousNode, $"{stage.Id} → {e.Stage}");
                    Assert.False(string.IsNullOrWhiteSpace(e.Reason));
                });
                Assert.True(seen.Add(stage.Id), $"{stage.Id} twice");
            }
        }
    }

    [Fact]
    public void The_rebuild_runs_proxmox_then_talos_then_cilium_then_the_addons_then_argocd_takes_over()
    {
        Assert.Equal([Stages.ProxmoxPreflight], After(Plain, Stages.Schematic));
        Assert.Equal([Stages.ProxmoxPreflight], After(Plain, Stages.TalosSecrets));
        Assert.Equal(EdgeScope.SameHost, Edge(Plain, Stages.Vm, Stages.Image).Scope);
        Assert.Equal(EdgeScope.SameNode, Edge(Plain, Stages.TalosApply, Stages.Vm).Scope);
        Assert.Equal(EdgeScope.BootstrapNode, Edge(Plain, Stages.EtcdBootstrap, Stages.TalosApply).Scope);
        Assert.Equal([Stages.EtcdBootstrap], After(Plain, Stages.Kubeconfig));
        Assert.Equal([Stages.GatewayApiCrds], After(Plain, Stages.Cilium));
        Assert.Equal([Stages.LoadBalancer, Stages.TalosApply], After(Plain, Stages.ClusterHealth));
        Assert.Equal([Stages.ArgoCd, Stages.CertManager, Stages.SealedSecrets, Stages.NodeRemoval], After(Plain, Stages.RootApplication));
    }

    [Fact]
    public void Kubernetes_resources_wait_for_an_api_that_answers()
    {
        Assert.Equal([Stages.Kubeconfig], After(Plain, Stages.ApiReady));
        Assert.Equal([Stages.ApiReady], After(Plain, Stages.KubernetesProvider));
        var kubernetes = Plain.SkipWhile(s => s.Id != Stages.KubernetesProvider).Skip(1).ToList();
        Assert.NotEmpty(kubernetes);
        Assert.All(kubernetes, s =>
            Assert.True(Reaches(Plain, After(Plain, s.Id), Stages.KubernetesProvider), $"{s.Id} does not wait for the Kubernetes provider"));
    }

    [Fact]
    public void The_pool_waits_for_cilium_operator_to_register_its_crds_not_for_the_release()
    {
        Assert.Equal([Stages.Cilium], After(Plain, Stages.CiliumCrds));
        Assert.Equal([Stages.CiliumCrds], After(Plain, Stages.LoadBalancer));
        Assert.Equal(ResourceKind.ReadinessGate, Plain.Single(s => s.Id == Stages.CiliumCrds).Kind);
        Assert.DoesNotContain("come with Cilium", string.Join("\n", Plain.SelectMany(s => s.After.Select(e => e.Reason))), StringComparison.Ordinal);
    }

    [Fact]
    public void Cert_manager_sealed_secrets_and_argocd_install_in_parallel()
    {
        string[] addons = [Stages.CertManager, Stages.SealedSecrets, Stages.ArgoCd];
        foreach (var addon in addons)
        {
            Assert.Contains(Stages.ClusterHealth, After(Plain, addon));
            Assert.Empty(After(Plain, addon).Intersect(addons));
        }
    }

    [Fact]
    public void Restored_sealed_secrets_keys_exist_before_the_controller_starts()
    {
        Assert.DoesNotContain(Plain, s => s.Id == Stages.SealedSecretsKeys);
        Assert.Contains(Stages.SealedSecretsKeys, After(WithKeys, Stages.SealedSecrets));
        Assert.Equal([Stages.KubernetesProvider], After(WithKeys, Stages.SealedSecretsKeys));
    }

    [Fact]
    public void No_edge_is_implied_by_the_others()
    {
        foreach (var stages in new[] { Plain, WithKeys })
        {
            foreach (var stage in stages)
            {
                foreach (var edge in stage.After.Where(e => e.Scope == EdgeScope.All))
                {
                    var others = stage.After.Where(e => e != edge && e.Scope == EdgeScope.All).Select(e => e.Stage);
                    Assert.False(Reaches(stages, others, edge.Stage), $"{stage.Id} → {edge.Stage} is implied by another path");
                }
            }
        }
    }

    private static bool Reaches(IReadOnlyList<BootstrapStage> stages, IEnumerable<string> from, string target)
    {
        var pending = new Stack<string>(from);
        var seen = new HashSet<string>();
        while (pending.TryPop(out var id))
        {
            if (id == target)
            {
                return true;
            }

            if (seen.Add(id))
            {
                foreach (var next in stages.Single(s => s.Id == id).After.Where(e => e.Scope == EdgeScope.All))
                {
                    pending.Push(next.Stage);
                }
            }
        }

        return false;
    }
}
