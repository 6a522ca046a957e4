namespace Bootstrap.Blueprint.Scripts;

/// <summary>
/// What a one-time install was made from: a script that prints the source once (<see cref="LocalScript.RunOnce"/>); its
/// stdout, kept in the state (pulumi-command local.Command), stays the first source while Git moves on.
/// </summary>
public static class InstalledSource
{
    /// <param name="source">What to install from, or null when restored etcd already holds it: applying Git's newer bundle
    /// over it would conflict with the fields Argo CD applied before the snapshot (server-side apply).</param>
    public static LocalScript Of(string what, string? source) => new(
        source is null ? $"Record that the {what} came with the restored etcd (nothing to install)" : $"Record the {what} of the first install",
        source is null ? "printf ''\n" : $"printf '%s' {ShellWords.Quote(source)}\n",
        [],
        ScriptCredentials.None,
        RunOnce: true);

    /// <summary>The sources to install from, given what the script printed: none when it printed nothing.</summary>
    public static IReadOnlyList<string> Sources(string? printed) => string.IsNullOrEmpty(printed) ? [] : [printed];
}
