namespace Bootstrap.Tools.Environments;

/// <summary>What <c>new-env</c> is asked for: the name, the environment it copies, and what it may share with no other
/// (network and addresses, the Gateway's being the pool's first; VM ids; domain). Versions, sizes, roles, charts and
/// values are the source's.</summary>
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
