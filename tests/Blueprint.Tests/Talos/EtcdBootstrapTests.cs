using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Scripts;
using Bootstrap.Blueprint.Talos;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Talos;

/// <summary>The etcd bootstrap script, run by bash against a fake talosctl that answers as machined does.</summary>
public sealed class EtcdBootstrapTests : IDisposable
{
    private const string Bootstrap = "talosctl --endpoints 192.168.40.61 --nodes 192.168.40.61 bootstrap";
    private static readonly string[] ControlPlanes = ["192.168.40.61", "192.168.40.62", "192.168.40.63"];
    private readonly ScriptBench _bench = new();
    private readonly TempFolder _vault = new();

    public void Dispose()
    {
        _bench.Dispose();
        _vault.Dispose();
    }

    private static (string, string) Configured => ("FAKE_TALOS_MODE", "configured");

    private static LocalScript Fresh => StackInput.Of("dev").Blueprint().Scripts[Stages.EtcdBootstrap];

    [Fact]
    public void A_new_cluster_is_bootstrapped_once_on_the_first_control_plane_after_every_control_plane_was_asked()
    {
        var result = _bench.Run(Fresh, Configured);

        Assert.Equal(0, result.Exit);
        Assert.Contains("etcd-bootstrap: etcd bootstrapped on cp-1", result.Output, StringComparison.Ordinal);
        Assert.Equal([.. ControlPlanes.Select(Status), Bootstrap], result.Calls);
    }

    [Theory]
    [InlineData("192.168.40.61")]
    [InlineData("192.168.40.63")]
    public void A_cluster_whose_etcd_runs_on_any_control_plane_is_never_bootstrapped_again(string running)
    {
        // A replaced first control plane joins the running members; bootstrapping it would start a second etcd cluster.
        var result = _bench.Run(Fresh, Configured, ("FAKE_ETCD_ON", running));

        Assert.Equal(0, result.Exit);
        Assert.Contains($"etcd-bootstrap: etcd already runs on {running}; not bootstrapping again", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Calls, c => c.EndsWith(" bootstrap", StringComparison.Ordinal));
    }

    [Fact]
    public void A_node_that_already_holds_etcd_data_counts_as_bootstrapped()
    {
        var result = _bench.Run(Fresh, Configured, ("FAKE_BOOTSTRAP", "exists"));

        Assert.Equal(0, result.Exit);
        Assert.Contains("etcd-bootstrap: cp-1 already holds etcd data; not bootstrapping again", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_not_ready_yet_is_asked_again_until_it_accepts()
    {
        var result = _bench.Run(Fresh, Configured, ("FAKE_BOOTSTRAP", "not-ready-once"), (ScriptPrelude.WaitVariable, "30"));

        Assert.Equal(0, result.Exit);
        Assert.Equal(2, result.Calls.Count(c => c == Bootstrap));
        Assert.Contains("etcd-bootstrap: etcd bootstrapped on cp-1", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-ready", "code = FailedPrecondition desc = bootstrap is not available yet")]
    [InlineData("no-etcd", "code = InvalidArgument desc = etcd is not configured")]
    public void A_node_that_never_accepts_stops_pulumi_up_with_the_node_and_Talos_own_answer(string answer, string cause)
    {
        var result = _bench.Run(Fresh, Configured, ("FAKE_BOOTSTRAP", answer));

        Assert.Equal(1, result.Exit);
        Assert.Contains("etcd-bootstrap: cp-1 (192.168.40.61) did not accept the bootstrap within 0s", result.Output, StringComparison.Ordinal);
        Assert.Contains(cause, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_plane_that_never_answers_the_probe_is_given_up_on_and_the_next_one_asked()
    {
        var script = EtcdBootstrap.Script("cp-1", "192.168.40.61", ControlPlanes, null, probeSeconds: 1);

        var result = _bench.Run(script, Configured, ("FAKE_ETCD_HANG", "192.168.40.61"), ("FAKE_ETCD_ON", "192.168.40.62"));

        Assert.Equal(0, result.Exit);
        Assert.Contains("etcd-bootstrap: etcd already runs on 192.168.40.62; not bootstrapping again", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_restore_sends_the_snapshot_to_the_first_control_plane()
    {
        _vault.Write("etcd.snapshot", "snapshot");
        var snapshot = _vault.File("etcd.snapshot");
        var script = EtcdBootstrap.Script("cp-1", "192.168.40.61", ControlPlanes, snapshot);

        var result = _bench.Run(script, Configured);

        Assert.Equal(0, result.Exit);
        Assert.Contains($"etcd-bootstrap: etcd restored on cp-1 from {snapshot}", result.Output, StringComparison.Ordinal);
        Assert.Equal($"{Bootstrap} --recover-from {snapshot}", result.Calls[^1]);
    }

    [Fact]
    public void A_restore_from_a_missing_snapshot_fails_before_asking_any_node()
    {
        var script = EtcdBootstrap.Script("cp-1", "192.168.40.61", ControlPlanes, "vault/dev-last/etcd.snapshot");

        var result = _bench.Run(script, Configured);

        Assert.Equal(1, result.Exit);
        Assert.Contains("etcd-bootstrap: cannot read the etcd snapshot vault/dev-last/etcd.snapshot", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Calls);
    }

    [Fact]
    public void A_restore_into_a_running_cluster_does_nothing()
    {
        _vault.Write("etcd.snapshot", "snapshot");
        var script = EtcdBootstrap.Script("cp-1", "192.168.40.61", ControlPlanes, _vault.File("etcd.snapshot"));

        var result = _bench.Run(script, Configured, ("FAKE_ETCD_ON", "192.168.40.62"));

        Assert.Equal(0, result.Exit);
        Assert.DoesNotContain(result.Calls, c => c.Contains(" bootstrap", StringComparison.Ordinal));
    }

    private static string Status(string ip) => $"talosctl --endpoints {ip} --nodes {ip} etcd status";

    [Fact]
    public void Etcd_is_bootstrapped_once_per_cluster_while_every_other_script_runs_again_when_it_changes()
    {
        var blueprint = StackInput.Of("ops").Blueprint();
        string[] once = [Stages.EtcdBootstrap, Stages.GatewayApiCrdsSource];

        Assert.All(once, key => Assert.True(blueprint.Scripts[key].RunOnce, key));
        Assert.All(blueprint.Scripts.Where(s => !once.Contains(s.Key)), s => Assert.False(s.Value.RunOnce, s.Key));
    }
}
