using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.GitOps;

/// <summary>
/// What Pulumi installs equals what Argo CD runs: each bootstrap release is one Application with the same chart, repository,
/// version, release name, namespace and value files; the root Application in Git is the one Pulumi creates.</summary>
public sealed class BootstrapParityRule : IRule<GitOpsContext>
{
    public IEnumerable<Diagnostic> Findings(GitOpsContext context)
    {
        var blueprint = context.Blueprint;
        foreach (var release in blueprint.Addons.Releases)
        {
            var file = CoreAppReader.PathFor(blueprint.Config.GitOps.Path, release.App);
            var running = context.Cluster.Applications
                .Where(a => a.App.Sources.Any(s => GitOpsObject.Text(s["chart"]) == release.Chart
                    && GitOpsObject.Text(s["repoURL"]) == release.RepoUrl))
                .ToList();
            var installed = (release.Chart, release.RepoUrl, release.Version, release.Name, release.Namespace, string.Join(",", release.ValueFiles));
            var same = running.Where(a => Coordinates(a) == installed).ToList();
            if (same.Count == 0)
            {
                var runs = running.Count > 0 ? $" (it runs {string.Join(", ", running.Select(a => $"{a.Name} at {Coordinates(a).Version}"))})" : "";
                yield return FindingId.BootstrapParity.At(
                    file,
                    $"Pulumi installs {release.Chart} {release.Version} as {release.Namespace}/{release.Name} from this file, "
                    + $"but cluster {blueprint.Config.Stack}'s root Application does not deploy an Application with these "
                    + $"coordinates{runs}",
                    $"keep {file} inside {blueprint.Config.GitOps.Path} and let no other Application deploy {release.Chart}");
            }

            foreach (var duplicate in running.Where(a => a.App.File != file))
            {
                yield return FindingId.BootstrapParity.At(
                    duplicate.App.Where,
                    $"Application {duplicate.Name} also deploys chart {release.Chart}, which the bootstrap release {release.Name} ({file}) owns",
                    "deploy each core chart from one Application only");
            }
        }

        var gitRoot = context.Tree.Objects.FirstOrDefault(o => o.Is("Application")
            && o.Name == RootApplication.Name
            && o.File.StartsWith(blueprint.Config.GitOps.Path + "/", StringComparison.Ordinal));
        var rendered = blueprint.Addons.RootApplication.Body;
        var rootFile = $"{blueprint.Config.GitOps.Path}/root.yaml";
        if (gitRoot is null)
        {
            yield return FindingId.BootstrapParity.At(
                rootFile,
                "does not exist: Argo CD cannot manage the root Application Pulumi creates",
                $"add it with the content of out/{blueprint.Config.Stack}/manifests/root.yaml");
        }
        else if (!System.Text.Json.Nodes.JsonNode.DeepEquals(gitRoot.Body, rendered))
        {
            yield return FindingId.BootstrapParity.At(
                gitRoot.Where,
                "differs from the root Application Pulumi creates (bootstrap:gitops): Argo CD would change it on its first sync",
                $"make it equal to out/{blueprint.Config.Stack}/manifests/root.yaml (run plan {blueprint.Config.Stack})");
        }
    }

    private static (string? Chart, string? Repo, string? Version, string? Release, string? Namespace, string ValueFiles) Coordinates(
        DeployedApplication app)
    {
        var chart = app.App.Sources.First(s => s["chart"] is not null);
        var helm = chart["helm"] as System.Text.Json.Nodes.JsonObject;
        var files = GitOpsObject.Strings(GitOpsObject.At(helm, "valueFiles"))
            .Select(f => f.StartsWith("$values/", StringComparison.Ordinal) ? f["$values/".Length..] : f);
        return (
            GitOpsObject.Text(chart["chart"]),
            GitOpsObject.Text(chart["repoURL"]),
            GitOpsObject.Text(chart["targetRevision"]),
            GitOpsObject.Text(GitOpsObject.At(helm, "releaseName")) ?? app.Name,
            GitOpsObject.Text(GitOpsObject.At(app.Destination, "namespace")),
            string.Join(",", files));
    }
}
