namespace Bootstrap.Blueprint.Scripts;

/// <summary>
/// Records what a one-time install was made from: a script that only prints the source, run when its resource is created
/// and never again (<see cref="LocalScript.RunOnce"/>), so its standard output (pulumi-command local.Command stdout, kept
/// in the state) stays the first source while Git moves on. The install reads the source from there.
/// </summary>
public static class InstalledSource
{
    public static LocalScript Of(string what, string source) => new(
        $"Record the {what} of the first install",
        $"printf '%s' {ShellWords.Quote(source)}\n",
        [],
        ScriptCredentials.None,
        RunOnce: true);
}
