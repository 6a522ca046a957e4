namespace Bootstrap.Blueprint.Diagnostics;

public enum Severity
{
    Error,
    Warning,
}

/// <summary>
/// One finding: its id (which sets the level), where (config key, file or flag), what is wrong, what would be right. Made
/// only through <see cref="FindingId.At"/>; every part is bounded and escaped here, once.
/// </summary>
public sealed record Diagnostic
{
    internal Diagnostic(FindingId id, string key, string problem, string fix)
    {
        Id = id;
        Key = Excerpt.Of(key);
        Problem = Excerpt.Of(problem);
        Fix = Excerpt.Of(fix);
    }

    public FindingId Id { get; }

    public Severity Severity => Id.Level;

    public string Key { get; init; }

    public string Problem { get; init; }

    public string Fix { get; init; }

    /// <summary><c>error BP012: key: problem; fix</c>: today's line with the id after the level.</summary>
    public override string ToString() =>
        $"{(Severity == Severity.Error ? "error" : "warning")} {Id.Code}: {Key}: {Problem}{(Fix.Length > 0 ? $"; {Fix}" : "")}";
}

/// <summary>Thrown when input cannot become a Blueprint; carries every finding, not just the first.</summary>
/// <remarks>The message shows the first findings only: 100,000 findings must not become one 20 MB string.</remarks>
public sealed class BlueprintException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics.Take(20))
        + (diagnostics.Count > 20 ? $"{Environment.NewLine}… and {diagnostics.Count - 20} more" : ""))
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
