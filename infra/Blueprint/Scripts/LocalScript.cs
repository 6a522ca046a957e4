namespace Bootstrap.Blueprint.Scripts;

/// <summary>The credentials a local script reads from its environment; Pulumi passes them as secrets, never on a command line.</summary>
[Flags]
public enum ScriptCredentials
{
    None = 0,
    Talosconfig = 1,
    Kubeconfig = 2,
}

/// <summary>A bash script `pulumi up` runs on the operator's machine: never in a preview, again when a trigger or any other input
/// changes (pulumi/pulumi-command provider/pkg/provider/local/commandController.go).</summary>
/// <param name="RunOnce">Runs on create only: later changes to its text are ignored (ignoreChanges on <c>create</c>).</param>
/// <param name="DeleteScript">Runs on a delete, also a replacement's, with the inputs last stored in the state; or null.</param>
public sealed record LocalScript(
    string Title, string Script, IReadOnlyList<string> Triggers, ScriptCredentials Credentials, bool RunOnce = false, string? DeleteScript = null)
{
    /// <summary>The pulumi-command input holding the script: what <see cref="RunOnce"/> ignores after creation.</summary>
    public const string CreateInput = "create";

    /// <summary>The environment variable holding the talosconfig text.</summary>
    public const string TalosconfigVariable = "TALOSCONFIG_CONTENT";

    /// <summary>The environment variable holding the admin kubeconfig text.</summary>
    public const string KubeconfigVariable = "KUBECONFIG_CONTENT";
}
