using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.GitOps.Rules;

/// <summary>
/// Core apps stay quiet and safe: core namespaces Argo CD creates are never pruned, and Cilium ignores the certificate
/// Secrets its chart regenerates on every render, or it sits OutOfSync forever (cilium/cilium#14550, #36012).
/// </summary>
public sealed class CoreAppRule : IRule<GitOpsContext>
{
    public static readonly IReadOnlyList<string> CiliumCertificateSecrets = ["cilium-ca", "hubble-server-certs", "hubble-relay-client-certs"];

    public IEnumerable<Diagnostic> Findings(GitOpsContext context)
    {
        foreach (var app in context.Cluster.Applications.Where(a => a.Project == "core"))
        {
            var policy = app.App.Spec["syncPolicy"] as JsonObject;
            var createsNamespace = GitOpsObject.Strings(GitOpsObject.At(policy, "syncOptions")).Contains("CreateNamespace=true");
            var annotation = GitOpsObject.Text(GitOpsObject.At(policy, "managedNamespaceMetadata", "annotations", "argocd.argoproj.io/sync-options"));
            var ns = GitOpsObject.Text(GitOpsObject.At(app.Destination, "namespace"));
            if (createsNamespace && ns is not ("kube-system" or "default") && annotation != "Prune=false")
            {
                yield return Diagnostic.Error(
                    $"{app.App.Where}: spec.syncPolicy.managedNamespaceMetadata",
                    $"core namespace {ns} is not protected from pruning",
                    "add managedNamespaceMetadata.annotations: {argocd.argoproj.io/sync-options: Prune=false}");
            }
        }

        foreach (var cilium in context.Cluster.Applications.Where(a => a.App.Sources.Any(s => GitOpsObject.Text(s["chart"]) == "cilium")))
        {
            var ignored = (cilium.App.Spec["ignoreDifferences"] as JsonArray ?? [])
                .Where(d => GitOpsObject.Text(GitOpsObject.At(d, "kind")) == "Secret")
                .Select(d => GitOpsObject.Text(GitOpsObject.At(d, "name")))
                .ToHashSet();
            var missing = CiliumCertificateSecrets.Where(s => !ignored.Contains(s)).ToList();
            if (missing.Count > 0)
            {
                yield return Diagnostic.Error(
                    $"{cilium.App.Where}: spec.ignoreDifferences",
                    $"does not ignore the regenerated certificate Secrets {string.Join(", ", missing)}: Cilium would sit OutOfSync",
                    "add an ignoreDifferences entry (kind: Secret, name, jsonPointers: [/data]) for each");
            }
        }
    }
}
