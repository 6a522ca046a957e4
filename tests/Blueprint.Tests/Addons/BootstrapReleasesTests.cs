using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Addons;

public class BootstrapReleasesTests
{
    private const string Cilium = "gitops/clusters/dev/core/cilium.yaml";
    private readonly StackInput _input = StackInput.Of("dev");

    [Fact]
    public void Releases_come_from_the_core_app_manifests_in_git()
    {
        var releases = _input.Blueprint().Addons.Releases;

        Assert.Equal(["cilium", "cert-manager", "sealed-secrets", "argocd"], releases.Select(r => r.App));
        var argocd = releases.Single(r => r.App == "argocd");
        Assert.Equal(
            ("argo-cd", "10.1.1", "https://argoproj.github.io/argo-helm", "argocd"),
            (argocd.Chart, argocd.Version, argocd.RepoUrl, argocd.Namespace));
        Assert.Equal("v1.21.1", releases.Single(r => r.App == "cert-manager").Version);
        Assert.All(releases, r => Assert.True(r.HandOff));
    }

    [Fact]
    public void A_version_bump_in_git_is_what_a_rebuild_installs()
    {
        using var repository = new RepoCopy();
        repository.Edit(Cilium, "targetRevision: 1.20.0", "targetRevision: 1.20.1");

        Assert.Equal("1.20.1", _input.Blueprint(repository).Addons.Releases.Single(r => r.App == "cilium").Version);
    }

    [Fact]
    public void Stack_values_merge_over_common_values()
    {
        var ops = StackInput.Of("ops").Blueprint().Addons.Releases.Single(r => r.App == "argocd").Values;

        Assert.Equal("argocd.ops.lab.internal", (string?)HelmValues.At(ops, "global", "domain"));
        Assert.Equal("2", HelmValues.At(ops, "server", "replicas")!.ToJsonString());
        Assert.Equal(false, (bool?)HelmValues.At(ops, "server", "ingress", "enabled"));
        Assert.Equal(false, (bool?)HelmValues.At(ops, "configs", "secret", "createSecret"));
    }

    [Fact]
    public void Merging_follows_helm_maps_merge_lists_and_scalars_replace_null_survives()
    {
        var common = new JsonObject { ["a"] = new JsonObject { ["x"] = 1, ["y"] = 2 }, ["list"] = new JsonArray(1, 2), ["gone"] = "v" };
        var stack = new JsonObject { ["a"] = new JsonObject { ["y"] = 3 }, ["list"] = new JsonArray(9), ["gone"] = null };

        var merged = HelmValues.Merge([common, stack]);

        Assert.Equal("""{"a":{"x":1,"y":3},"list":[9],"gone":null}""", merged.ToJsonString());
        Assert.Equal("""{"a":{"y":3},"list":[9],"gone":null}""", stack.ToJsonString());
    }

    [Fact]
    public void A_missing_core_app_manifest_is_named()
    {
        using var repository = new RepoCopy();
        repository.Delete(Cilium);

        Findings.SingleError(_input.Findings(repository), Cilium, "does not exist");
    }

    [Fact]
    public void Values_repo_and_revision_must_match_the_stack()
    {
        using var repository = new RepoCopy();
        repository.Edit(
            Cilium,
            "- repoURL: https://github.com/example/k8s-talos.git\n      targetRevision: main",
            "- repoURL: https://github.com/other/fork.git\n      targetRevision: feature");

        var findings = _input.Findings(repository);

        Findings.SingleError(
            findings, $"{Cilium}: spec.sources[values].repoURL", "but bootstrap:gitops.repoUrl is https://github.com/example/k8s-talos.git");
        Findings.SingleError(findings, $"{Cilium}: spec.sources[values].targetRevision", "but bootstrap:gitops.revision is main");
    }

    [Fact]
    public void Value_files_must_be_common_then_this_stack()
    {
        using var repository = new RepoCopy();
        repository.Edit(Cilium, "$values/stacks/dev/values/cilium.yaml", "$values/stacks/ops/values/cilium.yaml");

        Findings.SingleError(
            _input.Findings(repository),
            $"{Cilium}: spec.sources[chart].helm.valueFiles",
            "list exactly [$values/stacks/common/values/cilium.yaml, $values/stacks/dev/values/cilium.yaml]");
    }

    [Fact]
    public void Inline_helm_values_are_refused_because_pulumi_would_install_something_else()
    {
        using var repository = new RepoCopy();
        repository.Edit(
            Cilium,
            "        releaseName: cilium\n",
            "        releaseName: cilium\n        valuesObject:\n          debug:\n            enabled: true\n");

        Findings.SingleError(
            _input.Findings(repository), $"{Cilium}: spec.sources[chart].helm.valuesObject", "Pulumi would install different values");
    }

    [Fact]
    public void A_missing_values_file_is_named()
    {
        using var repository = new RepoCopy();
        repository.Delete("stacks/dev/values/cilium.yaml");

        Findings.SingleError(_input.Findings(repository), "stacks/dev/values/cilium.yaml", "does not exist");
    }

    [Fact]
    public void A_broken_manifest_names_the_missing_field()
    {
        using var repository = new RepoCopy();
        repository.Edit(Cilium, "      targetRevision: 1.20.0\n", "");

        Findings.SingleError(_input.Findings(repository), $"{Cilium}: spec.sources[chart].targetRevision", "is missing");
    }

    [Theory]
    [InlineData("k8sServicePort: 7445", "k8sServicePort: 6443", "k8sServicePort", "KubePrism")]
    [InlineData("  mode: kubernetes", "  mode: cluster-pool", "ipam.mode", "Kubernetes")]
    [InlineData("kubeProxyReplacement: true", "kubeProxyReplacement: false", "kubeProxyReplacement", "kube-proxy")]
    [InlineData("    enabled: false\n  hostRoot", "    enabled: true\n  hostRoot", "cgroup.autoMount.enabled", "cgroup2")]
    [InlineData("  enabled: true\ndevices", "  enabled: false\ndevices", "l2announcements.enabled", "L2")]
    [InlineData("gatewayAPI:\n  enabled: true", "gatewayAPI:\n  enabled: false", "gatewayAPI.enabled", "shared Gateway")]
    public void Cilium_values_must_be_talos_correct(string find, string replace, string key, string why)
    {
        using var repository = new RepoCopy();
        repository.Edit("stacks/common/values/cilium.yaml", find, replace);

        Findings.SingleError(_input.Findings(repository), $"stacks/common/values/cilium.yaml + stacks/dev/values/cilium.yaml: {key}", why);
    }

    [Theory]
    [InlineData("    server.insecure: true", "    server.insecure: false", "configs.params.server.insecure", "TLS ends at the shared Gateway")]
    [InlineData("  ingress:\n    enabled: false", "  ingress:\n    enabled: true", "server.ingress.enabled", "serve it in clear")]
    public void Argo_cd_is_served_through_the_gateway_only(string find, string replace, string key, string why)
    {
        using var repository = new RepoCopy();
        repository.Edit("stacks/common/values/argocd.yaml", find, replace);

        Findings.SingleError(_input.Findings(repository), $"stacks/common/values/argocd.yaml + stacks/dev/values/argocd.yaml: {key}", why);
    }

    [Fact]
    public void A_stack_file_cannot_undo_a_required_value()
    {
        using var repository = new RepoCopy();
        repository.Write("stacks/dev/values/sealed-secrets.yaml", "fullnameOverride: sealed-secrets\n");

        Findings.SingleError(
            _input.Findings(repository),
            "stacks/common/values/sealed-secrets.yaml + stacks/dev/values/sealed-secrets.yaml: fullnameOverride",
            "kubeseal");
    }

    [Fact]
    public void Capabilities_may_be_listed_in_any_order()
    {
        using var repository = new RepoCopy();
        repository.Edit(
            "stacks/common/values/cilium.yaml",
            "cleanCiliumState: [NET_ADMIN, SYS_ADMIN, SYS_RESOURCE]",
            "cleanCiliumState: [SYS_RESOURCE, NET_ADMIN, SYS_ADMIN]");

        Findings.NoErrors(_input.Findings(repository));
    }

    [Fact]
    public void Cert_manager_installs_its_crds_and_argocd_leaves_its_secret_to_pulumi()
    {
        var releases = _input.Blueprint().Addons.Releases;

        Assert.Equal(true, (bool?)HelmValues.At(releases.Single(r => r.App == "cert-manager").Values, "crds", "enabled"));
        Assert.Equal(false, (bool?)HelmValues.At(releases.Single(r => r.App == "argocd").Values, "configs", "secret", "createSecret"));
    }
}
