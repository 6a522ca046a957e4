using Bootstrap.Blueprint.ChartRender;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.SyncCheck;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Lint.Sync;

/// <summary>
/// Each refusal Argo CD v3.4.4 makes before it applies anything (util/argo/argo.go ValidatePermissions, controller/sync.go
/// validateSyncPermissions), once where Argo CD refuses and once where it syncs, over the repository's own Applications with
/// helm's output given per chart.
/// </summary>
public sealed class SyncPermissionCheckTests : IDisposable
{
    private const string CiliumSecretsRole =
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: cilium-gateway-secrets, namespace: cilium-secrets}\n";

    private const string OldCoreProjectDestination = "    - server: https://kubernetes.default.svc\n      namespace: cilium-secrets\n";

    private readonly RepoCopy _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void The_Cilium_chart_rendering_into_cilium_secrets_is_refused_by_the_old_core_project_and_synced_by_the_fixed_one()
    {
        var fixedRepo = Check("cilium", CiliumSecretsRole);
        _repo.Edit("gitops/projects/core.yaml", OldCoreProjectDestination, "");
        var old = Check("cilium", CiliumSecretsRole);

        Assert.Empty(Errors(fixedRepo));
        var refusal = Assert.Single(Errors(old));
        Assert.Equal("gitops/clusters/dev/core/cilium.yaml: Role cilium-secrets/cilium-gateway-secrets (test)", refusal.Key);
        Assert.Contains("namespace cilium-secrets is not permitted in project 'core'", refusal.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_scoped_kind_outside_the_whitelist_is_refused_and_the_apps_namespace_is_not()
    {
        var refused = Check("dev-redis", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: redis}\n");
        var synced = Check("dev-redis", "apiVersion: v1\nkind: Namespace\nmetadata: {name: dev-redis}\n");

        Assert.Contains("resource rbac.authorization.k8s.io:ClusterRole is not permitted in project dev", Assert.Single(Errors(refused)).Problem,
            StringComparison.Ordinal);
        Assert.Empty(Errors(synced));
    }

    [Fact]
    public void A_blacklisted_namespaced_kind_is_refused_and_others_are_not()
    {
        var refused = Check("dev-redis", "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: redis}\n");
        var synced = Check("dev-redis", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: redis}\n");

        Assert.Contains("resource :ResourceQuota is not permitted in project dev", Assert.Single(Errors(refused)).Problem, StringComparison.Ordinal);
        Assert.Empty(Errors(synced));
    }

    [Fact]
    public void A_namespaced_object_in_another_apps_namespace_is_refused()
    {
        var refused = Check("dev-redis", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: redis, namespace: kube-system}\n");

        Assert.Contains("namespace kube-system is not permitted in project 'dev'", Assert.Single(Errors(refused)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_outside_sourceRepos_is_refused_and_one_differing_only_in_case_and_dot_git_is_not()
    {
        const string config = "gitops/apps/apps-dev/redis/config.json";
        const string repo = "\"repo\": \"https://bjw-s-labs.github.io/helm-charts\"";
        _repo.Edit(config, repo, "\"repo\": \"https://Bjw-S-Labs.github.io/helm-charts.git\"");
        var synced = Check("dev-redis", "");
        _repo.Edit(config, "\"repo\": \"https://Bjw-S-Labs.github.io/helm-charts.git\"", "\"repo\": \"https://charts.example.com\"");
        var refused = Check("dev-redis", "");

        Assert.Empty(Errors(synced));
        Assert.Contains("application repo https://charts.example.com is not permitted in project 'dev'", Assert.Single(Errors(refused)).Problem,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_destination_namespace_outside_the_project_is_refused()
    {
        _repo.Edit("gitops/apps/apps-dev/redis/config.json", "\"namespace\": \"dev-redis\"", "\"namespace\": \"ops-redis\"");

        var errors = Errors(Check("dev-redis", ""));

        Assert.Contains(errors, e => e.Key.EndsWith("spec.destination", StringComparison.Ordinal)
            && e.Problem.Contains("namespace 'ops-redis' do not match any of the allowed destinations in project 'dev'", StringComparison.Ordinal));
        // CreateNamespace=true: the namespace itself is one more object Argo CD checks, and a Namespace is whitelisted in dev.
        Assert.DoesNotContain(errors, e => e.Key.Contains("Namespace ops-redis", StringComparison.Ordinal));
    }

    [Fact]
    public void An_Application_of_a_project_no_AppProject_defines_is_refused()
    {
        _repo.Edit("gitops/clusters/dev/gateway.yaml", "project: core", "project: platform");

        Assert.Contains(Errors(Check("gateway", "")), e => e.Key == "gitops/clusters/dev/gateway.yaml: spec.project"
            && e.Problem.Contains("names project platform, which no AppProject", StringComparison.Ordinal));
    }

    [Fact]
    public void A_custom_resource_waiting_for_a_siblings_CRD_needs_SkipDryRunOnMissingResource_or_unlimited_retries()
    {
        const string file = "gitops/clusters/dev/platform-pki.yaml";
        var fixedRepo = Check("trust-manager", BundleCrd);
        _repo.Edit(file, "    syncOptions:\n      - SkipDryRunOnMissingResource=true\n", "");
        var retriesOnly = Check("trust-manager", BundleCrd);
        _repo.Edit(file, "limit: -1", "limit: 5");
        var neither = Check("trust-manager", BundleCrd);

        Assert.Empty(Errors(fixedRepo));
        Assert.Empty(Errors(retriesOnly));
        var finding = Assert.Single(Errors(neither));
        Assert.Equal($"{file}: Bundle platform-ca-bundle", finding.Key);
        Assert.Contains("needs the CRD of Bundle.trust.cert-manager.io, which Application trust-manager installs", finding.Problem,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_CRD_Pulumi_installs_before_the_first_sync_needs_no_waiting()
    {
        // cert-manager is a Pulumi release: its CRDs exist before Argo CD's first sync, so platform-pki's Certificates do not wait.
        _repo.Edit("gitops/clusters/dev/platform-pki.yaml", "    syncOptions:\n      - SkipDryRunOnMissingResource=true\n", "");
        _repo.Edit("gitops/clusters/dev/platform-pki.yaml", "limit: -1", "limit: 5");

        var findings = Check("cert-manager", CertificateCrd);

        Assert.DoesNotContain(findings, f => f.Problem.Contains("Certificate.cert-manager.io", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chart_that_cannot_be_had_is_named_as_unchecked()
    {
        var findings = Check("dev-redis", null);

        var warning = Assert.Single(findings, f => f.Severity == Severity.Warning);
        Assert.Equal("gitops/apps/apps-dev/redis/config.json (dev-redis): app-template 5.2.1", warning.Key);
        Assert.Contains("not rendered (chart app-template 5.2.1 is unreachable), so what it renders is not checked against project dev",
            warning.Problem, StringComparison.Ordinal);
    }

    private const string BundleCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: bundles.trust.cert-manager.io}
        spec: {group: trust.cert-manager.io, scope: Cluster, names: {kind: Bundle, plural: bundles}}
        """;

    private const string CertificateCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: certificates.cert-manager.io}
        spec: {group: cert-manager.io, scope: Namespaced, names: {kind: Certificate, plural: certificates}}
        """;

    private static List<Diagnostic> Errors(IReadOnlyList<Diagnostic> findings) => findings.Where(f => f.Severity == Severity.Error).ToList();

    /// <summary>The dev environment's check, with <paramref name="manifest"/> as helm's output for <paramref name="app"/>'s chart
    /// (null: the chart is unreachable) and empty output for every other chart.</summary>
    private IReadOnlyList<Diagnostic> Check(string app, string? manifest)
    {
        var (plan, _) = SyncRenderPlan.For(StackInput.Of("dev").Blueprint(), _repo, [], _ => null);
        var outputs = plan.Apps.ToDictionary(
            a => a,
            a => (IReadOnlyList<RenderOutput>)a.Charts.Select(t => a.Name != app
                ? new RenderOutput(t, "", null)
                : manifest is null
                    ? new RenderOutput(t, null, $"chart {t.Chart} {t.Version} is unreachable")
                    : new RenderOutput(t, $"---\n# Source: test\n{manifest}", null)).ToList());
        return SyncPermissionCheck.Check(plan, outputs, new RenderedManifest()).Findings;
    }
}
