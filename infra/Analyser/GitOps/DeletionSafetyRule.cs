using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.GitOps;

/// <summary>
/// Nothing in Git deletes the platform by accident: ApplicationSets keep workloads and never delete Applications
/// (argo-cd#9227, #22127), core Applications carry no resources-finalizer, Argo CD never prunes itself (argo-cd#2438).
/// </summary>
public sealed class DeletionSafetyRule : IRule<GitOpsContext>
{
    public const string ResourcesFinalizer = "resources-finalizer.argocd.argoproj.io";
    private static readonly string[] SafeApplicationsSync = ["create-only", "create-update"];

    public IEnumerable<Diagnostic> Findings(GitOpsContext context)
    {
        foreach (var appSet in context.Cluster.ApplicationSets)
        {
            var policy = appSet.Spec["syncPolicy"] as JsonObject;
            if (GitOpsObject.At(policy, "preserveResourcesOnDeletion")?.GetValueKind() != System.Text.Json.JsonValueKind.True)
            {
                yield return FindingId.DeletionSafety.At(
                    $"{appSet.Where}: spec.syncPolicy.preserveResourcesOnDeletion",
                    "is not true: deleting an app folder or this ApplicationSet would delete the workloads",
                    "set spec.syncPolicy.preserveResourcesOnDeletion: true");
            }

            if (!SafeApplicationsSync.Contains(GitOpsObject.Text(GitOpsObject.At(policy, "applicationsSync"))))
            {
                yield return FindingId.DeletionSafety.At(
                    $"{appSet.Where}: spec.syncPolicy.applicationsSync",
                    "lets the ApplicationSet delete Applications (a bad generator result removes every app)",
                    "set spec.syncPolicy.applicationsSync: create-update");
            }
        }

        foreach (var app in context.Cluster.Applications.Where(a => a.Project == "core" || a.Name == RootApplication.Name))
        {
            if (GitOpsObject.Strings(GitOpsObject.At(app.App.Body, "metadata", "finalizers")).Contains(ResourcesFinalizer))
            {
                yield return FindingId.DeletionSafety.At(
                    $"{app.App.Where}: metadata.finalizers",
                    $"{app.Name} has {ResourcesFinalizer}: deleting the Application would delete what the cluster runs on",
                    "remove the finalizer");
            }
        }

        foreach (var argocd in context.Cluster.Applications.Where(a => a.App.Sources.Any(s => GitOpsObject.Text(s["chart"]) == "argo-cd")))
        {
            if (GitOpsObject.At(argocd.App.Spec, "syncPolicy", "automated", "prune")?.GetValueKind() == System.Text.Json.JsonValueKind.True)
            {
                yield return FindingId.DeletionSafety.At(
                    $"{argocd.App.Where}: spec.syncPolicy.automated.prune",
                    "is true: a self-sync that prunes argocd-cm locks everyone out (argo-cd#2438)",
                    "set prune: false for the self-managed argocd Application");
            }
        }
    }
}
