using Bootstrap.Blueprint.Config;

namespace Bootstrap.Cli.Commands;

/// <summary>Prints findings to stderr, errors first, and tells the exit code.</summary>
internal static class DiagnosticsReport
{
    public static int Print(IReadOnlyList<Diagnostic> diagnostics, TextWriter stderr)
    {
        foreach (var finding in diagnostics.OrderBy(d => d.Severity))
        {
            stderr.WriteLine(finding.ToString());
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
