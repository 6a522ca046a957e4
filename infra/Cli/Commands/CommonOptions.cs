using System.CommandLine;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Cli.Commands;

internal static class CommonOptions
{
    public static Option<DirectoryInfo?> Root() => new("--root")
    {
        Description = "Repository root (the folder with Pulumi.yaml). Default: found upwards from the current folder.",
    };

    public static string RepoRoot(ParseResult result, Option<DirectoryInfo?> root) =>
        result.GetValue(root) switch
        {
            null => RepoDirectory.FindRoot(Directory.GetCurrentDirectory()),
            { Exists: false } missing =>
                throw new UsageException($"--root {missing.FullName}: no such folder; pass the repository (the folder with Pulumi.yaml)"),
            var given => given.FullName,
        };
}
