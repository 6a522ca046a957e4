using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.GitOps;

/// <summary>An object a cluster runs and the Application (from a file, or generated) that syncs it.</summary>
public sealed record DeliveredObject(GitOpsObject Item, GitOpsObject Application);

/// <summary>An Application a cluster runs, with the object (file, or ApplicationSet + config.json) it comes from.</summary>
public sealed record DeployedApplication(GitOpsObject App, GitOpsObject DeliveredBy, AppConfig? GeneratedFrom)
{
    public string Name => App.Name;

    public string Project => GitOpsObject.Text(App.Spec["project"]) ?? "";

    public JsonObject? Destination => App.Spec["destination"] as JsonObject;
}

/// <summary>What Argo CD would run on one cluster, followed from its root Application: the root's directory, every
/// directory an Application there points at in this repository, and the Applications (and their objects) the
/// ApplicationSets generate from config.json files.</summary>
public sealed class ClusterView
{
    private ClusterView(string repoUrl, IReadOnlyList<DeliveredObject> delivered, IReadOnlyList<DeployedApplication> applications)
    {
        RepoUrl = repoUrl;
        Delivered = delivered;
        Objects = delivered.Select(d => d.Item).ToList();
        Applications = applications;
    }

    public string RepoUrl { get; }

    /// <summary>Every object synced from Git (not generated), once.</summary>
    public IReadOnlyList<GitOpsObject> Objects { get; }

    /// <summary>The same objects, each with the Application that syncs it.</summary>
    public IReadOnlyList<DeliveredObject> Delivered { get; }

    public IReadOnlyList<DeployedApplication> Applications { get; }

    public IEnumerable<GitOpsObject> Projects => Objects.Where(o => o.Is("AppProject"));

    public IEnumerable<GitOpsObject> ApplicationSets => Objects.Where(o => o.Is("ApplicationSet"));

    /// <summary>
    /// The cluster of one stack as Argo CD will run it: from the root Application in Git once it syncs itself (lint checks it
    /// equals the one Pulumi creates), else from the one Pulumi creates.
    /// </summary>
    public static ClusterView Of(StackConfig config, GitOpsTree tree, List<Diagnostic> findings)
    {
        var created = RootApplication.For(config.GitOps);
        var root = tree.Objects.FirstOrDefault(o => o.Is("Application")
            && o.Name == created.Name
            && o.File.StartsWith($"{config.GitOps.Path}/", StringComparison.Ordinal))
            ?? new GitOpsObject($"manifest {config.Stack}/{created.Name}", 0, created.Body);
        return Follow(root, config.GitOps.RepoUrl, tree, findings);
    }

    public static ClusterView Follow(GitOpsObject root, string repoUrl, GitOpsTree tree, List<Diagnostic> findings)
    {
        var objects = new List<DeliveredObject>();
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
                    objects.Add(new DeliveredObject(item, application));
                    // The root Application in Git is the root itself (same name in Argo CD's namespace), not a child.
                    if (item.Is("Application") && item.Name != root.Name)
                    {
                        applications.Add(new DeployedApplication(item, application, null));
                        pending.Enqueue(item);
                    }

                    if (item.Is("ApplicationSet"))
                    {
                        // Generated Applications deploy from this repository too (each app's access.yaml): follow them.
                        foreach (var generated in Generate(item, tree, findings))
                        {
                            applications.Add(generated);
                            pending.Enqueue(generated.App);
                        }
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
