using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>The repository under test: the folder holding Pulumi.yaml above the test binaries.</summary>
internal static class Repo
{
    public static string Root { get; } = RepoDirectory.FindRoot(AppContext.BaseDirectory);

    public static RepoDirectory Directory { get; } = new(Root);

    /// <summary>The upstream schema folder: BOOTSTRAP_SCHEMAS (relative paths from the repository root, as CI gives them),
    /// else ../shared/schemas.</summary>
    public static string Schemas { get; } = SharedFolder("BOOTSTRAP_SCHEMAS", "schemas");

    /// <summary>The pinned charts for offline rendering: BOOTSTRAP_CHARTS, else ../shared/charts.</summary>
    public static string Charts { get; } = SharedFolder("BOOTSTRAP_CHARTS", "charts");

    /// <summary>
    /// True where a missing shared folder or tool is a failure rather than a skip: in CI (CI=true, as GitHub Actions sets it)
    /// or when the variable naming the folder is set. A skipped test reads as a pass in CI, so CI must never skip.
    /// </summary>
    public static bool Required(string variable, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return string.Equals(environment("CI"), "true", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrEmpty(environment(variable));
    }

    /// <summary>Why a test needing <paramref name="folder"/> is skipped, or null when it runs (the folder exists, or it is required).</summary>
    public static string? SkipReason(string folder, string variable, string what, Func<string, string?>? environment = null) =>
        System.IO.Directory.Exists(folder) || Required(variable, environment)
            ? null
            : $"{what} not found at {folder}; CI provides it (or set {variable})";

    /// <summary>The folder <paramref name="variable"/> names (relative to the repository root), else ../shared/<paramref name="name"/>.</summary>
    public static string SharedFolder(string variable, string name, Func<string, string?>? environment = null) =>
        (environment ?? Environment.GetEnvironmentVariable)(variable) is { Length: > 0 } given
            ? Path.GetFullPath(given, Root)
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", name));
}
