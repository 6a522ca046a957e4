using Bootstrap.Tools.Verify;

namespace Bootstrap.Blueprint.Tests.Verify;

public class HealthReportTests
{
    private static HealthReport Degraded()
    {
        var state = HealthyCluster.State().WithNode("worker-2", n => n with { Conditions = new Dictionary<string, string> { ["Ready"] = "False" } });
        return HealthReport.Of(HealthyCluster.Dev, state with
        {
            Applications = [
                .. Enumerable.Range(1, 5).Select(i => new ObservedApplication($"app-{i}", "OutOfSync", "Healthy")), .. state.Applications!],
        });
    }

    [Fact]
    public void The_progress_line_names_what_is_missing_and_shortens_long_lists()
    {
        var line = Degraded().ProgressLine(TimeSpan.FromSeconds(65));

        Assert.Equal(
            "[01:05] waiting for nodes: worker-2 is NotReady; applications: app-1: OutOfSync, Healthy, app-2: OutOfSync, Healthy, "
            + "app-3: OutOfSync, Healthy (+2 more)",
            line);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void The_report_marks_each_probe_and_lists_everything_missing()
    {
        var report = Degraded();

        Assert.False(report.Healthy);
        var text = report.Render();
        Assert.StartsWith(
            "✗ nodes\n    missing: worker-2 is NotReady\n✓ cilium: 5/5 agents ready (kube-system/cilium)\n", text, StringComparison.Ordinal);
        Assert.Contains("    missing: app-5: OutOfSync, Healthy\n", text, StringComparison.Ordinal);
    }
}
