using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;

namespace Bootstrap.Blueprint.GitOps;

/// <summary>An Application a cluster runs, with the object (file, or ApplicationSet + config.json) it comes from.</summary>
public sealed record DeployedApplication(GitOpsObject App, GitOpsObject DeliveredBy, AppConfig? GeneratedFrom)
{
    public string Name => App.Name;

    public string Project => GitOpsObject.Text(App.Spec["project"]) ?? "";

    public JsonObject? Destination => App.Spec["destination"] as JsonObject;
}

/// <summary>
/// What Argo CD would run on one cluster, followed from its root Application: every object in the root's directory,
/// then in every directory an Application there points at (in this repository), and every Application the
/// ApplicationSets generate from config.json files.
/// </summary>
public sealed class ClusterView
{
    private ClusterView(string repoUrl, IReadOnlyList<GitOpsObject> objects, IReadOnlyList<DeployedApplication> applications)
    {
        RepoUrl = repoUrl;
        Objects = objects;
        Applications = applications;
    }

    public string RepoUrl { get; }

    /// <summary>Every object synced from Git (not generated), once.</summary>
    public IReadOnlyList<GitOpsObject> Objects { get; }

    public IReadOnlyList<DeployedApplication> Applications { get; }

    public IEnumerable<GitOpsObject> Projects => Objects.Where(o => o.Is("AppProject"));

    public IEnumerable<GitOpsObject> ApplicationSets => Objects.Where(o => o.Is("ApplicationSet"));

    public static ClusterView Follow(GitOpsObject root, string repoUrl, GitOpsTree tree, List<Diagnostic> findings)
    {
        var objects = new List<GitOpsObject>();
        var applications = new List<DeployedApplication> { new(root, root, null) };
        var seen = new HashSet<(string, int)>();
        var pending = new Queue<GitOpsObject>([root]);
        while (pending.TryDequeue(out var application))
        {
            foreach (var source in application.Sources.Where(s => GitOpsObject.Text(s["repoURL"]) == repoUrl && s["path"] is not null))
            {
                var directory = source["directory"] as JsonObject;
                var deployed = tree.Directory(
                    GitOpsObject.Text(source["path"]) ?? "",
                    GitOpsObject.At(directory, "recurse")?.GetValueKind() == System.Text.Json.JsonValueKind.True,
                    GitOpsObject.Text(GitOpsObject.At(directory, "include")),
                    GitOpsObject.Text(GitOpsObject.At(directory, "exclude")));
                foreach (var item in deployed.Where(o => seen.Add((o.File, o.Document))))
                {
                    objects.Add(item);
                    // The root Application in Git is the root itself (same name in Argo CD's namespace), not a child.
                    if (item.Is("Application") && item.Name != root.Name)
                    {
                        applications.Add(new DeployedApplication(item, application, null));
                        pending.Enqueue(item);
                    }

                    if (item.Is("ApplicationSet"))
                    {
                        applications.AddRange(Generate(item, tree, findings));
                    }
                }
            }
        }

        return new ClusterView(repoUrl, objects, applications);
    }

    /// <summary>The config.json files an ApplicationSet's Git files generator picks up.</summary>
    public static IEnumerable<AppConfig> Inputs(GitOpsObject appSet, GitOpsTree tree) => tree.AppConfigs.Where(c => Reads(appSet, c.File));

    public static bool Reads(GitOpsObject appSet, string file) =>
        (appSet.Spec["generators"] as JsonArray ?? [])
            .SelectMany(g => GitOpsObject.At(g, "git", "files") as JsonArray ?? [])
            .Select(f => GitOpsObject.Text(GitOpsObject.At(f, "path")))
            .OfType<string>()
            .Any(pattern => Glob.Matches(pattern, file));

    private static IEnumerable<DeployedApplication> Generate(GitOpsObject appSet, GitOpsTree tree, List<Diagnostic> findings)
    {
        foreach (var config in Inputs(appSet, tree))
        {
            var (application, problems) = ApplicationSetTemplate.Render(appSet, config);
            findings.AddRange(problems);
            if (application is not null)
            {
                yield return new DeployedApplication(new GitOpsObject(config.File, 0, application), appSet, config);
            }
        }
    }
}
