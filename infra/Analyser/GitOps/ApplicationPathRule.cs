using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.GitOps;

/// <summary>
/// Every source path an Application takes from this repository is a folder inside it, as Argo CD's repo server requires
/// (argoproj/argo-cd util/app/path/path.go): otherwise lint would see an empty folder where Argo CD sees an error.
/// </summary>
public sealed class ApplicationPathRule : IRule<GitOpsContext>
{
    public IEnumerable<Diagnostic> Findings(GitOpsContext context)
    {
        foreach (var app in context.Cluster.Applications)
        {
            var sources = app.App.Sources.Where(s => GitOpsObject.Text(s["repoURL"]) == context.Cluster.RepoUrl).ToList();
            foreach (var source in sources)
            {
                if (GitOpsObject.Text(source["path"]) is not { } path || Problem(path, context) is not { } problem)
                {
                    continue;
                }

                yield return FindingId.ApplicationPath.At(
                    $"{app.App.Where}: spec.source{(app.App.Spec["sources"] is null ? "" : "s[]")}.path",
                    $"Application {app.Name} takes its manifests from '{Excerpt.Of(path)}', which {problem}: Argo CD refuses it",
                    "name a folder of this repository relative to its root, e.g. gitops/clusters/<stack>");
            }
        }
    }

    private static string? Problem(string path, GitOpsContext context)
    {
        if (path.StartsWith('/') || path.StartsWith('\\') || (path.Length > 1 && path[1] == ':'))
        {
            return "is absolute (app path is absolute)";
        }

        if (Leaves(path))
        {
            return "leaves the repository (app path outside root)";
        }

        var clean = Clean(path);
        if (clean.Length == 0)
        {
            return null; // the repository root itself
        }

        if (context.Repository.LeavesRepository(clean) is { } leaves)
        {
            return leaves;
        }

        return context.Repository.DirectoryExists(clean) ? null
            : context.Repository.FileExists(clean) ? "is a file, not a folder (app path is not a directory)"
            : "does not exist (app path does not exist)";
    }

    /// <summary>Whether Go's filepath.Join(root, path) would climb above root: more '..' than folders at some point.</summary>
    private static bool Leaves(string path)
    {
        var depth = 0;
        foreach (var part in path.Split('/'))
        {
            depth += part switch { "" or "." => 0, ".." => -1, _ => 1 };
            if (depth < 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Clean(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not ("" or "."))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
