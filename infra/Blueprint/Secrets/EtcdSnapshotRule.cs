using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Secrets;

/// <summary>
/// Judges <c>bootstrap:etcdSnapshot</c> before any resource exists: the file is there and, when its folder holds Talos
/// secrets, they are the ones the stack restores; a snapshot is readable only with the secrets it was written under
/// (secretbox key, service-account signing key: Talos docs, Disaster Recovery).</summary>
public static class EtcdSnapshotRule
{
    /// <param name="root">The repository root, where pulumi runs: relative paths start there.</param>
    /// <param name="talosSecrets">The decrypted <c>bootstrap:talosSecrets</c>.</param>
    /// <param name="exists">Whether a file exists.</param>
    /// <param name="read">Reads a text file, or null when there is none.</param>
    public static IEnumerable<Diagnostic> Findings(
        StackConfig config, string root, string? talosSecrets, Func<string, bool> exists, Func<string, string?> read)
    {
        if (config.EtcdSnapshot is not { } snapshot)
        {
            return [];
        }

        var key = ConfigKey.Of(ConfigBinder.EtcdSnapshot);
        var path = Path.GetFullPath(snapshot, root);
        if (!exists(path))
        {
            return [FindingId.EtcdSnapshot.At(key, $"names {snapshot}, which does not exist (looked at {path})",
                "give the etcd.snapshot of the backup to restore, relative to the repository root or absolute")];
        }

        var saved = read(Path.Combine(Path.GetDirectoryName(path)!, TalosSecretsBundle.FileName));
        if (saved is null || talosSecrets is null)
        {
            return [];
        }

        try
        {
            return TalosSecretsBundle.Parse(saved, TalosSecretsBundle.FileName)
                == TalosSecretsBundle.Parse(talosSecrets, ConfigKey.Of(ConfigBinder.TalosSecrets))
                ? []
                : [FindingId.EtcdSnapshot.At(key, $"was saved with other Talos secrets than {ConfigKey.Of(ConfigBinder.TalosSecrets)} holds "
                    + $"(the {TalosSecretsBundle.FileName} beside it differs): the restored etcd would not decrypt",
                    $"load that file: pulumi config set --secret {ConfigKey.Of(ConfigBinder.TalosSecrets)} < "
                    + Path.Combine(Path.GetDirectoryName(snapshot) ?? ".", TalosSecretsBundle.FileName))];
        }
        catch (BlueprintException)
        {
            // An unreadable bootstrap:talosSecrets is reported by SecretInputsRule; an unreadable file beside the snapshot
            // cannot be compared, and the stack's own secrets decide.
            return [];
        }
    }
}
