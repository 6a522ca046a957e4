using System.CommandLine;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Cli.Commands;

internal static class CommonOptions
{
    public static Option<DirectoryInfo?> Repo() => new("--repo")
    {
        Description = "Repository root (the folder with Pulumi.yaml). Default: found upwards from the current folder.",
    };

    public static string RepoRoot(ParseResult result, Option<DirectoryInfo?> repo) =>
        result.GetValue(repo)?.FullName ?? RepoDirectory.FindRoot(Directory.GetCurrentDirectory());
}
