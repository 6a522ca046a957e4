using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Cli.Commands;

/// <summary>Prints findings to stderr, errors first, and tells the exit code.</summary>
internal static class DiagnosticsReport
{
    /// <summary>The most findings printed: a list of 100,000 bad entries gets the first hundred and a count, not 100,000 lines.</summary>
    public const int MaxShown = 100;

    public static int Print(IReadOnlyList<Diagnostic> diagnostics, TextWriter stderr)
    {
        foreach (var finding in diagnostics.OrderBy(d => d.Severity).Take(MaxShown))
        {
            stderr.WriteLine(finding.ToString());
        }

        if (diagnostics.Count > MaxShown)
        {
            stderr.WriteLine($"… and {diagnostics.Count - MaxShown} more finding(s) not shown");
        }

        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        if (errors > 0)
        {
            stderr.WriteLine($"{errors} error(s), {diagnostics.Count - errors} warning(s): nothing was written or applied.");
            return ExitCodes.Invalid;
        }

        return ExitCodes.Ok;
    }
}
