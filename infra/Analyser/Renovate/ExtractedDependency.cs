namespace Bootstrap.Analyser.Renovate;

/// <summary>One dependency a Renovate manager extracts from a file, as its "Extracted dependencies" log lists it, and its line.</summary>
public sealed record ExtractedDependency(string Manager, string File, int Line, string DepName, string? CurrentValue, string Datasource);
