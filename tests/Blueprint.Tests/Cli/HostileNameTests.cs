using System.Runtime.Versioning;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary>Names are names: a stack name is never a path, never unbounded, and a word that is no command is named.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class HostileNameTests : HostileInputSession
{
    [Theory]
    [InlineData("../../x", "invalid character '/' at position 2")]
    [InlineData("dev;rm", "invalid character ';' at position 3")]
    [InlineData("..", "'.' and '..' name folders, not stacks")]
    [InlineData("", "a stack name may not be empty")]
    [InlineData("acme/platform/dev", "pass only the stack part, e.g. dev")]
    public void A_stack_name_that_breaks_Pulumi_s_rule_is_a_usage_error(string name, string problem)
    {
        foreach (var args in new[] { new[] { "plan", name }, ["lint", name], ["verify", "--kubeconfig", Elsewhere("none"), "--stack", name],
            ["backup", "--kubeconfig", Elsewhere("none"), "--out", Elsewhere("vault"), "--stack", name] })
        {
            ClearOutput();

            Assert.Equal(ExitCodes.Usage, Run(args));

            Assert.Contains(problem, Err.ToString(), StringComparison.Ordinal);
            Assert.Contains("letters, digits, '-', '_' or '.' (Pulumi's rule)", Err.ToString(), StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Repository.File("out")));
        Assert.False(Directory.Exists(Elsewhere("vault")));
    }

    [Fact]
    public void A_stack_name_is_never_a_path_to_another_file()
    {
        // Without the name check, "a/../evil" would read Pulumi.a/../evil.yaml, a stack file that is not Pulumi.<stack>.yaml.
        Directory.CreateDirectory(Repository.File("Pulumi.a"));
        File.Copy(Repository.File("Pulumi.dev.yaml"), Repository.File("evil.yaml"));

        Assert.Equal(ExitCodes.Usage, Run("plan", "a/../evil"));
        Assert.Equal("", Out.ToString());
        Assert.False(Directory.Exists(Repository.File("out")));
    }

    [Fact]
    public void A_stack_name_over_100_characters_is_refused_with_a_short_message()
    {
        var name = new string('a', 1024 * 1024);

        Assert.Equal(ExitCodes.Usage, Run("plan", name));

        Assert.Contains("a stack name cannot exceed 100 characters (this one has 1048576)", Err.ToString(), StringComparison.Ordinal);
        Assert.True(Err.ToString().Length < 2000, $"{Err.ToString().Length} characters of error output");
    }

    [Fact]
    public void A_file_that_is_no_stack_name_is_not_a_stack_and_a_word_that_is_no_command_is_named()
    {
        File.Copy(Repository.File("Pulumi.dev.yaml"), Repository.File("Pulumi.my stack.yaml"));

        Assert.Equal(ExitCodes.Ok, Run("lint"));
        AssertGolden("lint");

        ClearOutput();
        Assert.Equal(ExitCodes.Usage, Run("plna", "dev"));
        Assert.StartsWith(
            "error: 'plna': not a command; the commands are plan, lint, new-app, new-env, verify, backup", Err.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, RunIn(Elsewhere("missing"), "plan", "dev"));
        Assert.Contains($"error: --root {Elsewhere("missing")}: no such folder", Err.ToString(), StringComparison.Ordinal);
    }
}
