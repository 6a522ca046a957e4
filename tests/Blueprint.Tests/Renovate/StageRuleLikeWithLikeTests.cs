using Bootstrap.Analyser.Renovate;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Renovate;

/// <summary>
/// The staging rule compares a later stage's pin with the earlier stage's pin in the same place (core app, app, values key),
/// or with all of the earlier stage's pins of the dependency when none has reached the version; never with an unrelated app.
/// </summary>
public sealed class StageRuleLikeWithLikeTests : CliSession
{
    private const string Chart = "https://bjw-s-labs.github.io/helm-charts";

    private int NewApp(string env, string name, string version) =>
        Run(["new-app", env, name, "--chart", "app-template", "--repo", Chart, "--version", version]);

    [Fact]
    public void A_dev_app_on_an_older_chart_than_ops_uses_elsewhere_is_no_finding()
    {
        // ops's nginx pins app-template 5.2.1, and so does dev's nginx: dev has run 5.2.1.
        Assert.Equal(ExitCodes.Ok, NewApp("dev", "podinfo", "4.4.0"));

        var findings = RenovateCoverage.Check(Repository).Findings;

        Findings.NoErrors(findings);
        Assert.Contains(RenovateCoverage.Check(Repository).Seen, p => p.File == "gitops/apps/apps-dev/podinfo/config.json" && p.Version == "4.4.0");
    }

    [Fact]
    public void Ops_ahead_of_the_same_app_in_dev_is_an_error_even_when_another_dev_app_runs_the_version()
    {
        Assert.Equal(ExitCodes.Ok, NewApp("dev", "podinfo", "5.3.0"));
        Repository.Edit("gitops/apps/apps-ops/nginx/config.json", "\"version\": \"5.2.1\"", "\"version\": \"5.3.0\"");

        var findings = RenovateCoverage.Check(Repository).Findings;

        Findings.SingleError(findings, "gitops/apps/apps-ops/nginx/config.json:5",
            "ops pins chart app-template at 5.3.0, ahead of dev (5.2.1 at gitops/apps/apps-dev/nginx/config.json:5)");
    }

    [Fact]
    public void A_version_no_dev_pin_has_reached_is_an_error_in_a_new_ops_app()
    {
        Assert.Equal(ExitCodes.Ok, NewApp("ops", "podinfo", "5.3.0"));

        var findings = RenovateCoverage.Check(Repository).Findings;

        // No dev app is in the same place: the newest of dev's app-template pins is named.
        Findings.SingleError(findings, "gitops/apps/apps-ops/podinfo/config.json:5",
            "ops pins chart app-template at 5.3.0, ahead of dev (5.2.1 at gitops/apps/apps-dev/");
    }

    [Fact]
    public void Images_are_compared_key_by_key_in_the_values()
    {
        using var repository = new RepoCopy().Write(
            ("stacks/dev/apps/web-values.yaml", Values(main: "1.29-alpine", sidecar: "1.30-alpine")),
            ("stacks/ops/apps/web-values.yaml", Values(main: "1.29-alpine", sidecar: "1.30-alpine")));
        Findings.NoErrors(RenovateCoverage.Check(repository).Findings);

        // ops's main container moves to a version dev runs in its sidecar, but not in its main container.
        repository.Write("stacks/ops/apps/web-values.yaml", Values(main: "1.30-alpine", sidecar: "1.30-alpine"));

        Findings.SingleError(RenovateCoverage.Check(repository).Findings, "stacks/ops/apps/web-values.yaml:7",
            "ops pins image docker.io/nginxinc/nginx-unprivileged at 1.30-alpine, ahead of dev (1.29-alpine at stacks/dev/apps/web-values.yaml:7)");
    }

    [Fact]
    public void Swapped_versions_under_two_keys_are_no_finding_when_each_key_matches()
    {
        using var repository = new RepoCopy().Write(
            ("stacks/dev/apps/web-values.yaml", Values(main: "1.30-alpine", sidecar: "1.29-alpine")),
            ("stacks/ops/apps/web-values.yaml", Values(main: "1.30-alpine", sidecar: "1.29-alpine")));

        // ops's main container (1.30) is not ahead of dev's sidecar (1.29): dev's main container runs 1.30.
        Findings.NoErrors(RenovateCoverage.Check(repository).Findings);
    }

    private static string Values(string main, string sidecar) => $"""
        controllers:
          web:
            containers:
              main:
                image:
                  repository: docker.io/nginxinc/nginx-unprivileged
                  tag: {main}
              sidecar:
                image:
                  repository: docker.io/nginxinc/nginx-unprivileged
                  tag: {sidecar}

        """;
}
