using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;

namespace Bootstrap.Blueprint.GitOps;

/// <summary>The app-of-apps Pulumi creates last; from then on Argo CD manages the platform, itself included, from Git.</summary>
public static class RootApplication
{
    public const string Name = "root";
    public const string ArgoCdNamespace = "argocd";
    public const string InCluster = "https://kubernetes.default.svc";

    public static Manifest For(GitOpsSettings gitops) =>
        new(Name, new JsonObject
        {
            ["apiVersion"] = "argoproj.io/v1alpha1",
            ["kind"] = "Application",
            // No resources-finalizer: deleting the root Application must never cascade into deleting the platform.
            ["metadata"] = new JsonObject { ["name"] = Name, ["namespace"] = ArgoCdNamespace },
            ["spec"] = new JsonObject
            {
                // The default project exists from the first start; the platform's own projects are synced by this app.
                ["project"] = "default",
                ["source"] = new JsonObject
                {
                    ["repoURL"] = gitops.RepoUrl,
                    ["targetRevision"] = gitops.Revision,
                    ["path"] = gitops.Path,
                    ["directory"] = new JsonObject { ["recurse"] = true },
                },
                ["destination"] = new JsonObject { ["server"] = InCluster, ["namespace"] = ArgoCdNamespace },
                ["syncPolicy"] = new JsonObject
                {
                    ["automated"] = new JsonObject { ["prune"] = true, ["selfHeal"] = true },
                    ["syncOptions"] = new JsonArray("PruneLast=true"),
                    // With Application health (argocd-cm) a child that turns Degraded in a wave fails the root's sync, and an
                    // automated sync never retries a failed revision on its own (argo-cd docs user-guide/auto_sync.md): retry
                    // without end (limit < 0: controller/appcontroller.go), backing off, so the later waves still come.
                    ["retry"] = new JsonObject
                    {
                        ["limit"] = -1,
                        ["backoff"] = new JsonObject { ["duration"] = "10s", ["factor"] = 2, ["maxDuration"] = "5m" },
                    },
                },
            },
        });
}
