using System.Runtime.Versioning;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary>Keys at every depth and bounded echoes: no secret, huge value, terminal escape or flood of findings comes back whole.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class HostileEchoTests : HostileInputSession
{
    [Fact]
    public void A_misspelt_field_of_a_structured_secret_lists_the_valid_ones_without_echoing_values()
    {
        Repository.Edit("Pulumi.dev.yaml", "  bootstrap:gitops:",
            "  bootstrap:gitopsCredentials:\n    username: git\n    pasword:\n      secure: v1:c2VjcmV0LWNpcGhlcnRleHQ=\n  bootstrap:gitops:");

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));

        Assert.Contains(
            "error BP002: bootstrap:gitopsCredentials.pasword: is not a known key; did you mean 'password'? valid keys here: "
            + "username, password, sshPrivateKey",
            Err.ToString(),
            StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_value_comes_back_as_a_short_excerpt()
    {
        Repository.Edit("Pulumi.dev.yaml", "    name: dev\n", $"    name: {new string('x', 1024 * 1024)}y\n");

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));

        var err = Err.ToString();
        Assert.Contains("error BP013: bootstrap:cluster.name: \"xxxxxxxx", err, StringComparison.Ordinal);
        Assert.Contains("characters left out]…xxx", err, StringComparison.Ordinal);
        Assert.Contains("xy\" is not a DNS-1123 label", err, StringComparison.Ordinal);
        Assert.True(err.Length < 4000, $"{err.Length} characters of error output");
    }

    [Fact]
    public void Terminal_escapes_in_a_value_are_shown_escaped()
    {
        Repository.Edit("Pulumi.dev.yaml", "    name: dev\n", "    name: \"dev\\e[2J\\rok\"\n");

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));

        Assert.Contains(
            "error BP013: bootstrap:cluster.name: \"dev\\u001B[2J\\rok\" is not a DNS-1123 label", Err.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', Err.ToString());
    }

    [Fact]
    public void Thousands_of_findings_print_the_first_hundred_and_a_count()
    {
        Repository.Edit("Pulumi.dev.yaml", "      - siderolabs/qemu-guest-agent\n",
            "      - siderolabs/qemu-guest-agent\n" + string.Concat(Enumerable.Repeat("      - X\n", 3000)));

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));

        var lines = Err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(102, lines.Length);
        // The 3000 errors, then dev's two placement warnings (Golden/cli/plan-dev.stderr), which are not shown past the first hundred.
        Assert.Equal("… and 2902 more finding(s) not shown", lines[100]);
        Assert.Equal("3000 error(s), 2 warning(s): nothing was written or applied.", lines[101]);
    }
}
