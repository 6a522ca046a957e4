using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.Renovate;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Renovate;

public class StageEditTests
{
    [Fact]
    public void The_new_environment_goes_on_a_line_of_its_own_in_the_stage_and_nothing_else_moves()
    {
        var text = Repo.Directory.ReadFile(RenovateSetup.File)!;
        var stages = Read(text);
        var ops = stages.Single(s => s.BranchPrefix == "ops/");

        var edited = StageEdit.AddFileNames(text, ops.Rule, StageEdit.FilesOf("lab"));

        var added = edited.Split('\n').Except(text.Split('\n')).ToList();
        Assert.Equal(
            [
                "        \"stacks/ops/**\", \"stacks/monitoring/**\", \"Pulumi.ops.yaml\",",
                "        \"gitops/clusters/lab/**\", \"gitops/platform/*/lab/**\", \"gitops/apps/apps-lab/**\", \"stacks/lab/**\", "
                + "\"Pulumi.lab.yaml\"",
            ],
            added);
        Assert.Equal(text.Split('\n').Length + 1, edited.Split('\n').Length);
        var after = Read(edited);
        Assert.True(after.Single(s => s.BranchPrefix == "ops/").Covers("gitops/platform/gateway/lab/gateway.yaml"));
        Assert.False(after.Single(s => s.BranchPrefix == "dev/").Covers("Pulumi.lab.yaml"));
    }

    [Theory]
    [InlineData("{\"packageRules\": [{\"matchFileNames\": [\"a/**\"], \"additionalBranchPrefix\": \"x/\"}]}",
        "{\"packageRules\": [{\"matchFileNames\": [\"a/**\",\n\"Pulumi.lab.yaml\"], \"additionalBranchPrefix\": \"x/\"}]}")]
    [InlineData("{\"packageRules\": [{\"matchFileNames\": [], \"additionalBranchPrefix\": \"x/\"}]}",
        "{\"packageRules\": [{\"matchFileNames\": [\"Pulumi.lab.yaml\"], \"additionalBranchPrefix\": \"x/\"}]}")]
    [InlineData("{\"packageRules\": [{\"description\": \"é [\\\"x\\\"]\"}, {\"matchFileNames\": [\"b\"], \"description\": \"ü\"}]}",
        "{\"packageRules\": [{\"description\": \"é [\\\"x\\\"]\"}, {\"matchFileNames\": [\"b\",\n\"Pulumi.lab.yaml\"], \"description\": \"ü\"}]}")]
    public void Names_land_in_the_right_rules_list_whatever_its_layout(string json, string expected)
    {
        var rule = json.Contains("\"description\": \"é", StringComparison.Ordinal) ? 1 : 0;

        var edited = StageEdit.AddFileNames(json, rule, ["Pulumi.lab.yaml"]);

        Assert.Equal(expected, edited);
        Assert.NotNull(JsonNode.Parse(edited));
    }

    [Fact]
    public void The_first_stage_is_the_one_with_the_shortest_age()
    {
        Assert.Equal("dev/", StageEdit.First(Read(Repo.Directory.ReadFile(RenovateSetup.File)!))!.BranchPrefix);
    }

    private static IReadOnlyList<Stage> Read(string text)
    {
        var findings = new List<Diagnostic>();
        var stages = Stage.Read((JsonObject)JsonNode.Parse(text)!, findings);
        Assert.Empty(findings);
        return stages;
    }
}
