using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.GitOps;

/// <summary>Every Application's project exists on its cluster and allows its sources and its destination.</summary>
public sealed class ProjectRule : IRule<GitOpsContext>
{
    public IEnumerable<Diagnostic> Findings(GitOpsContext context)
    {
        var projects = context.Cluster.Projects.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var app in context.Cluster.Applications)
        {
            var where = $"{app.App.Where}: spec.project";
            if (app.Project == "default")
            {
                continue;
            }

            if (!projects.TryGetValue(app.Project, out var project))
            {
                yield return FindingId.Project.At(
                    where,
                    $"Application {app.Name} uses project \"{app.Project}\", which cluster {context.Blueprint.Config.Stack} does not define",
                    $"use one of: default, {string.Join(", ", projects.Keys.Order(StringComparer.Ordinal))}, "
                    + "or add the AppProject to the cluster's projects Application");
                continue;
            }

            var repos = GitOpsObject.Strings(project.Spec["sourceRepos"]);
            foreach (var repo in app.App.Sources.Select(s => GitOpsObject.Text(s["repoURL"])).OfType<string>().Distinct())
            {
                if (!repos.Any(pattern => Glob.Matches(pattern, repo)))
                {
                    yield return FindingId.Project.At(
                        $"{app.App.Where}: spec.sources",
                        $"Application {app.Name} pulls from {repo}, which project {app.Project} does not allow",
                        $"add {repo} to sourceRepos in {project.File}, or use a repository it allows: {string.Join(", ", repos)}");
                }
            }

            var server = GitOpsObject.Text(GitOpsObject.At(app.Destination, "server")) ?? "";
            var ns = GitOpsObject.Text(GitOpsObject.At(app.Destination, "namespace")) ?? "";
            var allowed = (project.Spec["destinations"] as System.Text.Json.Nodes.JsonArray ?? [])
                .Select(d => (
                    Server: GitOpsObject.Text(GitOpsObject.At(d, "server")) ?? "*",
                    Namespace: GitOpsObject.Text(GitOpsObject.At(d, "namespace")) ?? "*"))
                .ToList();
            if (!allowed.Any(d => Glob.Matches(d.Server, server) && Glob.Matches(d.Namespace, ns)))
            {
                yield return FindingId.Project.At(
                    $"{app.App.Where}: spec.destination",
                    $"Application {app.Name} deploys to namespace \"{ns}\", which project {app.Project} does not allow",
                    $"use a namespace matching {string.Join(", ", allowed.Select(d => d.Namespace))}, or change the destinations in {project.File}");
            }
        }
    }
}
