using System.Text;

namespace Bootstrap.Tools.Verify;

/// <summary>Every probe of one poll, and how <c>verify</c> shows them: one progress line while waiting, a full report at the end.</summary>
public sealed record HealthReport(IReadOnlyList<ProbeResult> Probes)
{
    /// <summary>How many missing items a progress line names per probe; the final report names them all.</summary>
    private const int ProgressItems = 3;

    public bool Healthy => Probes.All(p => p.Passed);

    /// <summary>The Gateway and monitoring probes join where the stack's GitOps tree runs them (every cluster a Gateway; ops monitoring).</summary>
    public static HealthReport Of(ClusterExpectation expected, ClusterState state) =>
        new([
            NodeProbe.Run(expected, state),
            CiliumProbe.Run(expected, state),
            LoadBalancerProbe.Run(expected, state),
            .. expected.Gateway is null ? Array.Empty<ProbeResult>() : [GatewayProbe.Run(expected, state)],
            ApplicationProbe.Run(expected, state),
            .. expected.Monitoring is null ? Array.Empty<ProbeResult>() : [MonitoringProbe.Run(expected, state)],
        ]);

    /// <summary>What is still missing, on one line: <c>[01:05] waiting for nodes: worker-2 is NotReady; cilium: …</c>.</summary>
    public string ProgressLine(TimeSpan elapsed)
    {
        var parts = Probes.Where(p => !p.Passed).Select(p =>
        {
            var shown = string.Join(", ", p.Missing.Take(ProgressItems));
            return p.Missing.Count > ProgressItems ? $"{p.Name}: {shown} (+{p.Missing.Count - ProgressItems} more)" : $"{p.Name}: {shown}";
        });
        return $"[{Clock(elapsed)}] waiting for {string.Join("; ", parts)}";
    }

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var probe in Probes)
        {
            text.Append(probe.Passed ? "✓ " : "✗ ").Append(probe.Name);
            if (probe.Passed)
            {
                text.Append(": ").Append(probe.Summary);
            }

            text.Append('\n');
            foreach (var item in probe.Missing)
            {
                text.Append("    missing: ").Append(item).Append('\n');
            }

            foreach (var note in probe.Notes)
            {
                text.Append("    note: ").Append(note).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Clock(TimeSpan elapsed) => $"{(int)elapsed.TotalMinutes:00}:{elapsed.Seconds:00}";
}
