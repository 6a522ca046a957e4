using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>The repository under test: the folder holding Pulumi.yaml above the test binaries.</summary>
internal static class Repo
{
    public static string Root { get; } = RepoDirectory.FindRoot(AppContext.BaseDirectory);

    public static RepoDirectory Directory { get; } = new(Root);

    /// <summary>The upstream schema folder: BOOTSTRAP_SCHEMAS (relative paths from the repository root, as CI gives them), else ../shared/schemas.</summary>
    public static string Schemas { get; } = SharedFolder("BOOTSTRAP_SCHEMAS", "schemas");

    /// <summary>The pinned charts for offline rendering: BOOTSTRAP_CHARTS, else ../shared/charts.</summary>
    public static string Charts { get; } = SharedFolder("BOOTSTRAP_CHARTS", "charts");

    /// <summary>
    /// True where a missing shared folder or tool is a failure rather than a skip: in CI (CI=true, as GitHub Actions sets it)
    /// or when the variable naming the folder is set. A skipped test reads as a pass in CI, so CI must never skip.
    /// </summary>
    public static bool Required(string variable) =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable));

    private static string SharedFolder(string variable, string name) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } given
            ? Path.GetFullPath(given, Root)
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", name));
}
