using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.GitOps;

/// <summary>
/// Core apps stay quiet and safe: core namespaces Argo CD creates are never pruned, and Cilium ignores the certificate
/// Secrets its chart regenerates on every render, or it sits OutOfSync forever (cilium/cilium#14550, #36012).
/// </summary>
public sealed class CoreAppRule : IRule<GitOpsContext>
{
    public static readonly IReadOnlyList<string> CiliumCertificateSecrets = ["cilium-ca", "hubble-server-certs", "hubble-relay-client-certs"];

    public IEnumerable<Diagnostic> Findings(GitOpsContext context)
    {
        // A namespace CreateNamespace=true makes gets managedNamespaceMetadata's annotations with sync-options replaced by
        // ServerSideApply=true, and no tracking (argo-cd v3.4.4 controller/sync_namespace.go appendSSAAnnotation and its note on
        // argo-cd#11196): it is not one of the Application's resources, so neither prune nor deleting the Application deletes
        // it. A sync option written there protects nothing and only suggests it does.
        foreach (var app in context.Cluster.Applications)
        {
            var policy = app.App.Spec["syncPolicy"] as JsonObject;
            var annotation = GitOpsObject.Text(GitOpsObject.At(policy, "managedNamespaceMetadata", "annotations", "argocd.argoproj.io/sync-options"));
            if (annotation is not null)
            {
                yield return FindingId.CoreAppSync.At(
                    $"{app.App.Where}: spec.syncPolicy.managedNamespaceMetadata.annotations",
                    $"sets argocd.argoproj.io/sync-options: {annotation}, which Argo CD replaces with ServerSideApply=true on the namespace "
                    + "(controller/sync_namespace.go): it protects nothing",
                    "drop it: the namespace Argo CD creates is not tracked, so no prune or Application deletion removes it");
            }
        }

        // Only hubble.tls.auto.method helm (the chart's default) renders these certificates, anew on every render
        // (cilium 1.20.0 templates/hubble/tls-helm/*); with cronJob or certmanager the chart renders none of them.
        var method = GitOpsObject.Text(GitOpsObject.At(
            context.Blueprint.Addons.Releases.FirstOrDefault(r => r.Chart == "cilium")?.Values, "hubble", "tls", "auto", "method")) ?? "helm";
        foreach (var cilium in context.Cluster.Applications.Where(a => a.App.Sources.Any(s => GitOpsObject.Text(s["chart"]) == "cilium")))
        {
            var ignored = (cilium.App.Spec["ignoreDifferences"] as JsonArray ?? [])
                .Where(d => GitOpsObject.Text(GitOpsObject.At(d, "kind")) == "Secret")
                .Select(d => GitOpsObject.Text(GitOpsObject.At(d, "name")))
                .ToHashSet();
            var missing = CiliumCertificateSecrets.Where(s => !ignored.Contains(s)).ToList();
            if (method == "helm" && missing.Count > 0)
            {
                yield return FindingId.CoreAppSync.At(
                    $"{cilium.App.Where}: spec.ignoreDifferences",
                    $"does not ignore the regenerated certificate Secrets {string.Join(", ", missing)}: Cilium would sit OutOfSync",
                    "add an ignoreDifferences entry (kind: Secret, name, jsonPointers: [/data]) for each");
            }
            else if (method != "helm" && ignored.Count > 0)
            {
                yield return FindingId.IgnoredSecretNotRendered.At(
                    $"{cilium.App.Where}: spec.ignoreDifferences",
                    $"ignores Secrets ({string.Join(", ", ignored)}) the chart does not render with hubble.tls.auto.method {method}: "
                    + "the entries match nothing and hide nothing",
                    "drop them (they are needed only with method helm)");
            }
        }
    }
}
