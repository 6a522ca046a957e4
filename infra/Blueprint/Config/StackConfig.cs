using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Config;

/// <summary>Everything a stack's configuration says, bound and type-checked (not yet validated against the rules).</summary>
public sealed record StackConfig(
    string Stack,
    ClusterSettings Cluster,
    GitOpsSettings GitOps,
    ProxmoxEndpoint Proxmox,
    StackSecrets Secrets,
    string? EtcdSnapshot = null)
{
    /// <summary>The warnings this stack silences on purpose (<c>bootstrap:silence</c>).</summary>
    public Silences Silences { get; init; } = Silences.None;
}

/// <summary>The ProxmoxVE provider's own settings (<c>proxmoxve:*</c>); the provider reads them itself, the Blueprint only checks them.</summary>
public sealed record ProxmoxEndpoint(string Endpoint, bool Insecure, bool HasApiToken);

/// <summary>Which optional secrets the stack holds. Values never enter the Blueprint: only their presence does.</summary>
/// <param name="TalosSecrets">The cluster's Talos machine secrets are restored from a backup instead of generated.</param>
public sealed record StackSecrets(bool GitOpsCredentials, bool SealedSecretsKeys, bool ArgoCdAdminPassword, bool TalosSecrets = false);
