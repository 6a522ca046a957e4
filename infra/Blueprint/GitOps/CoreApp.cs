namespace Bootstrap.Blueprint.GitOps;

/// <summary>
/// A core app as its Argo CD Application manifest in Git defines it: the single source of chart coordinates.
/// Pulumi's bootstrap install and Argo CD's later syncs both read this, so they cannot disagree.
/// </summary>
public sealed record CoreApp(
    string Name,
    string File,
    string Project,
    string ChartRepoUrl,
    string Chart,
    string Version,
    string ReleaseName,
    string Namespace,
    IReadOnlyList<string> ValueFiles,
    string ValuesRepoUrl,
    string ValuesRevision,
    int SyncWave);
