namespace Bootstrap.Tools.Environments;

/// <summary>
/// What <c>new-env</c> is asked for: the new environment's name, the environment it copies, and what it may not share with any
/// other: its network and addresses (the Gateway's is the pool's first), its VM ids, its domain. The rest (versions, sizes,
/// roles, charts, values) is the source's.
/// </summary>
public sealed record NewEnvironmentRequest(
    string Name,
    string From,
    string Cidr,
    string Gateway,
    string Vip,
    string Pool,
    IReadOnlyList<string>? Hosts = null,
    int? VmIdBase = null,
    string? Domain = null,
    string? Bridge = null,
    int? Vlan = null,
    IReadOnlyList<string>? Nameservers = null,
    string? Stage = null);
