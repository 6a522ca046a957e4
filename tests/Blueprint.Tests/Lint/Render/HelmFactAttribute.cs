using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Lint.Render;

/// <summary>
/// A fact that runs the real helm (BOOTSTRAP_HELM, else helm on PATH) over the pinned charts (BOOTSTRAP_CHARTS, else
/// ../shared/charts) and the schema folder. Without them it is skipped on a developer machine with the reason; in CI
/// (CI=true) or when BOOTSTRAP_HELM is set it runs and fails, because there a skip would read as a pass.
/// </summary>
public sealed class HelmFactAttribute : FactAttribute
{
    public HelmFactAttribute() => Skip = HelmSetup.SkipReason;
}

internal static class HelmSetup
{
    public static string? Executable { get; } =
        Environment.GetEnvironmentVariable("BOOTSTRAP_HELM") is { Length: > 0 } given
            ? given
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(folder => Path.Combine(folder, "helm"))
                .FirstOrDefault(File.Exists);

    public static string? SkipReason
    {
        get
        {
            var missing = new List<string>();
            if (Executable is null || !File.Exists(Executable))
            {
                missing.Add($"helm ({Executable ?? "not on PATH"}; set BOOTSTRAP_HELM or run .ci/run, which installs it)");
            }

            if (!Directory.Exists(Repo.Charts))
            {
                missing.Add($"the pinned charts at {Repo.Charts} (BOOTSTRAP_CHARTS)");
            }

            if (!Directory.Exists(Repo.Schemas))
            {
                missing.Add($"the schema folder at {Repo.Schemas} (BOOTSTRAP_SCHEMAS)");
            }

            return missing.Count == 0 || Repo.Required("BOOTSTRAP_HELM") ? null : $"needs {string.Join(", ", missing)}";
        }
    }
}
