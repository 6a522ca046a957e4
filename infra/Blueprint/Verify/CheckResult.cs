namespace Bootstrap.Blueprint.Verify;

/// <summary>
/// One check of <c>verify</c>: what holds (<see cref="Summary"/>), what is still missing (each entry fails the check) and notes
/// worth seeing that do not fail it (an extra node, a Service Cilium does not serve).
/// </summary>
public sealed record CheckResult(string Name, string Summary, IReadOnlyList<string> Missing, IReadOnlyList<string> Notes)
{
    public bool Passed => Missing.Count == 0;
}
