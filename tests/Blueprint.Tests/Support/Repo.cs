using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>The repository under test: the folder holding Pulumi.yaml above the test binaries.</summary>
internal static class Repo
{
    public static string Root { get; } = RepoDirectory.FindRoot(AppContext.BaseDirectory);

    public static RepoDirectory Directory { get; } = new(Root);

    /// <summary>../shared/schemas beside the repository, as CI provides it.</summary>
    public static string Schemas { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas"));
}
