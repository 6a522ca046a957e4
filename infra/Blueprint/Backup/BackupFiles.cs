using Bootstrap.Blueprint.Scripts;
using Bootstrap.Blueprint.Config;

namespace Bootstrap.Blueprint.Backup;

/// <summary>What a backup folder holds, and the command that puts its keys back into a stack.</summary>
public static class BackupFiles
{
    public const string SealedSecretsKeys = "sealed-secrets-keys.yaml";
    public const string Applications = "argocd-applications.yaml";
    public const string AppProjects = "argocd-appprojects.yaml";
    public const string ApplicationSets = "argocd-applicationsets.yaml";
    public const string ArgoCdSettings = "argocd-settings.yaml";
    public const string EtcdSnapshot = "etcd.snapshot";
    public const string Manifest = "manifest.json";

    /// <summary>Argo CD's settings: general (argocd-cm), RBAC (argocd-rbac-cm) and component flags (argocd-cmd-params-cm).</summary>
    public static readonly IReadOnlyList<string> ArgoCdConfigMaps = ["argocd-cm", "argocd-rbac-cm", "argocd-cmd-params-cm"];

    /// <summary>
    /// Loads the keys into the stack as a secret for the next rebuild. The value comes on stdin ("multi-line values may be
    /// set by piping a value to stdin"), never as an argument, where other local users could read it in /proc.
    /// </summary>
    public static string RestoreKeysCommand(string stack, string folder) =>
        $"pulumi config set --secret --stack {ShellWords.Quote(stack)} {ConfigKey.Of(ConfigBinder.SealedSecretsKeys)} < {ShellWords.Quote(Path.Combine(folder, SealedSecretsKeys))}";
}
