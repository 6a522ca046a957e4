using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.Renovate;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Renovate;

/// <summary>lint fails on a pinned version that no manager in renovate.json extracts, naming the file, the line and the version.</summary>
public class RenovateCoverageTests
{
    [Fact]
    public void Every_pinned_version_of_the_repository_is_seen()
    {
        var coverage = RenovateCoverage.Check(Repo.Directory);

        Assert.Empty(coverage.Findings);
        Assert.Equal(coverage.Pins, coverage.Seen);
        // 12 core charts, 5 app charts (config.json), Talos and Kubernetes in 2 stack files, 4 app images.
        Assert.Equal(27, coverage.Pins.Count);
        Assert.Contains(coverage.Pins, p => p is { File: "stacks/dev/apps/redis-values.yaml", Line: 9, Version: "8.2-alpine" });
        Assert.Contains(coverage.Pins, p => p is { File: "Pulumi.ops.yaml", What: "kubernetesVersion", Version: "1.36.3" });
    }

    [Fact]
    public void Without_the_helm_values_manager_app_image_tags_are_errors_at_their_line()
    {
        using var repository = new RepoCopy();
        repository.Edit("renovate.json", "\"helm-values\": {\n    \"managerFilePatterns\": [\"/^stacks/.+\\\\.ya?ml$/\"]\n  },\n", "");

        var findings = RenovateCoverage.Check(repository).Findings;

        Assert.Equal(4, findings.Count(f => f.Severity == Severity.Error));
        Findings.SingleError(
            findings,
            "stacks/dev/apps/redis-values.yaml:9",
            "image docker.io/library/redis is pinned at 8.2-alpine",
            "no manager's managerFilePatterns matches");
    }

    [Fact]
    public void A_new_pin_of_another_engineer_is_flagged_when_no_manager_reads_it()
    {
        // A Gateway API CRD install from a release URL, and a Deployment image, in files only the argocd manager matches.
        using var repository = new RepoCopy();
        repository
            .Write("gitops/platform/gateway-api/kustomization.yaml", """
                resources:
                  - https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.6.1/standard-install.yaml
                """)
            .Write("gitops/platform/echo/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                        - name: echo
                          image: docker.io/ealen/echo-server:0.9.2
                """);

        var findings = RenovateCoverage.Check(repository).Findings;

        Findings.SingleError(findings, "gitops/platform/gateway-api/kustomization.yaml:2", "pinned at v1.6.1", "argocd reads the file but extract");
        Findings.SingleError(findings, "gitops/platform/echo/deployment.yaml:8", "image docker.io/ealen/echo-server is pinned at 0.9.2");
    }

    [Fact]
    public void A_regex_manager_covers_a_new_pin()
    {
        using var repository = new RepoCopy();
        repository
            .Write("gitops/platform/gateway-api/kustomization.yaml", """
                resources:
                  - https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.6.1/standard-install.yaml
                """)
            .Edit("renovate.json", "  \"customManagers\": [\n", """
                  "customManagers": [
                    {
                      "customType": "regex",
                      "managerFilePatterns": ["gitops/**/kustomization.yaml"],
                      "matchStrings": ["github\\.com/(?<depName>[^/]+/[^/]+)/releases/download/(?<currentValue>v[^/]+)/"],
                      "datasourceTemplate": "github-releases"
                    },

                """);

        var coverage = RenovateCoverage.Check(repository);

        Assert.DoesNotContain(coverage.Findings, f => f.Severity == Severity.Error);
        Assert.Equal(28, coverage.Seen.Count);
    }

    [Fact]
    public void An_unquoted_tag_that_yaml_reads_as_a_number_is_seen_as_another_version()
    {
        using var repository = new RepoCopy();
        repository.Edit("stacks/dev/apps/redis-values.yaml", "tag: 8.2-alpine", "tag: 8.10");

        var findings = RenovateCoverage.Check(repository).Findings;

        Findings.SingleError(findings, "stacks/dev/apps/redis-values.yaml:9", "pinned at 8.10", "helm-values reads it as \"8.1\"", "quote the value");
    }

    [Fact]
    public void Files_in_ignore_paths_are_not_seen()
    {
        using var repository = new RepoCopy();
        repository.Edit("renovate.json", "\"prConcurrentLimit\": 2,", "\"prConcurrentLimit\": 2,\n  \"ignorePaths\": [\"stacks/ops/\"],");

        var findings = RenovateCoverage.Check(repository).Findings;

        Findings.SingleError(findings, "stacks/ops/apps/nginx-values.yaml:19", "the file is in ignorePaths (stacks/ops/)");
    }

    [Fact]
    public void A_manager_switched_off_sees_nothing()
    {
        using var repository = new RepoCopy();
        repository.Edit(
            "renovate.json", "\"prConcurrentLimit\": 2,", "\"prConcurrentLimit\": 2,\n  \"enabledManagers\": [\"argocd\", \"helm-values\"],");

        var findings = RenovateCoverage.Check(repository).Findings;

        Assert.Equal(11, findings.Count(f => f.Problem.Contains("no Renovate manager sees it", StringComparison.Ordinal)));
    }
}
