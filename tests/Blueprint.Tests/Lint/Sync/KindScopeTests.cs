using Bootstrap.Analyser.ChartRender;
using Bootstrap.Analyser.Lint;
using Bootstrap.Analyser.SyncCheck;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Lint.Sync;

/// <summary>
/// Which kinds are namespaced, read from the pinned sources only: the Kubernetes OpenAPI v3 documents (a namespaced resource's
/// paths are below <c>/namespaces/{namespace}/</c>, kubernetes/kubernetes staging/src/k8s.io/apiserver/pkg/endpoints/installer.go)
/// and CRDs' <c>spec.scope</c>; what none of them knows stays unknown.
/// </summary>
public sealed class KindScopeTests : IDisposable
{
    private readonly RepoCopy _repo = new();

    public void Dispose() => _repo.Dispose();

    [SchemaTheory]
    [InlineData("", "Namespace", false)]
    [InlineData("", "Node", false)]
    [InlineData("", "PersistentVolume", false)]
    [InlineData("", "Pod", true)]
    [InlineData("", "ConfigMap", true)]
    [InlineData("apps", "Deployment", true)]
    [InlineData("rbac.authorization.k8s.io", "ClusterRole", false)]
    [InlineData("rbac.authorization.k8s.io", "ClusterRoleBinding", false)]
    [InlineData("rbac.authorization.k8s.io", "Role", true)]
    [InlineData("networking.k8s.io", "IngressClass", false)]
    [InlineData("networking.k8s.io", "ServiceCIDR", false)]
    [InlineData("networking.k8s.io", "NetworkPolicy", true)]
    public void The_Kubernetes_OpenAPI_paths_say_whether_a_built_in_kind_is_namespaced(string group, string kind, bool namespaced)
    {
        var api = UpstreamSchemas.Set.Kubernetes("1.35")!;

        Assert.Equal(namespaced, api.IsNamespaced(group, kind));
    }

    [SchemaFact]
    public void A_kind_of_a_group_the_pinned_documents_do_not_hold_has_no_scope()
    {
        // StorageClass is cluster-scoped, but lint pins only api/v1, apps/v1, networking.k8s.io/v1 and rbac.authorization.k8s.io/v1.
        Assert.Null(UpstreamSchemas.Set.Kubernetes("1.35")!.IsNamespaced("storage.k8s.io", "StorageClass"));
    }

    [SchemaFact]
    public void A_pinned_CRD_gives_its_scope_and_a_converted_JSON_Schema_gives_none()
    {
        var scope = new KindScope([], Catalog(UpstreamSchemas.Set));

        Assert.False(scope.IsNamespaced("cert-manager.io", "ClusterIssuer"));
        Assert.True(scope.IsNamespaced("cert-manager.io", "Issuer"));
        // ../shared/schemas has Cilium's CRDs only as JSON Schemas (datreeio/CRDs-catalog), which drop spec.scope.
        Assert.Null(scope.IsNamespaced("cilium.io", "CiliumLoadBalancerIPPool"));
    }

    [Fact]
    public void Cilium_kinds_take_the_scope_of_the_CRD_files_of_the_pinned_tag()
    {
        // cilium/cilium v1.20.0 pkg/k8s/apis/cilium.io/client/crds/v2/ciliumloadbalancerippools.yaml (spec trimmed), as lint fetches it.
        using var folder = new TempFolder().Write("cilium-crds/v1.20.0/ciliumloadbalancerippools.yaml", """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: ciliumloadbalancerippools.cilium.io}
            spec:
              group: cilium.io
              names: {kind: CiliumLoadBalancerIPPool, plural: ciliumloadbalancerippools}
              scope: Cluster
              versions:
              - {name: v2, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}
            """);

        var scope = new KindScope([], Catalog(new SchemaSet(folder.Path)));

        Assert.False(scope.IsNamespaced("cilium.io", "CiliumLoadBalancerIPPool"));
        Assert.Null(scope.IsNamespaced("cilium.io", "CiliumNode"));
    }

    [Fact]
    public void A_rendered_CRD_decides_over_the_pinned_sources_and_without_schemas_nothing_else_is_known()
    {
        var crd = new RenderedManifest().Parse("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec: {group: example.com, scope: Cluster, names: {kind: Widget, plural: widgets}}
            """, "test");

        var scope = new KindScope(crd, null);

        Assert.False(scope.IsNamespaced("example.com", "Widget"));
        Assert.Null(scope.IsNamespaced("rbac.authorization.k8s.io", "ClusterRole"));
        Assert.Contains("without --schemas", scope.Sources, StringComparison.Ordinal);
    }

    private KindCatalog Catalog(SchemaSet schemas) => KindCatalog.For(StackInput.Of("dev").Blueprint(), schemas, _repo);
}
