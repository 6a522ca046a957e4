using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.GitOps;

/// <summary>
/// Sync waves follow the dependencies: an Application syncs in a later wave than everything it depends on
/// (<c>gitops.bootstrap/depends-on</c>) and than the Application that delivers its project.
/// </summary>
public sealed class SyncWaveRule : IRule<GitOpsContext>
{
    public IEnumerable<Diagnostic> Findings(GitOpsContext context)
    {
        var apps = context.Cluster.Applications.Where(a => a.GeneratedFrom is null).ToList();
        var byName = apps.GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var app in apps)
        {
            foreach (var dependency in app.App.DependsOn)
            {
                var where = $"{app.App.Where}: metadata.annotations.{GitOpsObject.DependsOnAnnotation}";
                if (!byName.TryGetValue(dependency, out var other))
                {
                    yield return FindingId.SyncWave.At(
                        where,
                        $"names {dependency}, which cluster {context.Blueprint.Config.Stack} does not run",
                        $"name Applications it runs: {string.Join(", ", byName.Keys.Order(StringComparer.Ordinal))}");
                }
                else if (other.App.SyncWave >= app.App.SyncWave)
                {
                    yield return FindingId.SyncWave.At(
                        $"{app.App.Where}: metadata.annotations.{GitOpsObject.SyncWaveAnnotation}",
                        $"wave {app.App.SyncWave} does not come after {dependency}'s wave {other.App.SyncWave}, but {app.Name} depends on it",
                        $"give {app.Name} a wave above {other.App.SyncWave}");
                }
            }
        }

        var deliveredBy = context.Cluster.Projects.ToDictionary(
            p => p.Name,
            p => apps.FirstOrDefault(a => a.App.Sources.Any(s => GitOpsObject.Text(s["path"]) is { } path
                && p.File.StartsWith(path.TrimEnd('/') + "/", StringComparison.Ordinal))),
            StringComparer.Ordinal);
        foreach (var app in context.Cluster.Applications)
        {
            var wave = app.GeneratedFrom is null ? app.App.SyncWave : app.DeliveredBy.SyncWave;
            if (deliveredBy.TryGetValue(app.Project, out var projects)
                && projects is not null
                && projects.App.SyncWave >= wave
                && app.Name != projects.Name)
            {
                var where = app.GeneratedFrom is null ? app.App.Where : app.DeliveredBy.Where;
                yield return FindingId.SyncWave.At(
                    $"{where}: metadata.annotations.{GitOpsObject.SyncWaveAnnotation}",
                    $"{app.Name} syncs in wave {wave}, not after its project {app.Project} (delivered by {projects.Name} "
                    + $"in wave {projects.App.SyncWave})",
                    $"give it a wave above {projects.App.SyncWave}");
            }
        }
    }
}
