namespace Bootstrap.Blueprint.Renovate;

/// <summary>One dependency a Renovate manager extracts from a file, as its "Extracted dependencies" log lists it, plus the line of its version.</summary>
public sealed record ExtractedDependency(string Manager, string File, int Line, string DepName, string? CurrentValue, string Datasource);
