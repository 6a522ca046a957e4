namespace Bootstrap.Tools.Verify;

/// <summary>
/// One probe of <c>verify</c>: what holds (<see cref="Summary"/>), what is still missing (each entry fails the probe) and notes
/// worth seeing that do not fail it (an extra node, a Service Cilium does not serve).
/// </summary>
public sealed record ProbeResult(string Name, string Summary, IReadOnlyList<string> Missing, IReadOnlyList<string> Notes)
{
    public bool Passed => Missing.Count == 0;
}
