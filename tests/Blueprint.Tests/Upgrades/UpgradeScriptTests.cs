using System.Diagnostics;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Blueprint.Upgrades;

namespace Bootstrap.Blueprint.Tests.Upgrades;

/// <summary>
/// The generated upgrade scripts, run by bash against a fake talosctl on PATH that only records its arguments and
/// answers with canned versions: no network, no cluster.
/// </summary>
public sealed class UpgradeScriptTests : IDisposable
{
    private const string FakeTalosctl = """
        #!/usr/bin/env bash
        echo "$*" >> "$FAKE_LOG"
        case "$*" in
          *" version"*)
            [ -n "${FAKE_TALOS:-}" ] || exit 1
            printf 'Client:\n\tTag:         v9.9.9\nServer:\n\tNODE:        x\n\tTag:         %s\n' "$FAKE_TALOS" ;;
          *"get kubeletspec"*)
            [ -n "${FAKE_KUBELET:-}" ] || exit 1
            printf 'ghcr.io/siderolabs/kubelet:%s' "$FAKE_KUBELET" ;;
        esac
        exit 0
        """;

    private readonly TempFolder _bin = new();
    private readonly ClusterBlueprint _dev = StackInput.Of("dev").Blueprint();

    public UpgradeScriptTests()
    {
        _bin.Write("talosctl", FakeTalosctl.Replace("\r", "", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_bin.File("talosctl"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => _bin.Dispose();

    private UpgradeStep Step(string key) => _dev.UpgradeSteps.Single(s => s.Key == key);

    private (int Exit, string Output, string[] Calls) Run(UpgradeStep step, string? talos = null, string? kubelet = null)
    {
        var log = _bin.File("calls.log");
        File.WriteAllText(log, "");
        var start = new ProcessStartInfo("bash", ["-c", step.Script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = $"{_bin.Path}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment[UpgradePlan.TalosConfigVariable] = "context: test";
        start.Environment["FAKE_LOG"] = log;
        start.Environment["FAKE_TALOS"] = talos ?? "";
        start.Environment["FAKE_KUBELET"] = kubelet ?? "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, File.ReadAllLines(log));
    }

    [Fact]
    public void A_new_node_is_left_alone()
    {
        var (exit, output, calls) = Run(Step("talos-upgrade/cp-2"));

        Assert.Equal(0, exit);
        Assert.Contains("cp-2: no configured Talos answers at 192.168.40.62 yet", output, StringComparison.Ordinal);
        Assert.DoesNotContain(calls, c => c.Contains("upgrade", StringComparison.Ordinal));
    }

    [Fact]
    public void A_node_at_the_target_is_left_alone()
    {
        var (exit, output, calls) = Run(Step("talos-upgrade/cp-1"), talos: "v1.13.9");

        Assert.Equal(0, exit);
        Assert.Contains("cp-1 already runs Talos v1.13.9", output, StringComparison.Ordinal);
        Assert.Single(calls);
    }

    [Fact]
    public void An_older_node_is_checked_upgraded_with_the_schematic_installer_and_checked_again()
    {
        var (exit, _, calls) = Run(Step("talos-upgrade/worker-1"), talos: "v1.12.6");

        Assert.Equal(0, exit);
        Assert.Equal(
        [
            "--nodes 192.168.40.64 version",
            "--nodes 192.168.40.61 health --control-plane-nodes 192.168.40.61,192.168.40.62,192.168.40.63 --worker-nodes 192.168.40.64,192.168.40.65 --wait-timeout 10m",
            $"--nodes 192.168.40.64 upgrade --image {_dev.Image.InstallerImage} --wait --timeout 20m",
            "--nodes 192.168.40.61 health --control-plane-nodes 192.168.40.61,192.168.40.62,192.168.40.63 --worker-nodes 192.168.40.64,192.168.40.65 --wait-timeout 10m",
        ], calls);
    }

    [Theory]
    [InlineData("v1.13.12", "newer than v1.13.9")]
    [InlineData("v1.11.3", "may only follow the previous or the same minor")]
    public void A_downgrade_or_skipped_minor_is_refused_before_touching_the_node(string running, string message)
    {
        var (exit, output, calls) = Run(Step("talos-upgrade/cp-3"), talos: running);

        Assert.Equal(1, exit);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain(calls, c => c.Contains(" upgrade ", StringComparison.Ordinal) || c.Contains("health", StringComparison.Ordinal));
    }

    [Fact]
    public void Kubernetes_is_upgraded_with_a_dry_run_first()
    {
        var (exit, _, calls) = Run(Step("kubernetes-upgrade"), kubelet: "v1.35.4");

        Assert.Equal(0, exit);
        Assert.Equal("--nodes 192.168.40.61 upgrade-k8s --to 1.36.3 --dry-run", calls[2]);
        Assert.Equal("--nodes 192.168.40.61 upgrade-k8s --to 1.36.3", calls[3]);
    }

    [Fact]
    public void Kubernetes_at_the_target_or_newer_is_not_touched()
    {
        Assert.Equal(0, Run(Step("kubernetes-upgrade"), kubelet: "v1.36.3").Exit);
        var (exit, output, calls) = Run(Step("kubernetes-upgrade"), kubelet: "v1.36.5");

        Assert.Equal(1, exit);
        Assert.Contains("newer than 1.36.3", output, StringComparison.Ordinal);
        Assert.DoesNotContain(calls, c => c.Contains("upgrade-k8s", StringComparison.Ordinal));
    }

    [Fact]
    public void The_talosconfig_never_lands_in_the_script()
    {
        Assert.All(_dev.UpgradeSteps, s => Assert.Contains($"\"${UpgradePlan.TalosConfigVariable}\"", s.Script, StringComparison.Ordinal));
    }
}
