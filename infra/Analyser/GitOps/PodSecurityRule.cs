using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.GitOps;

/// <summary>
/// Every namespace Argo CD creates for an app carries a Pod Security level, and only core apps may run privileged
/// (Talos enforces baseline by default; apps default to restricted).
/// </summary>
public sealed class PodSecurityRule : IRule<GitOpsContext>
{
    public const string EnforceLabel = "pod-security.kubernetes.io/enforce";
    private static readonly string[] Levels = ["restricted", "baseline", "privileged"];

    public IEnumerable<Diagnostic> Findings(GitOpsContext context)
    {
        foreach (var app in context.Cluster.Applications)
        {
            var policy = app.App.Spec["syncPolicy"];
            if (!GitOpsObject.Strings(GitOpsObject.At(policy, "syncOptions")).Contains("CreateNamespace=true"))
            {
                continue;
            }

            var where = app.GeneratedFrom is null
                ? $"{app.App.Where}: spec.syncPolicy.managedNamespaceMetadata"
                : $"{app.DeliveredBy.Where}: spec.template.spec.syncPolicy.managedNamespaceMetadata";
            var level = GitOpsObject.Text(GitOpsObject.At(policy, "managedNamespaceMetadata", "labels", EnforceLabel));
            if (GitOpsObject.Text(GitOpsObject.At(app.Destination, "namespace")) is "kube-system")
            {
                continue;
            }

            if (level is null || !Levels.Contains(level))
            {
                yield return FindingId.PodSecurity.At(
                    where,
                    $"{app.Name} creates its namespace without a valid {EnforceLabel} label",
                    $"set labels.{EnforceLabel} to restricted or baseline");
            }
            else if (level == "privileged" && app.Project != "core")
            {
                yield return FindingId.PodSecurity.At(
                    where,
                    $"{app.Name} (project {app.Project}) would run privileged",
                    "privileged is for core apps only: use baseline, or restricted");
            }
        }
    }
}
