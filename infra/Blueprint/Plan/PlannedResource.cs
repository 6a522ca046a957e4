namespace Bootstrap.Blueprint.Plan;

/// <summary>
/// One resource the Pulumi layer creates, under a stable key derived from names (never a list index), with the keys of
/// exactly the resources it must wait for. The Pulumi layer looks keys up; it decides no ordering itself.
/// </summary>
public sealed record PlannedResource(string Key, string Stage, string? Node, string? Host, IReadOnlyList<string> DependsOn)
{
    /// <summary>The Pulumi resource name: the key with '-' for '/', so URNs stay plain.</summary>
    public string Name => Key.Replace('/', '-');
}
