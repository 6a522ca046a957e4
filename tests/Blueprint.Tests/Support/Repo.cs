using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>
/// The repositories a test reads. <see cref="Root"/> is the fixture repository under tests/FixtureRepo: its own stack files,
/// gitops tree, values and pins, changed only on purpose, so that a user's routine change to the live files (a node, a
/// chart bump, an app) never breaks a test. <see cref="Source"/> is this source tree (code, docs, workflows, golden files);
/// only <c>LiveRepositoryTests</c> reads its stack inputs.
/// </summary>
internal static class Repo
{
    /// <summary>The source tree: the folder holding Pulumi.yaml above the test binaries.</summary>
    public static string Source { get; } = RepoDirectory.FindRoot(AppContext.BaseDirectory);

    /// <summary>The fixture repository every test but the live smoke test plans and lints.</summary>
    public static string Root { get; } = Path.Combine(Source, "tests", "FixtureRepo");

    public static RepoDirectory Directory { get; } = new(Root);

    /// <summary>The upstream schema folder: BOOTSTRAP_SCHEMAS (relative paths from the source root, as CI gives them),
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
            ? Path.GetFullPath(given, Source)
            : Path.GetFullPath(Path.Combine(Source, "..", "shared", name));
}
