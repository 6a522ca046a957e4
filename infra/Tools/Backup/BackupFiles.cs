using Bootstrap.Blueprint.Scripts;
using Bootstrap.Blueprint.Config;

namespace Bootstrap.Tools.Backup;

/// <summary>What a backup folder holds, and the command that puts its keys back into a stack.</summary>
public static class BackupFiles
{
    public const string SealedSecretsKeys = "sealed-secrets-keys.yaml";
    public const string Applications = "argocd-applications.yaml";
    public const string AppProjects = "argocd-appprojects.yaml";
    public const string ApplicationSets = "argocd-applicationsets.yaml";
    public const string ArgoCdSettings = "argocd-settings.yaml";
    public const string EtcdSnapshot = "etcd.snapshot";

    /// <summary>The Talos secrets file (Secrets.TalosSecretsBundle.FileName), listed here with the rest of the folder.</summary>
    public const string TalosSecrets = Blueprint.Secrets.TalosSecretsBundle.FileName;
    public const string Manifest = "manifest.json";

    /// <summary>Argo CD's settings: general (argocd-cm), RBAC (argocd-rbac-cm) and component flags (argocd-cmd-params-cm).</summary>
    public static readonly IReadOnlyList<string> ArgoCdConfigMaps = ["argocd-cm", "argocd-rbac-cm", "argocd-cmd-params-cm"];

    /// <summary>
    /// Loads the keys into the stack as a secret for the next rebuild. The value comes on stdin ("multi-line values may be
    /// set by piping a value to stdin"), never as an argument, where other local users could read it in /proc.
    /// </summary>
    public static string RestoreKeysCommand(string stack, string folder) =>
        LoadSecret(stack, ConfigBinder.SealedSecretsKeys, folder, SealedSecretsKeys);

    /// <summary>Loads the Talos machine secrets: the rebuild keeps the cluster's identity (CAs, tokens, secretbox key).</summary>
    public static string RestoreTalosSecretsCommand(string stack, string folder) =>
        LoadSecret(stack, ConfigBinder.TalosSecrets, folder, TalosSecrets);

    /// <summary>Names the snapshot to restore: plain config (a path is no secret), removed after the rebuild.</summary>
    public static string RestoreEtcdCommand(string stack, string folder) =>
        $"pulumi config set --stack {ShellWords.Quote(stack)} {ConfigKey.Of(ConfigBinder.EtcdSnapshot)} "
        + $"{ShellWords.Quote(Path.Combine(folder, EtcdSnapshot))}";

    private static string LoadSecret(string stack, string key, string folder, string file) =>
        $"pulumi config set --secret --stack {ShellWords.Quote(stack)} {ConfigKey.Of(key)} < {ShellWords.Quote(Path.Combine(folder, file))}";
}
