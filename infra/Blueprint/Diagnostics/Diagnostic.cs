namespace Bootstrap.Blueprint.Diagnostics;

public enum Severity
{
    Error,
    Warning,
}

/// <summary>One finding about the input: where (a config key or file path), what is wrong, what would be right.</summary>
/// <remarks>Every part is bounded and escaped here, once, so no rule can echo a huge or terminal-controlling value.</remarks>
public sealed record Diagnostic(Severity Severity, string Key, string Problem, string Fix)
{
    public string Key { get; init; } = Excerpt.Of(Key);

    public string Problem { get; init; } = Excerpt.Of(Problem);

    public string Fix { get; init; } = Excerpt.Of(Fix);

    public static Diagnostic Error(string key, string problem, string fix) => new(Severity.Error, key, problem, fix);

    public static Diagnostic Warning(string key, string problem, string fix) => new(Severity.Warning, key, problem, fix);

    public override string ToString() =>
        $"{(Severity == Severity.Error ? "error" : "warning")}: {Key}: {Problem}{(Fix.Length > 0 ? $"; {Fix}" : "")}";
}

/// <summary>Thrown when input cannot become a Blueprint; carries every finding, not just the first.</summary>
/// <remarks>The message shows the first findings only: 100,000 findings must not become one 20 MB string.</remarks>
public sealed class BlueprintException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics.Take(20))
        + (diagnostics.Count > 20 ? $"{Environment.NewLine}… and {diagnostics.Count - 20} more" : ""))
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
