using System.Text;

namespace Bootstrap.Blueprint.Verify;

/// <summary>Every check of one poll, and how <c>verify</c> shows them: one progress line while waiting, a full report at the end.</summary>
public sealed record HealthReport(IReadOnlyList<CheckResult> Checks)
{
    /// <summary>How many missing items a progress line names per check; the final report names them all.</summary>
    private const int ProgressItems = 3;

    public bool Healthy => Checks.All(c => c.Passed);

    /// <summary>The Gateway and monitoring checks join where the stack's GitOps tree runs them (every cluster a Gateway; ops monitoring).</summary>
    public static HealthReport Of(ClusterExpectation expected, ClusterState state) =>
        new([
            NodeCheck.Check(expected, state),
            CiliumCheck.Check(expected, state),
            LoadBalancerCheck.Check(expected, state),
            .. expected.Gateway is null ? Array.Empty<CheckResult>() : [GatewayCheck.Check(expected, state)],
            ApplicationCheck.Check(expected, state),
            .. expected.Monitoring is null ? Array.Empty<CheckResult>() : [MonitoringCheck.Check(expected, state)],
        ]);

    /// <summary>What is still missing, on one line: <c>[01:05] waiting for nodes: worker-2 is NotReady; cilium: …</c>.</summary>
    public string ProgressLine(TimeSpan elapsed)
    {
        var parts = Checks.Where(c => !c.Passed).Select(c =>
        {
            var shown = string.Join(", ", c.Missing.Take(ProgressItems));
            return c.Missing.Count > ProgressItems ? $"{c.Name}: {shown} (+{c.Missing.Count - ProgressItems} more)" : $"{c.Name}: {shown}";
        });
        return $"[{Clock(elapsed)}] waiting for {string.Join("; ", parts)}";
    }

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var check in Checks)
        {
            text.Append(check.Passed ? "✓ " : "✗ ").Append(check.Name);
            if (check.Passed)
            {
                text.Append(": ").Append(check.Summary);
            }

            text.Append('\n');
            foreach (var item in check.Missing)
            {
                text.Append("    missing: ").Append(item).Append('\n');
            }

            foreach (var note in check.Notes)
            {
                text.Append("    note: ").Append(note).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Clock(TimeSpan elapsed) => $"{(int)elapsed.TotalMinutes:00}:{elapsed.Seconds:00}";
}
