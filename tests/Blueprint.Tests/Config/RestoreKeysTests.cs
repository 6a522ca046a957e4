using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Config;

/// <summary>bootstrap:talosSecrets and bootstrap:etcdSnapshot: the two keys of a rebuild that keeps the old cluster's etcd.</summary>
public class RestoreKeysTests
{
    private static JsonObject Secure => new() { ["secure"] = "v1:AAAAAAAAAAAAAAAA" };

    [Fact]
    public void Restored_secrets_replace_the_generated_ones_in_the_plan()
    {
        var blueprint = StackInput.Of("dev").Set("bootstrap:talosSecrets", Secure).Blueprint();

        var secrets = blueprint.Plan.Resource(Stages.TalosSecrets);
        Assert.Equal(ResourceKind.RestoredTalosSecrets, secrets.Kind);
        Assert.Equal(ResourceKind.TalosSecrets, StackInput.Of("dev").Blueprint().Plan.Resource(Stages.TalosSecrets).Kind);
        Assert.DoesNotContain("--recover-from", blueprint.Scripts[Stages.EtcdBootstrap].Script, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_to_restore_is_passed_to_the_bootstrap_and_warned_about_until_removed()
    {
        var input = StackInput.Of("dev").Set("bootstrap:talosSecrets", Secure).Set("bootstrap:etcdSnapshot", "vault/2026-12-01/etcd.snapshot");

        var blueprint = input.Blueprint();

        Assert.Contains("bootstrap --recover-from \"$snapshot\"", blueprint.Scripts[Stages.EtcdBootstrap].Script, StringComparison.Ordinal);
        Assert.Contains("snapshot=vault/2026-12-01/etcd.snapshot", blueprint.Scripts[Stages.EtcdBootstrap].Script, StringComparison.Ordinal);
        Findings.SingleWarning(blueprint.Warnings, "bootstrap:etcdSnapshot", "pulumi config rm bootstrap:etcdSnapshot");
        Assert.Contains(
            "from bootstrap:etcdSnapshot", blueprint.Plan.Stages.Single(s => s.Id == Stages.EtcdBootstrap).Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_without_the_secrets_it_was_written_with_is_refused()
    {
        var input = StackInput.Of("dev").Set("bootstrap:etcdSnapshot", "vault/etcd.snapshot");

        Findings.SingleError(input.Bind().Diagnostics, "bootstrap:etcdSnapshot", "bootstrap:talosSecrets is not",
            "pulumi config set --secret bootstrap:talosSecrets < talos-secrets.yaml");
    }

    [Theory]
    [InlineData("""{"secure":"v1:AAAA"}""", "is not a file path")]
    [InlineData("\"\"", "is not a file path")]
    [InlineData("[1]", "is not a file path")]
    public void A_snapshot_key_that_is_no_plain_path_is_refused(string json, string problem)
    {
        var input = StackInput.Of("dev").Set("bootstrap:talosSecrets", Secure).Set("bootstrap:etcdSnapshot", JsonNode.Parse(json));

        Findings.SingleError(input.Bind().Diagnostics, "bootstrap:etcdSnapshot", problem, "pulumi config set bootstrap:etcdSnapshot");
    }

    [Fact]
    public void Talos_secrets_in_plain_text_are_refused_like_every_secret()
    {
        var input = StackInput.Of("dev").Set("bootstrap:talosSecrets", "cluster: {id: x}");

        Assert.Contains(input.Bind().Diagnostics, d => d.Severity == Severity.Error && d.Key == "bootstrap:talosSecrets");
    }

    [Fact]
    public void Unreadable_talos_secrets_stop_pulumi_before_anything_is_created_without_echoing_them()
    {
        var input = StackInput.Of("dev").Set("bootstrap:talosSecrets", Secure);
        var broken = TalosSecretsFixture.Yaml().Replace("bootstraptoken:", "bootstraptokn:", StringComparison.Ordinal);

        var error = Assert.Throws<BlueprintException>(() => Planner.LoadForPulumi(
            "dev", input.AsPulumiConfig(("bootstrap:talosSecrets", broken)), """["bootstrap:talosSecrets"]""", Repo.Directory));

        Findings.SingleError(error.Diagnostics, "bootstrap:talosSecrets.secrets.bootstraptoken", "is missing");
        Assert.DoesNotContain(TalosSecretsFixture.Bundle().ClusterSecret, error.Message, StringComparison.Ordinal);
    }
}
