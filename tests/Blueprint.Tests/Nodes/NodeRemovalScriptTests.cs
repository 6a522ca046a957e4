using Bootstrap.Blueprint.Nodes;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Scripts;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Nodes;

/// <summary>The delete script of a node's removal step, run by bash against fake talosctl and kubectl.</summary>
public sealed class NodeRemovalScriptTests : IDisposable
{
    private readonly ScriptBench _bench = new();
    private readonly ClusterBlueprint _dev = StackInput.Of("dev").Blueprint();

    public void Dispose() => _bench.Dispose();

    private ScriptResult Remove(string node, params (string, string)[] state)
    {
        var step = _dev.Scripts[PlannedResource.KeyOf(Stages.NodeRemoval, node)];
        return _bench.Run(step with { Script = step.DeleteScript! }, state);
    }

    [Fact]
    public void A_running_worker_is_drained_reset_and_its_node_object_deleted_in_that_order()
    {
        var result = Remove("worker-2", ("FAKE_TALOS_MODE", "configured"), ("FAKE_K8S_NODES", "cp-1 worker-2"));

        Assert.Equal(0, result.Exit);
        const string kubectl = "kubectl --kubeconfig";
        Assert.Equal(
            [
                "talosctl --endpoints 192.168.40.65 --nodes 192.168.40.65 version",
                "get node worker-2",
                "drain worker-2 --ignore-daemonsets --delete-emptydir-data --timeout 0s",
                "talosctl --endpoints 192.168.40.65 --nodes 192.168.40.65 reset --graceful --reboot=false --wait --timeout 10m",
                "get --raw /readyz",
                "delete node worker-2 --ignore-not-found --wait=true",
            ],
            result.Calls.Select(c => c.StartsWith(kubectl, StringComparison.Ordinal) ? c[(c.IndexOf("10s ", StringComparison.Ordinal) + 4)..] : c));
        Assert.Contains("node-removal worker-2: worker-2 left the cluster", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drain_that_a_disruption_budget_blocks_stops_before_the_reset()
    {
        var result = Remove("worker-1", ("FAKE_TALOS_MODE", "configured"), ("FAKE_K8S_NODES", "worker-1"), ("FAKE_DRAIN", "fail"));

        Assert.NotEqual(0, result.Exit);
        Assert.Contains("disruption budget", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(
            result.Calls, c => c.Contains(" reset ", StringComparison.Ordinal) || c.Contains("delete node", StringComparison.Ordinal));
    }

    [Fact]
    public void A_control_plane_reset_is_graceful_so_it_leaves_etcd_itself()
    {
        var result = Remove("cp-3", ("FAKE_TALOS_MODE", "configured"), ("FAKE_K8S_NODES", "cp-3"));

        Assert.Equal(0, result.Exit);
        Assert.Contains("node-removal cp-3: resetting cp-3 (192.168.40.63), which leaves etcd", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Calls, c => c.Contains("remove-member", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreachable_control_plane_has_its_etcd_member_removed_by_another_control_plane()
    {
        var result = Remove(
            "cp-3", ("FAKE_TALOS_MODE", "configured"), ("FAKE_DOWN", "192.168.40.63 192.168.40.61"), ("FAKE_ETCD_MEMBERS", "cp-1 cp-2 cp-3"));

        Assert.Equal(0, result.Exit);
        Assert.Contains("talosctl --endpoints 192.168.40.62 --nodes 192.168.40.62 etcd remove-member 0000000000000003", result.Calls);
        Assert.DoesNotContain(result.Calls, c => c.Contains(" reset ", StringComparison.Ordinal));
        Assert.Contains(result.Calls, c => c.EndsWith("delete node cp-3 --ignore-not-found --wait=true", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dead_cluster_is_torn_down_without_waiting_for_anything_it_cannot_reach()
    {
        var result = Remove("cp-1", ("FAKE_TALOS_MODE", "down"), ("FAKE_READYZ", "fail"));

        Assert.Equal(0, result.Exit);
        Assert.Contains("no control plane answers: the cluster is gone", result.Output, StringComparison.Ordinal);
        Assert.Contains("the Kubernetes API does not answer: no Node object to delete", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_that_never_left_maintenance_mode_is_not_reset()
    {
        var result = Remove("worker-1", ("FAKE_TALOS_MODE", "maintenance"));

        Assert.Equal(0, result.Exit);
        Assert.Contains("runs the maintenance-mode API: it never joined", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Calls, c => c.Contains(" reset ", StringComparison.Ordinal) || c.Contains(" drain ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_teardown_of_the_whole_cluster_touches_no_node()
    {
        var result = Remove("cp-2", ("FAKE_TALOS_MODE", "configured"), (NodeRemoval.TeardownVariable, "1"));

        Assert.Equal(0, result.Exit);
        Assert.Empty(result.Calls);
    }

    [Fact]
    public void Creating_the_step_touches_no_node_but_names_a_missing_kubectl_already_when_the_node_joins()
    {
        using var noKubectl = new ScriptBench("talosctl", "curl");
        var step = _dev.Scripts[PlannedResource.KeyOf(Stages.NodeRemoval, "worker-1")];

        var created = _bench.Run(step, ("FAKE_TALOS_MODE", "configured"));
        var withoutKubectl = noKubectl.Run(step, ("FAKE_TALOS_MODE", "configured"));

        Assert.Equal(0, created.Exit);
        Assert.Empty(created.Calls);
        Assert.Equal(1, withoutKubectl.Exit);
        Assert.Contains("node-removal worker-1: kubectl is not on PATH", withoutKubectl.Output, StringComparison.Ordinal);
        Assert.Equal(ScriptCredentials.Talosconfig | ScriptCredentials.Kubeconfig, step.Credentials);
    }
}
