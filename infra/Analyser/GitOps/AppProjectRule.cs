using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.GitOps;

/// <summary>App projects (label gitops.bootstrap/tier: apps) are RBAC boundaries: their own namespaces, named
/// repositories, no cluster-scoped resources but Namespaces.</summary>
public sealed class AppProjectRule : IRule<GitOpsContext>
{
    public const string TierLabel = "gitops.bootstrap/tier";

    public IEnumerable<Diagnostic> Findings(GitOpsContext context)
    {
        foreach (var project in context.Tree.Objects.Where(o => o.Is("AppProject")))
        {
            if (GitOpsObject.At(project.Spec, "orphanedResources", "warn")?.GetValueKind() != System.Text.Json.JsonValueKind.True)
            {
                yield return FindingId.AppProject.At(
                    $"{project.Where}: spec.orphanedResources.warn",
                    "is not true: resources left behind in the project's namespaces go unnoticed",
                    "set spec.orphanedResources: {warn: true}");
            }

            if (GitOpsObject.Text(GitOpsObject.At(project.Body, "metadata", "labels", TierLabel)) != "apps")
            {
                continue;
            }

            var clusterKinds = (project.Spec["clusterResourceWhitelist"] as JsonArray ?? [])
                .Select(k => (Group: GitOpsObject.Text(GitOpsObject.At(k, "group")), Kind: GitOpsObject.Text(GitOpsObject.At(k, "kind"))))
                .Where(k => k != ("", "Namespace"))
                .ToList();
            if (clusterKinds.Count > 0)
            {
                yield return FindingId.AppProject.At(
                    $"{project.Where}: spec.clusterResourceWhitelist",
                    $"lets apps create cluster-scoped {string.Join(", ", clusterKinds.Select(k => $"{k.Group}/{k.Kind}"))}",
                    "allow only {group: \"\", kind: Namespace} in an app project");
            }

            foreach (var destination in project.Spec["destinations"] as JsonArray ?? [])
            {
                if (GitOpsObject.Text(GitOpsObject.At(destination, "namespace")) is null or "*")
                {
                    yield return FindingId.AppProject.At(
                        $"{project.Where}: spec.destinations",
                        "allows every namespace",
                        $"limit it to the environment's namespaces, e.g. {project.Name}-*");
                }
            }

            if (GitOpsObject.Strings(project.Spec["sourceRepos"]).Contains("*"))
            {
                yield return FindingId.AppProject.At(
                    $"{project.Where}: spec.sourceRepos",
                    "allows every repository",
                    "list this repository and the chart repositories the apps use");
            }
        }
    }
}
