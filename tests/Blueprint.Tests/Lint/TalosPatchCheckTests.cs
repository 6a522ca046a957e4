using Bootstrap.Blueprint.Tests.Support;
using System.Text.Json.Nodes;
using Bootstrap.Analyser.Lint;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Talos;

namespace Bootstrap.Blueprint.Tests.Lint;

public class TalosPatchCheckTests
{
    [SchemaFact]
    public void Machine_network_removed_in_Talos_1_13_fails_with_its_path()
    {
        var blueprint = WithCommonPatch(StackInput.Of("dev").Blueprint(), """{"machine": {"network": {"hostname": "cp-1"}}}""");

        var finding = Assert.Single(TalosPatchCheck.Check(blueprint, UpstreamSchemas.Set));

        Assert.Equal("talos patch dev/common (v1alpha1.Config): machine.network", finding.Key);
        Assert.Contains("not a field", finding.Problem, StringComparison.Ordinal);
        Assert.Contains("LinkConfig", finding.Fix, StringComparison.Ordinal);
    }

    [SchemaFact]
    public void A_misspelled_field_fails_and_the_fix_names_the_field_with_the_right_case()
    {
        var blueprint = WithCommonPatch(StackInput.Of("dev").Blueprint(), """{"machine": {"install": {"Disk": "/dev/sda"}}}""");

        var finding = Assert.Single(TalosPatchCheck.Check(blueprint, UpstreamSchemas.Set));

        Assert.Equal("talos patch dev/common (v1alpha1.Config): machine.install.Disk", finding.Key);
        Assert.Equal("did you mean machine.install.disk?", finding.Fix);
    }

    [SchemaFact]
    public void A_typed_document_is_checked_against_its_own_kind_and_names_the_field_inside_a_list()
    {
        var blueprint = StackInput.Of("dev").Blueprint();
        var node = blueprint.Nodes.Single(n => n.Name == "cp-1");
        var documents = node.Patch.Documents.Select(d => (JsonObject)d.DeepClone()).ToList();
        var link = documents.Single(d => (string?)d["kind"] == "LinkConfig");
        link["addresses"]![0]!["address"] = 7;
        link["mtuu"] = 1500;
        var broken = blueprint with { Nodes = blueprint.Nodes
            .Select(n => n == node ? n with { Patch = node.Patch with { Documents = documents } } : n)
            .ToList() };

        var keys = TalosPatchCheck.Check(broken, UpstreamSchemas.Set).Select(f => f.Key).ToList();

        Assert.Equal(
            ["talos patch dev/node-cp-1 (LinkConfig net0): addresses[0].address", "talos patch dev/node-cp-1 (LinkConfig net0): mtuu"], keys);
    }

    [SchemaFact]
    public void An_unknown_document_kind_fails_and_lists_the_known_kinds()
    {
        var blueprint = WithCommonPatch(StackInput.Of("dev").Blueprint(), """{"apiVersion": "v1alpha1", "kind": "NetworkConfig"}""");

        var finding = Assert.Single(TalosPatchCheck.Check(blueprint, UpstreamSchemas.Set));

        Assert.Equal("talos patch dev/common (NetworkConfig): kind", finding.Key);
        Assert.Contains("LinkConfig", finding.Fix, StringComparison.Ordinal);
        Assert.Contains("HostnameConfig", finding.Fix, StringComparison.Ordinal);
    }

    [SchemaFact]
    public void A_Talos_version_without_a_schema_in_the_folder_is_an_error_naming_where_it_looked()
    {
        var blueprint = StackInput.Of("dev").Blueprint();
        blueprint = blueprint with { Talos = blueprint.Talos with { TalosVersion = "v1.14.0" } };

        var finding = Assert.Single(TalosPatchCheck.Check(blueprint, UpstreamSchemas.Set));

        Assert.Equal("bootstrap:cluster.talosVersion", finding.Key);
        Assert.Contains(Path.Combine(UpstreamSchemas.Folder, "talos", "v1.14.0", "config.schema.json"), finding.Problem, StringComparison.Ordinal);
        Assert.Contains("v1.13.9", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_schema_file_is_an_error_about_that_file_not_a_crash()
    {
        using var folder = new TempFolder().Write("talos/v1.13.9/config.schema.json", "{ not json");

        var finding = Assert.Single(TalosPatchCheck.Check(StackInput.Of("dev").Blueprint(), new SchemaSet(folder.Path)));

        Assert.Equal(Path.Combine(folder.Path, "talos", "v1.13.9", "config.schema.json"), finding.Key);
    }

    private static ClusterBlueprint WithCommonPatch(ClusterBlueprint blueprint, string document) =>
        blueprint with { Talos = blueprint.Talos with { Common = new MachinePatch(
            "common", PatchScope.Common, [JsonNode.Parse(document)!.AsObject()]) } };
}
