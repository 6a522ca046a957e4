namespace Bootstrap.Blueprint.Plan;

/// <summary>
/// One resource the Pulumi layer creates, under a stable key derived from names (never a list index), with the keys of
/// exactly the resources it must wait for; the lab checks the program's dependencies against these.
/// </summary>
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
