using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.GitOps;

/// <summary>
/// Every namespace an ApplicationSet creates is isolated: its access.yaml is exactly what new-app generates from config.json,
/// nothing else sits in the app folders, and egress into another isolated namespace is allowed in there too.
/// </summary>
public sealed class NetworkIsolationRule : IRule<GitOpsContext>
{
    public IEnumerable<Diagnostic> Findings(GitOpsContext context)
    {
        foreach (var appSet in context.Cluster.ApplicationSets.Where(a => a.Name.StartsWith(AppConfig.EnvironmentPrefix, StringComparison.Ordinal)))
        {
            if (!DeploysAccessFile(appSet, context.Cluster.RepoUrl))
            {
                yield return FindingId.NetworkIsolation.At(
                    $"{appSet.Where}: spec.template.spec.sources",
                    "does not deploy the apps' access.yaml: the namespaces it creates would have no network policies",
                    $"add a source {{repoURL: {context.Cluster.RepoUrl}, path: {AppFolder(appSet.Name)}, directory: "
                    + $"{{include: {AppAccess.FileName}}}}}");
            }
        }

        foreach (var config in context.Tree.AppConfigs)
        {
            var file = AppAccess.PathFor(config);
            var expected = AccessManifests.Render(config);
            var actual = context.Repository.ReadFile(file);
            var update = $"dotnet run --project infra/Cli -- new-app {config.Environment} {config.Folder} --update";
            if (actual is null)
            {
                yield return FindingId.NetworkIsolation.At(
                    file,
                    $"does not exist: namespace {config.Field("namespace")} would not be isolated",
                    $"generate it: {update}");
            }
            else if (actual != expected)
            {
                yield return FindingId.NetworkIsolation.At(
                    file,
                    $"differs from what {config.File} declares (edited by hand, or config.json changed since)",
                    $"regenerate it: {update}");
            }
        }

        var generated = context.Tree.AppConfigs.Select(AppAccess.PathFor).ToHashSet(StringComparer.Ordinal);
        var strays = context.Tree.Objects
            .Where(o => o.File.StartsWith($"{GitOpsTree.Root}/apps/", StringComparison.Ordinal) && !generated.Contains(o.File))
            .Select(o => o.File)
            .Distinct();
        foreach (var stray in strays)
        {
            yield return FindingId.NetworkIsolation.At(
                stray,
                $"is never deployed: the ApplicationSets take only {AppAccess.FileName} from an app's folder",
                "put the app's objects in its chart values (stacks/<env>/apps/) and its network access in config.json");
        }

        foreach (var finding in UnansweredEgress(context))
        {
            yield return finding;
        }
    }

    private static IEnumerable<Diagnostic> UnansweredEgress(GitOpsContext context)
    {
        var apps = context.Cluster.Applications.Select(a => a.GeneratedFrom).OfType<AppConfig>().ToList();
        return apps.SelectMany(config => UnansweredEgress(config, apps));
    }

    /// <summary>
    /// Egress the other side drops: into a namespace another app isolates, whose ingress does not let this app in on those
    /// ports (both sides' NetworkPolicies must allow a flow; Cilium enforces them the same way).
    /// </summary>
    public static IEnumerable<Diagnostic> UnansweredEgress(AppConfig config, IReadOnlyList<AppConfig> apps)
    {
        var source = config.Field("namespace") ?? "";
        foreach (var egress in AppAccess.Of(config).Egress.Where(p => p.Kind == PeerKind.Namespace && p.Value != source))
        {
            var targets = apps.Where(a => a.Field("namespace") == egress.Value).Select(AppAccess.Of).ToList();
            if (targets.Count == 0)
            {
                continue;
            }

            if (!targets.SelectMany(t => t.Ingress).Any(i => i.Kind == PeerKind.Namespace && i.Value == source && Covers(i, egress)))
            {
                yield return FindingId.NetworkIsolation.At(
                    $"{config.File}: egress",
                    $"allows {egress.Describe()}, but that namespace is isolated and does not let {source} in: the traffic would be dropped there",
                    $"add {{\"namespace\": \"{source}\"{(egress.Ports.Count > 0 ? $", \"ports\": [{string.Join(", ", egress.Ports)}]" : "")}}} to "
                    + $"the ingress of the app in {egress.Value}");
            }
        }
    }

    private static bool Covers(AppPeer ingress, AppPeer egress) =>
        ingress.Ports.Count == 0 || (ingress.Protocol == egress.Protocol && egress.Ports.Count > 0 && egress.Ports.All(ingress.Ports.Contains));

    private static string AppFolder(string appSet) => $"{GitOpsTree.Root}/apps/{appSet}/{{{{.name}}}}";

    private static bool DeploysAccessFile(GitOpsObject appSet, string repoUrl) =>
        (appSet.Spec["template"]?["spec"]?["sources"] as JsonArray ?? []).OfType<JsonObject>().Any(s =>
            GitOpsObject.Text(s["repoURL"]) == repoUrl
            && GitOpsObject.Text(s["path"]) == AppFolder(appSet.Name)
            && GitOpsObject.Text(s["directory"]?["include"]) == AppAccess.FileName);
}
