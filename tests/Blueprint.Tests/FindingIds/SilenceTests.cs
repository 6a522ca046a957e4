using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.FindingIds;

/// <summary>
/// <c>bootstrap:silence</c> end to end through the CLI: the fixture's dev stack runs every node on pve1, so it warns
/// BP015 (etcd quorum on one host) and BP016 (every worker on one host); a stack can accept them on purpose, with a reason.
/// </summary>
public sealed class SilenceTests : CliSession
{
    private const string Config = "config:\n";

    private void Silence(string entries) => Repository.Edit("Pulumi.dev.yaml", Config, $"{Config}  bootstrap:silence: {{ {entries} }}\n");

    [Fact]
    public void A_silenced_warning_is_not_printed_and_plan_lists_the_silence_with_its_reason()
    {
        Silence("BP015: \"lab: one Proxmox host\"");

        Assert.Equal(ExitCodes.Ok, Run("plan", "dev"));

        Assert.DoesNotContain("BP015", Err.ToString(), StringComparison.Ordinal);
        Assert.Contains(
            "warning BP016: bootstrap:cluster.nodes: losing Proxmox host pve1 stops every worker", Err.ToString(), StringComparison.Ordinal);
        Assert.Contains(
            "plan: dev silences BP015 (One Proxmox host holds the etcd quorum): lab: one Proxmox host", Out.ToString(), StringComparison.Ordinal);
        var warnings = JsonNode.Parse(File.ReadAllText(Repository.File("out/dev/plan.json")))!["warnings"]!.AsArray();
        Assert.Equal(["BP016"], warnings.Select(w => w!.GetValue<string>().Split(':')[0].Split(' ')[1]));
    }

    [Fact]
    public void Lint_lists_every_silence_and_warns_about_one_that_matches_nothing()
    {
        Silence("BP015: \"lab\", BP016: \"lab\", BP010: \"we once had four control planes\"");

        Assert.Equal(ExitCodes.Ok, Run("lint", "dev"));

        var err = Err.ToString();
        Assert.DoesNotContain("BP015", err, StringComparison.Ordinal);
        Assert.DoesNotContain("BP016", err, StringComparison.Ordinal);
        Assert.Contains(
            "warning BP042: bootstrap:silence.BP010: silences no finding of stack dev: BP010 is not reported any more; "
            + "remove it from Pulumi.dev.yaml",
            err, StringComparison.Ordinal);
        Assert.Contains(
            "lint: dev silences BP010 (Even number of control planes): we once had four control planes", Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("lint: dev silences BP015 (One Proxmox host holds the etcd quorum): lab", Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("lint: dev silences BP016 (One Proxmox host runs every worker): lab", Out.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BP007: \"we know\"", "bootstrap:silence.BP007: is an error (Network address, range or subnet invalid): errors cannot be silenced")]
    [InlineData("BP999: \"typo\"", "bootstrap:silence.BP999: is not a finding id")]
    [InlineData("BP015: \" \"", "bootstrap:silence.BP015: gives no reason")]
    [InlineData("BP015: 3", "bootstrap:silence.BP015: gives no reason")]
    public void Silencing_an_error_an_unknown_id_or_without_a_reason_is_an_error(string entry, string message)
    {
        Silence(entry);

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));

        Assert.Contains($"error BP041: {message}", Err.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Repository.File("out/dev")));
    }

    [Fact]
    public void Silence_is_a_mapping()
    {
        Repository.Edit("Pulumi.dev.yaml", Config, $"{Config}  bootstrap:silence: [BP015]\n");

        Assert.Equal(ExitCodes.Invalid, Run("lint", "dev"));

        Assert.Contains("error BP041: bootstrap:silence: is not a mapping of finding ids to reasons", Err.ToString(), StringComparison.Ordinal);
    }

    /// <summary><c>pulumi up</c> logs blueprint.Warnings (Stack/BlueprintSource.cs): the silence applies there too.</summary>
    [Fact]
    public void The_pulumi_path_drops_the_silenced_warning_from_the_blueprint()
    {
        var config = StackInput.Of("dev").AsPulumiConfig(("bootstrap:silence", """{"BP016":"lab: one host"}"""));

        var blueprint = Planner.LoadForPulumi("dev", config, "[]", Repo.Directory);

        Assert.Equal([FindingId.HostQuorum], blueprint.Warnings.Select(w => w.Id));
        Assert.Equal("lab: one host", Assert.Single(blueprint.Config.Silences.Entries).Reason);
    }
}
