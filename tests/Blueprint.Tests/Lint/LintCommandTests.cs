using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Lint;

public class LintCommandTests
{
    [Fact]
    public void A_schema_folder_that_does_not_exist_is_a_usage_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-schemas-{Guid.NewGuid():N}");

        var (exit, _, stderr) = Run("lint", "--root", TestRepo.Root, "--schemas", missing);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(missing, stderr, StringComparison.Ordinal);
        Assert.Contains("no such folder", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_schemas_lint_says_the_schema_checks_were_skipped()
    {
        var (exit, stdout, _) = Run("lint", "--root", TestRepo.Root);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("schema checks skipped", stdout, StringComparison.Ordinal);
    }

    [SchemaFact]
    public void The_repository_lints_clean_against_the_upstream_schemas()
    {
        var (exit, stdout, stderr) = Run("lint", "--root", TestRepo.Root, "--schemas", TestRepo.Schemas);

        Assert.True(exit == ExitCodes.Ok, stderr);
        Assert.Contains("2 stack(s) OK", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", stdout, StringComparison.Ordinal);
    }

    [SchemaFact]
    public void A_broken_copy_of_the_repository_fails_once_per_finding_with_exit_code_1()
    {
        using var repo = TempFolder.RepoCopy();
        var common = TestRepo.Read("stacks/common/values/cilium.yaml")
            .Replace("  hostRoot: /sys/fs/cgroup", "  hostRoot: /sys/fs/cgroup\n  automount:\n    enabled: false", StringComparison.Ordinal);
        repo.Write("stacks/common/values/cilium.yaml", common);

        var (exit, _, stderr) = Run("lint", "--root", repo.Path, "--schemas", TestRepo.Schemas);

        Assert.Equal(ExitCodes.Invalid, exit);
        var line = Assert.Single(stderr.Split('\n'), l => l.Contains("cgroup.automount", StringComparison.Ordinal));
        Assert.StartsWith("error: stacks/common/values/cilium.yaml: cgroup.automount:", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
