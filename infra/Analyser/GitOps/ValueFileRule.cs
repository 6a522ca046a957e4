using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.GitOps;

/// <summary>Every values file an Application in Git names from this repository ($values/...) exists (generated apps:
/// <see cref="AppConfigRule"/>).</summary>
public sealed class ValueFileRule : IRule<GitOpsContext>
{
    public IEnumerable<Diagnostic> Findings(GitOpsContext context)
    {
        foreach (var app in context.Cluster.Applications.Where(a => a.GeneratedFrom is null))
        {
            foreach (var file in app.App.Sources.SelectMany(s => GitOpsObject.Strings(GitOpsObject.At(s, "helm", "valueFiles"))))
            {
                var path = file.StartsWith("$values/", StringComparison.Ordinal) ? file["$values/".Length..] : null;
                if (path is not null && !context.Repository.FileExists(path))
                {
                    yield return FindingId.ValueFile.At(
                        $"{app.App.Where}: spec.sources[].helm.valueFiles",
                        $"Application {app.Name} reads {path}, which does not exist",
                        $"create {path} (an empty mapping {{}} is fine)");
                }
            }
        }
    }
}
