namespace Bootstrap.Blueprint.Plan;

/// <summary>One resource the Pulumi layer creates, keyed by names (never an index), with exactly what it waits for.</summary>
/// <param name="Member">The node or Proxmox host of a per-node or per-host stage.</param>
/// <param name="Protect">Pulumi refuses to delete or replace it (a protected stack, e.g. ops).</param>
/// <param name="Retain">Deleting the stack leaves it in place: Argo CD owns it after the handoff.</param>
public sealed record PlannedResource(
    string Key,
    string Stage,
    ResourceKind Kind,
    string? Member,
    string? Node,
    string? Host,
    IReadOnlyList<string> DependsOn,
    bool Protect,
    bool Retain)
{
    /// <summary>The Pulumi resource name: the key with '-' for '/', so URNs stay plain.</summary>
    public string Name => Key.Replace('/', '-');

    public static string KeyOf(string stage, string? member = null) => member is null ? stage : $"{stage}/{member}";
}
