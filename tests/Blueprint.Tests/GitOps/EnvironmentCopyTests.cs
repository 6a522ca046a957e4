using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.GitOps;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.GitOps;

public class EnvironmentCopyTests : CliSession
{
    private static List<Diagnostic> Copies(IRepository repository, string? involving = null) =>
        EnvironmentCopyRule.Findings(Stacks, repository, involving).ToList();

    private static readonly EnvironmentNames Dev = new("dev", "dev.lab.internal", "192.168.40.70");
    private static readonly EnvironmentNames Lab = new("lab", "lab.lab.internal", "192.168.60.70");

    private static IReadOnlyList<StackConfig> Stacks => [StackInput.Of("dev").Config(), StackInput.Of("ops").Config()];

    [Fact]
    public void Dev_and_ops_are_copies_of_each_other()
    {
        Assert.Empty(Copies(Repo.Directory));
    }

    [Fact]
    public void The_comparison_covers_every_cluster_and_platform_file_both_have()
    {
        var dev = EnvironmentCopy.Files(Repo.Directory, "dev", "gitops/clusters/dev").Select(f => f.Key).ToList();
        var ops = EnvironmentCopy.Files(Repo.Directory, "ops", "gitops/clusters/ops").Select(f => f.Key).ToList();

        Assert.Equal(17, dev.Intersect(ops).Count());
        Assert.Contains("cluster/core/cilium.yaml", dev);
        Assert.Contains("platform/gateway/gateway.yaml", dev);
        Assert.Equal(["cluster/monitoring.yaml"], ops.Except(dev));
    }

    [Fact]
    public void A_change_made_in_one_copy_only_is_an_error_at_its_line()
    {
        var repository = Repository
            .Edit("gitops/clusters/ops/core/cilium.yaml", "      - RespectIgnoreDifferences=true\n", "");

        var finding = Findings.SingleError(Copies(repository), "gitops/clusters/ops/core/cilium.yaml:37",
            "differs from gitops/clusters/dev/core/cilium.yaml by more than the environment",
            "this line reads \"(end of file)\" where the copy of gitops/clusters/dev/core/cilium.yaml reads \"- RespectIgnoreDifferences=true\"");
        Assert.Contains("make the same change in every environment's copy", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_changed_in_one_platform_copy_is_an_error_too()
    {
        var repository = Repository
            .Edit("gitops/platform/gateway/dev/https-redirect.yaml", "nothing is served in clear", "nothing in clear");

        Findings.SingleError(
            Copies(repository), "gitops/platform/gateway/ops/https-redirect.yaml:1", "differs from gitops/platform/gateway/dev/https-redirect.yaml");
    }

    [Fact]
    public void Staged_versions_and_the_environments_a_cluster_runs_may_differ()
    {
        var repository = Repository
            .Edit("gitops/clusters/dev/core/cilium.yaml", "targetRevision: 1.20.0", "targetRevision: 1.20.1")
            .Edit("gitops/platform/gateway-api/dev/kustomization.yaml", "download/v1.6.1/", "download/v1.7.0/")
            .Edit("gitops/clusters/dev/appsets.yaml", "{apps-dev.yaml}", "{apps-dev.yaml,apps-monitoring.yaml}");

        Assert.Empty(Copies(repository));
    }

    [Fact]
    public void A_core_app_only_one_environment_runs_is_its_own()
    {
        var text = Repo.Directory.ReadFile("gitops/clusters/dev/core/reloader.yaml")!;
        var repository = Repository.Write(
            "gitops/clusters/dev/core/extra.yaml", text.Replace("name: reloader", "name: extra", StringComparison.Ordinal));

        Assert.Empty(Copies(repository));
    }

    [Fact]
    public void Rewrite_replaces_the_name_as_a_word_the_domain_and_the_address_in_one_pass()
    {
        const string text = "path: gitops/clusters/dev\n# cluster dev, pool dev-gateway, Pulumi.dev.yaml, devops, dev_x, development\n"
            + "hostname: \"*.dev.lab.internal\"\nvalue: 192.168.40.70\nother: 192.168.40.701\n";

        Assert.Equal(
            "path: gitops/clusters/lab\n# cluster lab, pool lab-gateway, Pulumi.lab.yaml, devops, dev_x, development\n"
            + "hostname: \"*.lab.lab.internal\"\nvalue: 192.168.60.70\nother: 192.168.40.701\n",
            EnvironmentCopy.Rewrite(text, Dev, Lab));
        // A domain that contains the other name is replaced whole, never word by word.
        Assert.Equal("argocd.dev.lab.internal", EnvironmentCopy.Rewrite("argocd.lab.lab.internal", Lab, Dev));
    }

    [Fact]
    public void Git_coordinates_are_never_rewritten()
    {
        var main = new EnvironmentNames("main", null, null);

        Assert.Equal(
            "    targetRevision: main\n  revision: main\n    - repoURL: https://example.com/main.git\n    path: gitops/clusters/lab\n",
            EnvironmentCopy.Rewrite("    targetRevision: main\n  revision: main\n    - repoURL: https://example.com/main.git\n"
                + "    path: gitops/clusters/main\n",
                main, Lab));
    }

    [Fact]
    public void Masking_sets_aside_pinned_versions_and_include_lists_only()
    {
        var masked = EnvironmentCopy.Masked("gitops/clusters/dev/core/cilium.yaml", Repo.Directory.ReadFile("gitops/clusters/dev/core/cilium.yaml")!);

        Assert.Contains("      targetRevision: <version>\n", masked, StringComparison.Ordinal);
        Assert.Contains("      targetRevision: main\n", masked, StringComparison.Ordinal);
        Assert.Equal("      include: <include>", EnvironmentCopy.Masked("x.yaml", "      include: \"{apps-dev.yaml}\""));
    }

    [Fact]
    public void Lint_reports_a_drifted_copy()
    {
        Repository.Edit("gitops/clusters/ops/root.yaml", "      - PruneLast=true\n", "      - PruneLast=true\n      - ApplyOutOfSyncOnly=true\n");

        Assert.Equal(Bootstrap.Cli.ExitCodes.Invalid, Run("lint"));

        Assert.Contains(
            "error BP050: gitops/clusters/ops/root.yaml:26: differs from gitops/clusters/dev/root.yaml by more than the environment",
            Err.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_pairs_with_the_named_environment_are_compared_when_asked()
    {
        var repository = Repository
            .Edit("gitops/clusters/ops/core/cilium.yaml", "      - RespectIgnoreDifferences=true\n", "");

        Assert.Single(Copies(repository, "ops"));
        Assert.Empty(Copies(repository, "lab"));
    }

    [Fact]
    public void A_proposed_repository_shows_planned_files_beside_the_real_ones()
    {
        var proposed = new ProposedRepository(
            Repo.Directory, new Dictionary<string, string> { ["gitops/clusters/lab/root.yaml"] = "x", ["Pulumi.lab.yaml"] = "y" });

        Assert.True(proposed.DirectoryExists("gitops/clusters/lab"));
        Assert.Equal(["Pulumi.dev.yaml", "Pulumi.lab.yaml", "Pulumi.ops.yaml"], proposed.ListFiles("", "Pulumi.*.yaml"));
        Assert.Contains("gitops/clusters/lab/root.yaml", proposed.ListFilesBelow("gitops/clusters", "*.yaml"));
        Assert.DoesNotContain("gitops/clusters/lab/root.yaml", proposed.ListFiles("gitops/clusters", "*.yaml"));
        Assert.Equal("x", proposed.ReadFile("gitops/clusters/lab/root.yaml"));
    }
}
