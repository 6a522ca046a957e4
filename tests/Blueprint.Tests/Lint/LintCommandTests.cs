using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Lint;

/// <summary>lint with --schemas; plain lint's report is pinned in Golden/cli/lint (<see cref="Cli.GoldenOutputTests"/>).</summary>
public class LintCommandTests : CliSession
{
    [Fact]
    public void A_schema_folder_that_does_not_exist_is_a_usage_error()
    {
        using var scratch = new TempFolder();
        var missing = scratch.File("no-schemas");

        var exit = Run("lint", "--schemas", missing);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(missing, Err.ToString(), StringComparison.Ordinal);
        Assert.Contains("no such folder", Err.ToString(), StringComparison.Ordinal);
    }

    [SchemaFact]
    public void The_repository_lints_clean_against_the_upstream_schemas()
    {
        var exit = Run("lint", "--schemas", UpstreamSchemas.Folder, "--charts", Repo.Charts);

        Assert.True(exit == ExitCodes.Ok, Err.ToString());
        Assert.Contains("2 stack(s) OK", Out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", Out.ToString(), StringComparison.Ordinal);
    }

    [SchemaFact]
    public void A_broken_copy_of_the_repository_fails_once_per_finding_with_exit_code_1()
    {
        Repository.Edit(
            "stacks/common/values/cilium.yaml", "  hostRoot: /sys/fs/cgroup", "  hostRoot: /sys/fs/cgroup\n  automount:\n    enabled: false");

        var exit = Run("lint", "--schemas", UpstreamSchemas.Folder, "--charts", Repo.Charts);

        Assert.Equal(ExitCodes.Invalid, exit);
        var line = Assert.Single(Err.ToString().Split('\n'), l => l.Contains("cgroup.automount", StringComparison.Ordinal));
        Assert.StartsWith("error BP067: stacks/common/values/cilium.yaml: cgroup.automount:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Err.ToString(), StringComparison.Ordinal);
    }
}
