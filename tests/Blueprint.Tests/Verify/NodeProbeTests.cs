using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Talos;
using Bootstrap.Tools.Verify;

namespace Bootstrap.Blueprint.Tests.Verify;

public class NodeProbeTests
{
    private static ProbeResult Probe(ClusterState state) => NodeProbe.Run(HealthyCluster.Dev, state);

    [Fact]
    public void Every_planned_node_ready_with_its_role_passes()
    {
        var result = Probe(HealthyCluster.State());

        Assert.True(result.Passed);
        Assert.Equal("5/5 nodes Ready with their roles (3 control plane(s), 2 worker(s))", result.Summary);
    }

    [Fact]
    public void A_missing_node_is_named()
    {
        var state = HealthyCluster.State();
        state = state with { Nodes = state.Nodes.Where(n => n.Name != "cp-2").ToList() };

        Assert.Equal(["cp-2 is not registered"], Probe(state).Missing);
    }

    [Theory]
    [InlineData("False")]
    [InlineData("Unknown")]
    public void A_node_whose_Ready_condition_is_not_True_is_NotReady(string status)
    {
        var state = HealthyCluster.State().WithNode("worker-2", n => n with { Conditions = new Dictionary<string, string> { ["Ready"] = status } });

        Assert.Equal(["worker-2 is NotReady"], Probe(state).Missing);
    }

    [Fact]
    public void A_node_without_a_Ready_condition_is_NotReady()
    {
        var state = HealthyCluster.State().WithNode("cp-1", n => n with { Conditions = new Dictionary<string, string>() });

        Assert.Equal(["cp-1 is NotReady"], Probe(state).Missing);
    }

    [Fact]
    public void A_worker_without_its_role_label_is_named_with_the_label_it_needs()
    {
        var state = HealthyCluster.State().WithNode("worker-1", n => n with { Labels = new Dictionary<string, string>() });

        Assert.Equal([$"worker-1 lacks the label {MachinePatches.WorkerRoleLabel}=worker"], Probe(state).Missing);
    }

    [Fact]
    public void A_worker_carrying_the_control_plane_label_is_wrong()
    {
        var state = HealthyCluster.State().WithNode("worker-1", n => n with
        {
            Labels = new Dictionary<string, string> { [MachinePatches.WorkerRoleLabel] = "worker", [ClusterExpectation.ControlPlaneLabel] = "" },
        });

        Assert.Equal(["worker-1 is a worker but carries node-role.kubernetes.io/control-plane"], Probe(state).Missing);
    }

    [Fact]
    public void A_control_plane_without_the_control_plane_label_is_named()
    {
        var state = HealthyCluster.State().WithNode("cp-3", n => n with { Labels = new Dictionary<string, string>() });

        Assert.Equal(["cp-3 lacks the label node-role.kubernetes.io/control-plane"], Probe(state).Missing);
    }

    [Fact]
    public void A_node_at_another_address_than_planned_is_named()
    {
        var state = HealthyCluster.State().WithNode("cp-1", n => n with { InternalIps = ["192.168.40.99"] });

        Assert.Equal(["cp-1 has InternalIP 192.168.40.99, the plan says 192.168.40.61"], Probe(state).Missing);
    }

    [Fact]
    public void An_extra_node_is_noted_but_does_not_fail()
    {
        var state = HealthyCluster.State();
        state = state with { Nodes = [.. state.Nodes, HealthyCluster.Node(new ExpectedNode("stray", NodeRole.Worker, "192.168.40.90"))] };

        var result = Probe(state);

        Assert.True(result.Passed);
        Assert.Equal(["stray is registered but not in the dev blueprint"], result.Notes);
    }
}
