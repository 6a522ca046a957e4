namespace Bootstrap.Blueprint.Scripts;

/// <summary>
/// Records what a one-time install was made from: a script that only prints the source, run when its resource is created
/// and never again (<see cref="LocalScript.RunOnce"/>), so its standard output (pulumi-command local.Command stdout, kept
/// in the state) stays the first source while Git moves on. The install reads the source from there.
/// </summary>
public static class InstalledSource
{
    /// <param name="source">
    /// What to install from, or null when the cluster already holds it (etcd restored from a snapshot): then nothing is
    /// recorded and nothing installed, now or later. Applying the bundle Git names now over the restored objects would
    /// conflict with the fields Argo CD applied before the snapshot whenever Git moved on since (server-side apply).
    /// </param>
    public static LocalScript Of(string what, string? source) => new(
        source is null ? $"Record that the {what} came with the restored etcd (nothing to install)" : $"Record the {what} of the first install",
        source is null ? "printf ''\n" : $"printf '%s' {ShellWords.Quote(source)}\n",
        [],
        ScriptCredentials.None,
        RunOnce: true);

    /// <summary>The sources to install from, given what the script printed: none when it printed nothing.</summary>
    public static IReadOnlyList<string> Sources(string? printed) => string.IsNullOrEmpty(printed) ? [] : [printed];
}
