using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Validation;

/// <summary>The root Application must point at a Git URL Argo CD can clone and at a folder that exists in this repository.</summary>
public sealed partial class GitOpsRule : IRule<ConfigContext>
{
    public const string Root = "gitops";

    public IEnumerable<Diagnostic> Findings(ConfigContext context)
    {
        var config = context.Config;
        var repository = context.Repository;
        var gitops = config.GitOps;
        if (!IsGitUrl(gitops.RepoUrl))
        {
            yield return FindingId.GitOpsSource.At(
                Keys.GitOpsField("repoUrl"),
                $"\"{gitops.RepoUrl}\" is not an https or ssh Git URL",
                "use e.g. https://github.com/acme/platform.git or git@github.com:acme/platform.git");
        }

        if (string.IsNullOrWhiteSpace(gitops.Revision) || gitops.Revision.Any(char.IsWhiteSpace))
        {
            yield return FindingId.GitOpsSource.At(Keys.GitOpsField("revision"), $"\"{gitops.Revision}\" is not a Git revision",
                "use a branch, tag or commit, e.g. main (quote a tag YAML would read as a date)");
        }

        var path = gitops.Path.TrimEnd('/');
        var segments = path.Split('/');
        if (path.StartsWith('/') || segments.Any(s => s is "" or "." or "..") || segments[0] != Root || segments.Length < 2)
        {
            yield return FindingId.GitOpsSource.At(
                Keys.GitOpsField("path"),
                $"\"{gitops.Path}\" is not a folder under {Root}/",
                $"use a repo-relative path such as {Root}/clusters/{config.Stack}");
        }
        else if (repository.LeavesRepository(path) is { } escape)
        {
            yield return FindingId.GitOpsSource.At(Keys.GitOpsField("path"), $"{path} {escape}",
                "Argo CD refuses a path that leaves the repository (out of bounds symlink); point to a real folder under gitops/");
        }
        else if (!repository.DirectoryExists(path))
        {
            yield return FindingId.GitOpsSource.At(
                Keys.GitOpsField("path"),
                $"{path} does not exist in this repository",
                $"create it or point to an existing folder such as {Root}/clusters/{config.Stack}");
        }
    }

    public static bool IsGitUrl(string url)
    {
        if (ScpLike().IsMatch(url))
        {
            return true;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == "ssh")
            && uri.Host.Length > 0
            && uri.AbsolutePath.Trim('/').Length > 0
            && string.IsNullOrEmpty(uri.UserInfo.Split(':').ElementAtOrDefault(1));
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[A-Za-z0-9._/-]+$")]
    private static partial Regex ScpLike();
}
