using System.Text.Json.Nodes;
using Bootstrap.Analyser.ChartRender;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Analyser.Lint;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Analyser.SyncCheck;

/// <summary>What the check of one environment found, and how much it checked.</summary>
public sealed record SyncCheckResult(IReadOnlyList<Diagnostic> Findings, int Applications, int Rendered, int Objects, int Refusals);

/// <summary>Argo CD's checks before it applies anything (argoproj/argo-cd util/argo/argo.go, controller/sync.go): sources,
/// destination and kinds against the AppProject, and custom resources whose CRD arrives in the same first sync.</summary>
public static class SyncPermissionCheck
{
    private const string DefaultProject = "default";
    private const string Crd = "CustomResourceDefinition";

    /// <param name="outputs">helm's output for each chart source of each app (<see cref="SyncedApp.Charts"/>).</param>
    /// <param name="catalog">The stack's pinned schemas, which say which kinds are namespaced; null when lint has no schema folder,
    /// and then only rendered CRDs do (see <see cref="KindScope"/>).</param>
    public static SyncCheckResult Check(
        SyncPlan plan,
        IReadOnlyDictionary<SyncedApp, IReadOnlyList<RenderOutput>> outputs,
        RenderedManifest manifests,
        KindCatalog? catalog)
    {
        var findings = new List<Diagnostic>();
        var rendered = 0;
        var objects = new Dictionary<SyncedApp, List<RenderedObject>>();
        foreach (var app in plan.Apps)
        {
            var all = new List<RenderedObject>(app.Objects);
            foreach (var output in outputs.TryGetValue(app, out var o) ? o : [])
            {
                var chart = $"{output.Template.Chart} {output.Template.Version}";
                if (output.Error is not null)
                {
                    findings.Add(FindingId.SyncNotRendered.At(
                        $"{app.Where}: {chart}",
                        $"not rendered ({FirstLine(output.Error)}), so what it renders is not checked against project {app.Project}",
                        $"put the chart in the --charts folder as <chart>/<version>/ or let lint reach {output.Template.RepoUrl}"));
                    continue;
                }

                try
                {
                    all.AddRange(manifests.Parse(output.Manifest ?? "", chart));
                    rendered++;
                }
                catch (YamlFormatException e)
                {
                    findings.Add(FindingId.SyncRefused.At(
                        $"{app.Where}: {e.File}", $"helm rendered YAML that does not parse: {e.Problem}", "check the chart and values"));
                }
            }

            if (app.CreatesNamespace && app.Namespace.Length > 0)
            {
                // gitops-engine pkg/sync/sync_context.go autoCreateNamespace: the namespace is one more task, checked like the others.
                all.Add(new RenderedObject("CreateNamespace=true", new JsonObject
                {
                    ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = app.Namespace },
                }));
            }

            objects[app] = all;
        }

        var scope = new KindScope(objects.Values.SelectMany(o => o), catalog);
        var refusals = new List<Diagnostic>();
        foreach (var app in plan.Apps)
        {
            refusals.AddRange(Refusals(app, Project(plan, app.Project), objects[app], scope));
        }

        findings.AddRange(refusals);
        findings.AddRange(FirstSyncOrder(plan, objects));
        return new SyncCheckResult(
            findings, plan.Apps.Count, rendered, objects.Values.Sum(o => o.Count), refusals.Count(r => r.Severity == Severity.Error));
    }

    private static IEnumerable<Diagnostic> Refusals(SyncedApp app, ProjectPolicy? project, List<RenderedObject> objects, KindScope scope)
    {
        if (project is null)
        {
            yield return FindingId.SyncRefused.At(
                $"{app.Where}: spec.project",
                $"names project {app.Project}, which no AppProject this environment syncs defines: Argo CD refuses the Application",
                "create the AppProject under gitops/projects/ and list it in the projects Application");
            yield break;
        }

        foreach (var repo in app.Deployed.App.Sources.Select(s => GitOpsObject.Text(s["repoURL"]) ?? "").Distinct())
        {
            if (!project.IsSourcePermitted(repo))
            {
                yield return Refused(app, "spec.source(s).repoURL", $"application repo {repo} is not permitted in project '{project.Name}'",
                    $"add {repo} to sourceRepos of project {project.Name}");
            }
        }

        var (server, cluster) = Cluster(app);
        if (!project.IsDestinationPermitted(server, cluster, app.Namespace))
        {
            yield return Refused(app, "spec.destination",
                $"application destination server '{server}' and namespace '{app.Namespace}' do not match any of the allowed destinations "
                + $"in project '{project.Name}'",
                $"add the namespace to the destinations of project {project.Name}");
        }

        var undecided = new List<(RenderedObject Item, Diagnostic Refusal, bool IfNamespaced)>();
        foreach (var item in objects.Where(o => o.Kind is not null))
        {
            var (group, name) = (item.Kind!.Value.Group, item.Kind.Value.Kind);
            if (scope.IsNamespaced(group, name) is { } namespaced)
            {
                if (ObjectRefusal(app, project, item, namespaced, server, cluster) is { } refusal)
                {
                    yield return refusal;
                }

                continue;
            }

            // No pinned source knows the scope: what Argo CD does is certain only when both scopes give the same answer.
            var asNamespaced = ObjectRefusal(app, project, item, true, server, cluster);
            var asCluster = ObjectRefusal(app, project, item, false, server, cluster);
            if (asNamespaced is not null && asCluster is not null)
            {
                yield return asCluster with
                {
                    Problem = $"{asCluster.Problem}, whether {name} is cluster-scoped or namespaced ({Unknown(group, name, scope)})",
                };
            }
            else if ((asNamespaced ?? asCluster) is { } either)
            {
                undecided.Add((item, either, asNamespaced is not null));
            }
        }

        // One warning per kind, not per object: the missing fact is the kind's scope.
        foreach (var kind in undecided.GroupBy(u => (u.Item.Kind!.Value.Group, u.Item.Kind!.Value.Kind, u.IfNamespaced)))
        {
            var (group, name, ifNamespaced) = kind.Key;
            var first = kind.First().Refusal;
            yield return FindingId.UnknownScope.At(
                $"{app.Where}: {name} {string.Join(", ", kind.Select(u => u.Item.Name).Distinct().Take(3))}",
                $"{Unknown(group, name, scope)}, and Argo CD refuses {kind.Count()} object(s) of it only if it is "
                + $"{(ifNamespaced ? "namespaced" : "cluster-scoped")}: {first.Problem}",
                $"give lint the schemas that define {name} (--schemas, or its CRDs' pinned release), or: {first.Fix}");
        }
    }

    private static string Unknown(string group, string kind, KindScope scope) => $"the scope of {group}/{kind} is in none of {scope.Sources}";

    /// <summary>Argo CD's refusal of one object (controller/sync.go validateSyncPermissions), or null when the project permits it.</summary>
    private static Diagnostic? ObjectRefusal(
        SyncedApp app, ProjectPolicy project, RenderedObject item, bool namespaced, string server, string cluster)
    {
        var (group, name) = (item.Kind!.Value.Group, item.Kind.Value.Kind);
        var ns = namespaced ? GitOpsObject.Text(GitOpsObject.At(item.Body, "metadata", "namespace")) ?? app.Namespace : "";
        var where = $"{new ObjectId(group, name, ns, item.Name)} ({item.Template})";
        if (!project.IsKindPermitted(group, name, item.Name, namespaced))
        {
            return Refused(app, where, $"resource {group}:{name} is not permitted in project {project.Name}",
                namespaced
                    ? $"take {name} off the namespaceResourceBlacklist of project {project.Name} (or onto its whitelist), or do not render it"
                    : $"whitelist {group}/{name} in clusterResourceWhitelist of project {project.Name}, or do not render it");
        }

        return namespaced && !project.IsDestinationPermitted(server, cluster, ns)
            ? Refused(app, where, $"namespace {ns} is not permitted in project '{project.Name}'",
                $"add namespace {ns} to the destinations of project {project.Name}, or render the object into a permitted namespace")
            : null;
    }

    private static Diagnostic Refused(SyncedApp app, string where, string message, string fix) =>
        FindingId.SyncRefused.At($"{app.Where}: {where}", $"Argo CD refuses every sync of {app.Name}: {message} (argo-cd controller/sync.go)", fix);

    /// <summary>Custom resources whose CRD a sibling installs in the same first sync, without a way to wait for it.</summary>
    private static IEnumerable<Diagnostic> FirstSyncOrder(SyncPlan plan, Dictionary<SyncedApp, List<RenderedObject>> objects)
    {
        var owners = new Dictionary<(string, string), SyncedApp>();
        foreach (var (app, list) in objects.Where(p => !plan.Preinstalled.Contains(p.Key.Name)))
        {
            foreach (var crd in list.Where(o => o.Kind?.Kind == Crd))
            {
                var group = GitOpsObject.Text(GitOpsObject.At(crd.Body, "spec", "group")) ?? "";
                var kind = GitOpsObject.Text(GitOpsObject.At(crd.Body, "spec", "names", "kind")) ?? "";
                owners.TryAdd((group, kind), app);
            }
        }

        foreach (var (app, list) in objects)
        {
            var waiting = list
                .Where(o => o.Kind is { } k && owners.TryGetValue((k.Group, k.Kind), out var owner) && owner != app)
                .Where(o => !app.RetriesForever && !app.SkipsDryRun(o))
                .GroupBy(o => (o.Kind!.Value.Group, o.Kind!.Value.Kind));
            foreach (var kind in waiting)
            {
                var owner = owners[kind.Key];
                yield return FindingId.SyncRefused.At(
                    $"{app.Where}: {kind.Key.Kind} {string.Join(", ", kind.Select(o => o.Name).Distinct().Take(3))}",
                    $"needs the CRD of {kind.Key.Kind}.{kind.Key.Group}, which Application {owner.Name} installs in the same first sync: "
                    + "until it exists the dry run fails, and Argo CD stops after its retries for that revision",
                    $"give {app.Name} syncOptions {SyncedApp.SkipDryRun} and retry.limit: -1 with a backoff "
                    + "(argo-cd docs user-guide/sync-options.md)");
            }
        }
    }

    private static ProjectPolicy? Project(SyncPlan plan, string name)
    {
        if (plan.Projects.FirstOrDefault(p => p.Name == name) is { } project)
        {
            return ProjectPolicy.Of(project);
        }

        // Argo CD creates the default project permitting everything (argo-cd server/project; util/db initialization).
        return name == DefaultProject
            ? new ProjectPolicy(DefaultProject, ["*"], [new DestinationPattern("*", "*", "*")], [new KindPattern("*", "*", "")], [], null, [])
            : null;
    }

    // Argo CD's in-cluster cluster answers to its server URL and its name.
    private static (string Server, string Name) Cluster(SyncedApp app) =>
        app.Server is { } server
            ? (server, server == SyncedApp.InCluster ? SyncedApp.InClusterName : "")
            : (app.ClusterName == SyncedApp.InClusterName ? SyncedApp.InCluster : "", app.ClusterName ?? "");

    private static string FirstLine(string text) => text.Trim().Split('\n')[0].Trim();
}
