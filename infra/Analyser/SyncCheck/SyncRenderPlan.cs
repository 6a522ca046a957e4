using System.Text.Json.Nodes;
using Bootstrap.Analyser.ChartRender;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Analyser.SyncCheck;

/// <summary>What one environment's root makes Argo CD sync: every Application with its AppProject, and the Helm renders to run.</summary>
public sealed record SyncPlan(string Stack, IReadOnlyList<SyncedApp> Apps, IReadOnlyList<GitOpsObject> Projects, IReadOnlyList<string> Preinstalled);

/// <summary>Follows an environment's root as Argo CD does (ClusterView) and lists per Application the sources Argo CD renders: Helm
/// charts with their value files in order (a <c>$ref/</c> path read from the ref source, argo-cd reposerver/repository/repository.go),
/// directory sources' files and kustomize sources' resources.</summary>
public static class SyncRenderPlan
{
    /// <param name="remote">The objects of a remote kustomize resource (a URL), or null when they are not available offline.</param>
    public static (SyncPlan Plan, IReadOnlyList<Diagnostic> Findings) For(
        ClusterBlueprint blueprint,
        IRepository repository,
        IReadOnlyList<string> apiVersions,
        Func<string, IReadOnlyList<JsonObject>?> remote)
    {
        var findings = new List<Diagnostic>();
        var config = blueprint.Config;
        var tree = GitOpsTree.Load(repository, []);
        var view = ClusterView.Of(config, tree, []);
        var apps = new List<SyncedApp>();
        // The root is Pulumi's and syncs the Applications; its own objects are checked as the other Applications' sources.
        foreach (var deployed in view.Applications)
        {
            var app = deployed.App;
            var refs = app.Sources.Where(s => GitOpsObject.Text(s["ref"]) is not null)
                .ToDictionary(s => GitOpsObject.Text(s["ref"])!, s => GitOpsObject.Text(s["repoURL"]) ?? "", StringComparer.Ordinal);
            var charts = new List<HelmTemplate>();
            foreach (var source in app.Sources.Where(s => GitOpsObject.Text(s["chart"]) is not null))
            {
                var helm = source["helm"] as JsonObject;
                var values = GitOpsObject.Strings(helm?["valueFiles"]).Select(v => ValueFile(v, refs, config.GitOps.RepoUrl)).ToList();
                charts.Add(new HelmTemplate(
                    RenderRole.ArgoCd,
                    deployed.Name,
                    GitOpsObject.Text(source["chart"])!,
                    GitOpsObject.Text(source["repoURL"]) ?? "",
                    GitOpsObject.Text(source["targetRevision"]) ?? "",
                    GitOpsObject.Text(helm?["releaseName"]) ?? deployed.Name,
                    GitOpsObject.Text(deployed.Destination?["namespace"]) ?? "",
                    config.Cluster.KubernetesVersion,
                    apiVersions,
                    values.OfType<string>().ToList(),
                    null));
            }

            var objects = view.Delivered.Where(d => ReferenceEquals(d.Application, app) && d.Item.Kind != "Kustomization")
                .Select(d => new RenderedObject(d.Item.File, d.Item.Body))
                .ToList();
            foreach (var source in app.Sources.Where(s => GitOpsObject.Text(s["repoURL"]) == config.GitOps.RepoUrl && s["path"] is not null))
            {
                objects.AddRange(Kustomize(GitOpsObject.Text(source["path"])!, repository, remote, deployed, findings));
            }

            apps.Add(new SyncedApp(deployed, charts, objects));
        }

        var preinstalled = blueprint.Addons.Releases.Select(r => r.App).Append(GatewayApiApp).ToList();
        return (new SyncPlan(config.Stack, apps, view.Projects.ToList(), preinstalled), findings);
    }

    /// <summary>The Application Pulumi applies the Gateway API CRDs for before the first release (CrdSource).</summary>
    public const string GatewayApiApp = "gateway-api";

    private static string? ValueFile(string file, Dictionary<string, string> refs, string repoUrl)
    {
        if (!file.StartsWith('$'))
        {
            return null; // A file inside the chart: helm reads it from the chart itself.
        }

        var slash = file.IndexOf('/', StringComparison.Ordinal);
        return slash > 1 && refs.TryGetValue(file[1..slash], out var repo) && repo == repoUrl ? file[(slash + 1)..] : null;
    }

    // A directory holding kustomization.yaml is built by kustomize (argo-cd util/app/discovery): its remote resources.
    private static IEnumerable<RenderedObject> Kustomize(
        string path,
        IRepository repository,
        Func<string, IReadOnlyList<JsonObject>?> remote,
        DeployedApplication app,
        List<Diagnostic> findings)
    {
        var file = $"{path.TrimEnd('/')}/kustomization.yaml";
        var kustomization = Read(repository, file);
        foreach (var resource in GitOpsObject.Strings(kustomization?["resources"]))
        {
            // Local resources are files of the directory, which ClusterView lists already.
            if (resource.Contains("://", StringComparison.Ordinal))
            {
                if (remote(resource) is { } objects)
                {
                    foreach (var body in objects)
                    {
                        yield return new RenderedObject(resource, body);
                    }
                }
                else
                {
                    findings.Add(FindingId.RemoteResourceOffline.At(
                        $"{file} ({app.Name})",
                        $"the remote resource {resource} is not available offline, so its objects are not checked against project {app.Project}",
                        "pass --schemas with the folder holding that release"));
                }
            }
        }
    }

    private static JsonObject? Read(IRepository repository, string file)
    {
        try
        {
            return repository.ReadFile(file) is { } text ? YamlReader.Parse(text, file) as JsonObject : null;
        }
        catch (YamlFormatException)
        {
            return null; // GitOpsTree has reported it.
        }
    }
}
