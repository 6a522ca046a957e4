using System.Text.Json.Nodes;
using Bootstrap.Analyser.Renovate;

namespace Bootstrap.Blueprint.Tests.Renovate;

/// <summary>The modelled managers extract what Renovate 44.121.2's argocd, helm-values and regex managers extract.</summary>
public class ExtractorTests
{
    [Fact]
    public void Argocd_reads_chart_git_and_oci_sources_of_applications()
    {
        const string yaml = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            spec:
              sources:
                - repoURL: https://helm.cilium.io
                  chart: cilium
                  targetRevision: 1.20.0
                - repoURL: oci://ghcr.io/org/charts/
                  chart: podinfo
                  targetRevision: "6.9.0"
                - repoURL: https://github.com/kubernetes-sigs/gateway-api
                  targetRevision: v1.6.1
                  kustomize:
                    images: ["nginx=docker.io/library/nginx:1.29"]
            """;

        var deps = ArgoCdExtractor.Extract("a.yaml", yaml).Select(d => (d.DepName, d.CurrentValue, d.Datasource, d.Line)).ToList();

        Assert.Equal(
            [
                ("cilium", "1.20.0", "helm", 7), ("ghcr.io/org/charts/podinfo", "6.9.0", "docker", 10),
                ("https://github.com/kubernetes-sigs/gateway-api", "v1.6.1", "git-tags", 12), ("docker.io/library/nginx", "1.29", "docker", 14),
            ],
            deps);
    }

    [Fact]
    public void Argocd_strips_templates_so_an_applicationset_template_yields_an_empty_dependency()
    {
        var text = File.ReadAllText(Path.Combine(Support.Repo.Root, "gitops/appsets/apps-dev.yaml"));

        var deps = ArgoCdExtractor.Extract("gitops/appsets/apps-dev.yaml", text).Select(d => (d.DepName, d.CurrentValue)).ToList();

        // The chart source is templated (no dependency); the values and access.yaml sources are this repository at main.
        Assert.Equal([("", ""), ("https://github.com/example/k8s-talos.git", "main"), ("https://github.com/example/k8s-talos.git", "main")], deps);
    }

    [Fact]
    public void Argocd_drops_a_document_whose_target_revision_yaml_reads_as_a_number()
    {
        const string yaml = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            spec:
              source: {repoURL: https://charts.example.org, chart: demo, targetRevision: 1.20}
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            spec:
              source: {repoURL: https://charts.example.org, chart: other, targetRevision: "1.20"}
            """;

        Assert.Equal(["other"], ArgoCdExtractor.Extract("a.yaml", yaml).Select(d => d.DepName));
    }

    [Fact]
    public void Argocd_skips_files_without_an_argoproj_api_version()
    {
        const string yaml = "apiVersion: v1\nkind: Application\nspec:\n  source: {repoURL: https://x.org, chart: c, targetRevision: 1.0.0}\n";

        Assert.Empty(ArgoCdExtractor.Extract("a.yaml", yaml));
    }

    [Fact]
    public void Helm_values_reads_image_objects_inline_images_and_sibling_tags()
    {
        const string yaml = """
            app:
              image:
                registry: ghcr.io
                repository: org/app
                tag: v2.1.0
            sidecarImage:
              repository: docker.io/library/busybox
              version: "1.37"
            cli:
              image: quay.io/org/cli
              tag: 3.4.5
            job:
              image: docker.io/bitnami/kubectl:1.34.1
            notAnImageKey:
              repository: x
              tag: 1.0.0
            """;

        var deps = HelmValuesExtractor.Extract("v.yaml", yaml).Select(d => (d.DepName, d.CurrentValue, d.Line)).ToList();

        Assert.Equal(
            [
                ("ghcr.io/org/app", "v2.1.0", 5), ("docker.io/library/busybox", "1.37", 8),
                ("quay.io/org/cli", "3.4.5", 11), ("docker.io/bitnami/kubectl", "1.34.1", 13),
            ],
            deps);
    }

    [Fact]
    public void Helm_values_prints_an_unquoted_yaml_number_as_javascript_does()
    {
        var dep = Assert.Single(HelmValuesExtractor.Extract("v.yaml", "image:\n  repository: redis\n  tag: 7.10\n"));

        Assert.Equal("7.1", dep.CurrentValue);
    }

    [Fact]
    public void Regex_takes_groups_and_templates_and_drops_incomplete_matches()
    {
        var config = JsonNode.Parse("""{"datasourceTemplate": "github-releases", "depNameTemplate": "siderolabs/{{{name}}}"}""")!.AsObject();
        var regex = new RegexExtractor("talos", [@"(?<name>talos)Version:\s*(?<currentValue>v[\d.]+)?"], config);

        var deps = regex.Extract("Pulumi.dev.yaml", "a: 1\ntalosVersion: v1.13.9\ntalosVersion: \n").ToList();

        var dep = Assert.Single(deps);
        Assert.Equal(("siderolabs/talos", "v1.13.9", "github-releases", 2), (dep.DepName, dep.CurrentValue, dep.Datasource, dep.Line));
    }

    [Fact]
    public void Regex_strategies_other_than_any_are_reported_as_unmodelled()
    {
        var config = JsonNode.Parse("""{"matchStringsStrategy": "combination"}""")!.AsObject();

        Assert.Equal("matchStringsStrategy \"combination\"", new RegexExtractor("x", [], config).Unmodelled);
    }
}
