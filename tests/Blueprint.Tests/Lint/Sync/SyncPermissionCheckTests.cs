using Bootstrap.Analyser.ChartRender;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.Lint;
using Bootstrap.Analyser.SyncCheck;
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

    [SchemaFact]
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

    [SchemaFact]
    public void A_cluster_scoped_kind_outside_the_whitelist_is_refused_and_the_apps_namespace_is_not()
    {
        var refused = Check("dev-redis", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: redis}\n");
        var synced = Check("dev-redis", "apiVersion: v1\nkind: Namespace\nmetadata: {name: dev-redis}\n");

        Assert.Contains("resource rbac.authorization.k8s.io:ClusterRole is not permitted in project dev", Assert.Single(Errors(refused)).Problem,
            StringComparison.Ordinal);
        Assert.Empty(Errors(synced));
    }

    [SchemaFact]
    public void A_blacklisted_namespaced_kind_is_refused_and_others_are_not()
    {
        var refused = Check("dev-redis", "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: redis}\n");
        var synced = Check("dev-redis", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: redis}\n");

        Assert.Contains("resource :ResourceQuota is not permitted in project dev", Assert.Single(Errors(refused)).Problem, StringComparison.Ordinal);
        Assert.Empty(Errors(synced));
    }

    [SchemaFact]
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

    [SchemaFact]
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

    [SchemaFact]
    public void A_cluster_scoped_custom_kind_of_a_pinned_CRD_is_checked_against_the_cluster_whitelist()
    {
        // cert-manager v1.21.1's CRDs (the release the cluster pins) make ClusterIssuer cluster-scoped; no Application renders them.
        var refused = Check("dev-redis", "apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: redis}\n");
        var synced = Check("dev-redis", "apiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata: {name: redis}\n");

        var refusal = Assert.Single(Errors(refused));
        Assert.Equal("gitops/apps/apps-dev/redis/config.json (dev-redis): ClusterIssuer redis (test)", refusal.Key);
        Assert.Contains("whitelist cert-manager.io/ClusterIssuer in clusterResourceWhitelist of project dev", refusal.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(synced, f => f.Key.Contains("Issuer", StringComparison.Ordinal));
    }

    [SchemaFact]
    public void A_cluster_scoped_built_in_kind_of_the_pinned_OpenAPI_is_checked_against_the_cluster_whitelist()
    {
        // The cluster's Kubernetes 1.36 OpenAPI with storagemigration.k8s.io/v1beta1 (kubernetes/kubernetes api/openapi-spec/v3/
        // apis__storagemigration.k8s.io__v1beta1_openapi.json, trimmed to one path): a cluster-scoped resource has no namespace in it.
        using var folder = new TempFolder().CopyFrom(UpstreamSchemas.Folder, "kubernetes/1.35");
        Directory.Move(folder.File("kubernetes/1.35"), folder.File("kubernetes/1.36"));
        folder.Write("kubernetes/1.36/apis/storagemigration.k8s.io/v1beta1.json", StorageMigrationOpenApi);
        const string migration = "apiVersion: storagemigration.k8s.io/v1beta1\nkind: StorageVersionMigration\nmetadata: {name: redis}\n";

        var refused = Check("dev-redis", migration, new SchemaSet(folder.Path));

        var refusal = Assert.Single(Errors(refused));
        Assert.Equal("gitops/apps/apps-dev/redis/config.json (dev-redis): StorageVersionMigration redis (test)", refusal.Key);
        Assert.Contains("resource storagemigration.k8s.io:StorageVersionMigration is not permitted in project dev", refusal.Problem,
            StringComparison.Ordinal);
    }

    [SchemaFact]
    public void A_kind_no_pinned_source_knows_is_reported_where_its_scope_decides_and_not_guessed()
    {
        var findings = Check("dev-redis", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: redis}\n");

        Assert.Empty(Errors(findings));
        var warning = Assert.Single(findings, f => f.Severity == Severity.Warning && f.Problem.Contains("Widget", StringComparison.Ordinal));
        Assert.Equal("gitops/apps/apps-dev/redis/config.json (dev-redis): Widget redis", warning.Key);
        Assert.Contains("the scope of example.com/Widget is in none of the rendered CRDs and the pinned Kubernetes", warning.Problem,
            StringComparison.Ordinal);
        Assert.Contains("Argo CD refuses 1 object(s) of it only if it is cluster-scoped", warning.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_schemas_a_kind_refused_under_either_scope_is_still_an_error_and_one_permitted_under_both_passes()
    {
        var refused = Check("dev-redis", "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: redis, namespace: kube-system}\n", noSchemas: true);
        var synced = Check("dev-redis", "apiVersion: v1\nkind: Namespace\nmetadata: {name: dev-redis}\n", noSchemas: true);

        Assert.Contains("whether ResourceQuota is cluster-scoped or namespaced (the scope of /ResourceQuota is in none of the rendered CRDs only",
            Assert.Single(Errors(refused)).Problem, StringComparison.Ordinal);
        // A Namespace is whitelisted cluster-wide in dev, and dev-redis is one of its destinations: permitted under either scope.
        Assert.Empty(Errors(synced));
        Assert.DoesNotContain(synced, f => f.Key.Contains("Namespace", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chart_that_cannot_be_had_is_named_as_unchecked()
    {
        var findings = Check("dev-redis", null);

        // Other warnings: the scope of CiliumNetworkPolicy, which ../shared/schemas has only as JSON Schemas (see KindScopeTests).
        var warning = Assert.Single(findings, f => f.Severity == Severity.Warning && f.Key.EndsWith("5.2.1", StringComparison.Ordinal));
        Assert.Equal("gitops/apps/apps-dev/redis/config.json (dev-redis): app-template 5.2.1", warning.Key);
        Assert.Contains("not rendered (chart app-template 5.2.1 is unreachable), so what it renders is not checked against project dev",
            warning.Problem, StringComparison.Ordinal);
    }

    // The shape of kubernetes/kubernetes api/openapi-spec/v3/apis__storagemigration.k8s.io__v1beta1_openapi.json: the kind's schema
    // under components.schemas and its REST paths, each operation naming the kind; cluster-scoped, so no /namespaces/{namespace}/.
    private const string StorageMigrationOpenApi = """
        {
          "components": {"schemas": {"io.k8s.api.storagemigration.v1beta1.StorageVersionMigration": {
            "type": "object", "properties": {"metadata": {"type": "object"}},
            "x-kubernetes-group-version-kind": [{"group": "storagemigration.k8s.io", "kind": "StorageVersionMigration", "version": "v1beta1"}]}}},
          "paths": {
            "/apis/storagemigration.k8s.io/v1beta1/storageversionmigrations": {"post": {"x-kubernetes-action": "post",
              "x-kubernetes-group-version-kind": {"group": "storagemigration.k8s.io", "kind": "StorageVersionMigration", "version": "v1beta1"}}},
            "/apis/storagemigration.k8s.io/v1beta1/storageversionmigrations/{name}": {"get": {"x-kubernetes-action": "get",
              "x-kubernetes-group-version-kind": {"group": "storagemigration.k8s.io", "kind": "StorageVersionMigration", "version": "v1beta1"}}}
          }
        }
        """;

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
    /// <param name="schemas">The schema folders lint reads (default: ../shared/schemas); null: lint runs without --schemas.</param>
    private IReadOnlyList<Diagnostic> Check(string app, string? manifest, SchemaSet? schemas = null, bool noSchemas = false)
    {
        var blueprint = StackInput.Of("dev").Blueprint();
        var catalog = noSchemas ? null : KindCatalog.For(blueprint, schemas ?? UpstreamSchemas.Set, _repo);
        var (plan, _) = SyncRenderPlan.For(blueprint, _repo, [], _ => null);
        var outputs = plan.Apps.ToDictionary(
            a => a,
            a => (IReadOnlyList<RenderOutput>)a.Charts.Select(t => a.Name != app
                ? new RenderOutput(t, "", null)
                : manifest is null
                    ? new RenderOutput(t, null, $"chart {t.Chart} {t.Version} is unreachable")
                    : new RenderOutput(t, $"---\n# Source: test\n{manifest}", null)).ToList());
        return SyncPermissionCheck.Check(plan, outputs, new RenderedManifest(), catalog).Findings;
    }
}
