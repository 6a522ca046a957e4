using System.Text.Json.Nodes;
using Bootstrap.Analyser.Renovate;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Renovate;

/// <summary>dev gets every bump first, in its own PR; ops follows in another after the soak, and never runs ahead of dev.</summary>
public class StageRuleTests
{
    private static readonly JsonObject Config = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "renovate.json")))!.AsObject();

    private static readonly IReadOnlyList<Stage> Stages = Stage.Read(Config, []);

    [Fact]
    public void Dev_and_ops_files_get_separate_branches_and_ops_waits_a_week_longer()
    {
        var dev = Assert.Single(Stages, s => s.Covers("gitops/clusters/dev/core/cilium.yaml"));
        var ops = Assert.Single(Stages, s => s.Covers("gitops/clusters/ops/core/cilium.yaml"));

        Assert.NotEqual(dev.BranchPrefix, ops.BranchPrefix);
        Assert.Equal(TimeSpan.FromDays(7), ops.MinimumReleaseAge - dev.MinimumReleaseAge);
        foreach (var file in new[] { "Pulumi.dev.yaml", "stacks/dev/apps/nginx-values.yaml", "gitops/apps/apps-dev/nginx/config.json" })
        {
            Assert.Same(dev, Stages.Single(s => s.Covers(file)));
        }

        foreach (var file in new[] { "Pulumi.ops.yaml", "stacks/ops/apps/nginx-values.yaml", "gitops/apps/apps-monitoring/x/config.json" })
        {
            Assert.Same(ops, Stages.Single(s => s.Covers(file)));
        }
    }

    [Fact]
    public void Talos_and_kubernetes_minor_upgrades_still_wait_for_dashboard_approval()
    {
        var rule = Config["packageRules"]!.AsArray().OfType<JsonObject>().Single(r => r["dependencyDashboardApproval"] is not null);

        Assert.True((bool)rule["dependencyDashboardApproval"]!);
        Assert.Equal(["siderolabs/talos", "kubernetes/kubernetes"], rule["matchDepNames"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["major", "minor"], rule["matchUpdateTypes"]!.AsArray().Select(n => (string)n!));
        Assert.Null(rule["matchFileNames"]);
    }

    [Theory]
    [InlineData("7 days", 7 * 24)]
    [InlineData("1 week 12 hours", 7 * 24 + 12)]
    [InlineData("2 months", 60 * 24)]
    public void Ages_read_like_renovate_durations(string text, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), Stage.Duration(text));

    [Fact]
    public void Ops_ahead_of_dev_is_an_error_naming_both_pins()
    {
        using var repository = new RepoCopy();
        repository.Edit("gitops/clusters/ops/core/cilium.yaml", "targetRevision: 1.20.0", "targetRevision: 1.20.1");

        var findings = RenovateCoverage.Check(repository).Findings;

        Findings.SingleError(
            findings, "gitops/clusters/ops/core/cilium.yaml:17", "ops pins chart cilium at 1.20.1, "
                + "ahead of dev (1.20.0 at gitops/clusters/dev/core/cilium.yaml:17)");
    }

    [Fact]
    public void Dev_ahead_of_ops_is_the_normal_state_between_the_two_prs()
    {
        using var repository = new RepoCopy();
        repository
            .Edit("gitops/clusters/dev/core/cilium.yaml", "targetRevision: 1.20.0", "targetRevision: 1.21.0")
            .Edit("Pulumi.dev.yaml", "talosVersion: v1.13.9", "talosVersion: v1.14.0");

        Assert.Empty(RenovateCoverage.Check(repository).Findings);
    }

    [Fact]
    public void An_environment_no_stage_covers_is_a_warning()
    {
        using var repository = new RepoCopy();
        repository.Write("gitops/clusters/lab/core/cilium.yaml", File.ReadAllText(Path.Combine(Repo.Root, "gitops/clusters/dev/core/cilium.yaml")));

        var findings = RenovateCoverage.Check(repository).Findings;

        Findings.SingleWarning(findings, "gitops/clusters/lab/core/cilium.yaml:17", "belongs to environment lab, but no rollout stage covers it");
        Findings.NoErrors(findings);
    }

    [Fact]
    public void A_pin_shared_by_every_environment_is_a_warning()
    {
        using var repository = new RepoCopy();
        repository.Write("gitops/platform/gateway-api.yaml", """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            spec:
              source: {repoURL: https://github.com/kubernetes-sigs/gateway-api, targetRevision: v1.6.1, path: config/crd/standard}
            """);

        var findings = RenovateCoverage.Check(repository).Findings;

        Findings.SingleWarning(findings, "gitops/platform/gateway-api.yaml:4", "shared by every environment");
        Findings.NoErrors(findings);
    }
}
