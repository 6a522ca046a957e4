using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Nodes;

/// <summary>The step after each VM that holds the next node's VM back until this node is Ready again.</summary>
public sealed class VmReadyScriptTests : IDisposable
{
    private readonly ScriptBench _bench = new();
    private readonly ClusterBlueprint _dev = StackInput.Of("dev").Blueprint();

    public void Dispose() => _bench.Dispose();

    private ScriptResult Run(string node, params (string, string)[] state) =>
        _bench.Run(_dev.Scripts[PlannedResource.KeyOf(Stages.VmReady, node)], state);

    [Fact]
    public void A_rebooted_node_must_answer_be_ready_and_leave_the_cluster_healthy()
    {
        var result = Run("cp-2", ("FAKE_TALOS_MODE", "configured"));

        Assert.Equal(0, result.Exit);
        Assert.Equal(
            [
                "talosctl --endpoints 192.168.40.62 --nodes 192.168.40.62 version --json",
                "talosctl --endpoints 192.168.40.62 --nodes 192.168.40.62 get nodestatus cp-2 -o jsonpath={.spec.nodeReady}",
                "talosctl --endpoints 192.168.40.61 --nodes 192.168.40.61 health --wait-timeout 10m",
            ],
            result.Calls);
    }

    [Fact]
    public void A_node_that_is_not_ready_again_stops_the_roll()
    {
        var result = Run("cp-1", ("FAKE_TALOS_MODE", "configured"), ("FAKE_NODE_READY", "false"));

        Assert.Equal(1, result.Exit);
        Assert.Contains("vm-ready cp-1: cp-1 is not Ready within 0s after its VM changed", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Calls, c => c.Contains(" health ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("maintenance", 0)]
    [InlineData("down", 1)]
    public void A_new_vm_in_maintenance_mode_passes_at_once_and_a_silent_one_fails(string mode, int exit)
    {
        var result = Run("worker-1", ("FAKE_TALOS_MODE", mode));

        Assert.Equal(exit, result.Exit);
        Assert.DoesNotContain(result.Calls, c => c.Contains(" health ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_step_re_runs_exactly_when_what_reboots_the_vm_changes()
    {
        var step = _dev.Scripts[PlannedResource.KeyOf(Stages.VmReady, "worker-1")];
        var vm = _dev.Nodes.Single(n => n.Name == "worker-1").Vm;

        Assert.Equal([$"cores={vm.Cores}", $"memoryMiB={vm.MemoryMiB}"], step.Triggers);
        Assert.Equal(["vm-ready/cp-3"], _dev.Plan.Resource("vm/worker-1").DependsOn.Where(d => d.StartsWith("vm-ready/", StringComparison.Ordinal)));
        Assert.DoesNotContain(_dev.Plan.Resource("vm/cp-1").DependsOn, d => d.StartsWith("vm-ready/", StringComparison.Ordinal));
    }
}
