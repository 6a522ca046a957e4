using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Scripts;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Upgrades;

/// <summary>The generated upgrade scripts, run by bash against a fake talosctl that answers like a node in a given state.</summary>
public sealed class UpgradeScriptTests : IDisposable
{
    private readonly ScriptBench _bench = new();
    private readonly ClusterBlueprint _dev = StackInput.Of("dev").Blueprint();

    public void Dispose() => _bench.Dispose();

    private LocalScript Step(string key) => _dev.Scripts[key];

    private static (string, string) Mode(string mode) => ("FAKE_TALOS_MODE", mode);

    [Fact]
    public void A_node_in_maintenance_mode_is_new_and_left_alone()
    {
        var result = _bench.Run(Step("talos-upgrade/cp-2"), Mode("maintenance"));

        Assert.Equal(0, result.Exit);
        Assert.Contains(
            "cp-2 (192.168.40.62) runs the maintenance-mode API (a new node): nothing to upgrade", result.Output, StringComparison.Ordinal);
        Assert.Equal(
            [
                "talosctl --endpoints 192.168.40.62 --nodes 192.168.40.62 version --json",
                "talosctl --endpoints 192.168.40.62 --nodes 192.168.40.62 get disks --insecure"],
            result.Calls);
    }

    [Theory]
    [InlineData("down", "connection refused")]
    [InlineData("tls", "tls: bad certificate")]
    public void A_node_that_answers_neither_way_stops_pulumi_up_with_the_node_and_the_cause(string mode, string cause)
    {
        var result = _bench.Run(Step("talos-upgrade/worker-1"), Mode(mode));

        Assert.Equal(1, result.Exit);
        Assert.Contains(
            "talos-upgrade worker-1: worker-1 (192.168.40.64) answered neither with the cluster's credentials nor in maintenance mode within 0s",
            result.Output,
            StringComparison.Ordinal);
        Assert.Contains(cause, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Calls, c => c.Contains(" upgrade ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_talosctl_is_named_not_taken_for_a_new_node()
    {
        using var noTools = new ScriptBench("curl");

        var result = noTools.Run(Step("talos-upgrade/cp-1"), Mode("maintenance"));

        Assert.Equal(1, result.Exit);
        Assert.Contains("talos-upgrade cp-1: talosctl is not on PATH; install it where pulumi runs", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_at_the_target_version_and_schematic_is_left_alone()
    {
        var result = _bench.Run(
            Step("talos-upgrade/cp-1"), Mode("configured"), ("FAKE_TALOS", "v1.13.9"), ("FAKE_SCHEMATIC", _dev.Image.Schematic.Id));

        Assert.Equal(0, result.Exit);
        Assert.Contains($"cp-1 already runs Talos v1.13.9 with schematic {_dev.Image.Schematic.Id}", result.Output, StringComparison.Ordinal);
        Assert.Equal(
            [
                "talosctl --endpoints 192.168.40.61 --nodes 192.168.40.61 version --json",
                "talosctl --endpoints 192.168.40.61 --nodes 192.168.40.61 get extensions -o jsonpath={.spec.metadata}",
            ],
            result.Calls);
    }

    [Theory]
    [InlineData("376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba")]
    [InlineData("")]
    public void A_node_at_the_target_version_with_another_or_no_schematic_gets_the_new_installer(string running)
    {
        var result = _bench.Run(Step("talos-upgrade/worker-1"), Mode("configured"), ("FAKE_TALOS", "v1.13.9"), ("FAKE_SCHEMATIC", running));

        Assert.Equal(0, result.Exit);
        Assert.Contains(
            $"worker-1: upgrading Talos v1.13.9 (schematic {(running.Length == 0 ? "none" : running)}) "
                + $"-> v1.13.9 (schematic {_dev.Image.Schematic.Id})",
            result.Output,
            StringComparison.Ordinal);
        Assert.Contains(
            $"talosctl --endpoints 192.168.40.64 --nodes 192.168.40.64 upgrade --image {_dev.Image.InstallerImage} --wait --timeout 20m",
            result.Calls);
    }

    [Fact]
    public void An_older_node_is_checked_upgraded_with_the_schematic_installer_and_checked_again()
    {
        var result = _bench.Run(Step("talos-upgrade/worker-1"), Mode("configured"), ("FAKE_TALOS", "v1.12.6"));

        Assert.Equal(0, result.Exit);
        Assert.Equal(
        [
            "talosctl --endpoints 192.168.40.64 --nodes 192.168.40.64 version --json",
            "talosctl --endpoints 192.168.40.64 --nodes 192.168.40.64 get extensions -o jsonpath={.spec.metadata}",
            "talosctl --endpoints 192.168.40.61 --nodes 192.168.40.61 health --wait-timeout 10m",
            $"talosctl --endpoints 192.168.40.64 --nodes 192.168.40.64 upgrade --image {_dev.Image.InstallerImage} --wait --timeout 20m",
            "talosctl --endpoints 192.168.40.61 --nodes 192.168.40.61 health --wait-timeout 10m",
        ], result.Calls);
    }

    [Fact]
    public void A_failed_health_check_stops_before_the_node_is_touched()
    {
        var result = _bench.Run(Step("talos-upgrade/worker-2"), Mode("configured"), ("FAKE_TALOS", "v1.13.2"), ("FAKE_HEALTH", "fail"));

        Assert.NotEqual(0, result.Exit);
        Assert.DoesNotContain(result.Calls, c => c.Contains(" upgrade ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("v1.13.12", "newer than v1.13.9")]
    [InlineData("v1.11.3", "may only follow the previous or the same minor")]
    public void A_downgrade_or_skipped_minor_is_refused_before_touching_the_node(string running, string message)
    {
        var result = _bench.Run(Step("talos-upgrade/cp-3"), Mode("configured"), ("FAKE_TALOS", running));

        Assert.Equal(1, result.Exit);
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Calls, c => c.Contains(" upgrade ", StringComparison.Ordinal) || c.Contains("health", StringComparison.Ordinal));
    }

    [Fact]
    public void Kubernetes_is_upgraded_with_a_dry_run_first()
    {
        var result = _bench.Run(Step("kubernetes-upgrade"), Mode("configured"), ("FAKE_KUBELET", "v1.35.4"));

        Assert.Equal(0, result.Exit);
        Assert.Equal("talosctl --endpoints 192.168.40.61 --nodes 192.168.40.61 upgrade-k8s --to 1.36.3 --dry-run", result.Calls[2]);
        Assert.Equal("talosctl --endpoints 192.168.40.61 --nodes 192.168.40.61 upgrade-k8s --to 1.36.3", result.Calls[3]);
    }

    [Fact]
    public void Kubernetes_is_skipped_only_for_a_cluster_in_maintenance_mode()
    {
        Assert.Equal(0, _bench.Run(Step("kubernetes-upgrade"), Mode("maintenance")).Exit);
        var down = _bench.Run(Step("kubernetes-upgrade"), Mode("down"));

        Assert.Equal(1, down.Exit);
        Assert.Contains("kubernetes-upgrade: cp-1 (192.168.40.61) answered neither", down.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(down.Calls, c => c.Contains("upgrade-k8s", StringComparison.Ordinal));
    }

    [Fact]
    public void Kubernetes_at_the_target_or_newer_is_not_touched()
    {
        Assert.Equal(0, _bench.Run(Step("kubernetes-upgrade"), Mode("configured"), ("FAKE_KUBELET", "v1.36.3")).Exit);
        var result = _bench.Run(Step("kubernetes-upgrade"), Mode("configured"), ("FAKE_KUBELET", "v1.36.5"));

        Assert.Equal(1, result.Exit);
        Assert.Contains("newer than 1.36.3", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Calls, c => c.Contains("upgrade-k8s", StringComparison.Ordinal));
    }

    [Fact]
    public void A_node_step_names_only_its_own_node_and_the_bootstrap_node()
    {
        var others = _dev.Nodes.Where(n => n.Name is not ("worker-1" or "cp-1")).Select(n => n.Ip);

        Assert.All(others, ip => Assert.DoesNotContain(ip, Step("talos-upgrade/worker-1").Script, StringComparison.Ordinal));
        Assert.Equal([_dev.Image.InstallerImage], Step("talos-upgrade/worker-1").Triggers);
    }

    [Fact]
    public void The_talosconfig_never_lands_in_the_script()
    {
        Assert.All(_dev.Scripts.Values.Where(s => s.Credentials.HasFlag(ScriptCredentials.Talosconfig)), s =>
            Assert.Contains($"\"${LocalScript.TalosconfigVariable}\"", s.Script, StringComparison.Ordinal));
    }
}
