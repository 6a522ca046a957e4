using Bootstrap.Tools.Verify;

namespace Bootstrap.Blueprint.Tests.Verify;

public class CiliumProbeTests
{
    private static ProbeResult Probe(ClusterState state) => CiliumProbe.Run(HealthyCluster.Dev, state);

    [Fact]
    public void An_agent_ready_on_every_node_passes()
    {
        var result = Probe(HealthyCluster.State());

        Assert.True(result.Passed);
        Assert.Equal("5/5 agents ready (kube-system/cilium)", result.Summary);
    }

    [Fact]
    public void Four_of_five_agents_ready_fails_and_names_the_node()
    {
        var state = HealthyCluster.State();
        state = state with
        {
            CiliumAgents = new ObservedDaemonSet(5, 4),
            CiliumPods = state.CiliumPods
                .Select(p => p.NodeName == "worker-2" ? p with { Conditions = new Dictionary<string, string> { ["Ready"] = "False" } } : p)
                .ToList(),
        };

        Assert.Equal(
            ["4/5 agents ready (kube-system/cilium: desired 5, ready 4, planned nodes 5)", "no ready agent on worker-2"],
            Probe(state).Missing);
    }

    [Fact]
    public void Fewer_agents_scheduled_than_planned_nodes_fails()
    {
        var state = HealthyCluster.State();
        state = state with { CiliumAgents = new ObservedDaemonSet(4, 4), CiliumPods = state.CiliumPods.Where(p => p.NodeName != "cp-3").ToList() };

        Assert.Equal(
            ["4/5 agents ready (kube-system/cilium: desired 4, ready 4, planned nodes 5)", "no ready agent on cp-3"],
            Probe(state).Missing);
    }

    [Fact]
    public void A_missing_DaemonSet_fails()
    {
        Assert.Equal(["DaemonSet kube-system/cilium not found"], Probe(HealthyCluster.State() with { CiliumAgents = null }).Missing);
    }

    [Fact]
    public void An_extra_node_with_its_own_agent_does_not_fail()
    {
        var state = HealthyCluster.State();
        state = state with
        {
            CiliumAgents = new ObservedDaemonSet(6, 6),
            CiliumPods = [.. state.CiliumPods, new ObservedPod("cilium-stray", "stray", HealthyCluster.Ready)],
        };

        Assert.True(Probe(state).Passed);
    }
}
