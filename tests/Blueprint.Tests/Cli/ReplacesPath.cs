namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary>
/// Tests that replace the process's PATH (to put a fake talosctl on it, or none) run alone: no other test may see their PATH,
/// and a real talosctl on the machine is never found, so nothing is ever sent to a cluster's addresses.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplacesPath
{
    public const string Name = "replaces PATH";
}
