using Bootstrap.Analyser.ChartRender;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Analyser.Lint;

namespace Bootstrap.Analyser.SyncCheck;

/// <summary>Whether a kind is namespaced, as discovery tells Argo CD (metav1.APIResource.Namespaced), from pinned facts only: the
/// <c>spec.scope</c> of every CRD the environment's Applications render, then the stack's <see cref="KindCatalog"/> (the Kubernetes
/// OpenAPI of its minor, the pinned CRD releases). Null for a kind none of them knows: the check reports it rather than guess.</summary>
public sealed class KindScope
{
    private readonly Dictionary<(string, string), bool> _crds = [];
    private readonly KindCatalog? _catalog;

    /// <param name="objects">Every object the environment's Applications render: their CRDs give their kinds' scope.</param>
    /// <param name="catalog">The stack's pinned schemas, or null when lint runs without a schema folder.</param>
    public KindScope(IEnumerable<RenderedObject> objects, KindCatalog? catalog)
    {
        _catalog = catalog;
        foreach (var crd in objects.Where(o => o.Kind?.Kind == "CustomResourceDefinition"))
        {
            var group = GitOpsObject.Text(GitOpsObject.At(crd.Body, "spec", "group")) ?? "";
            var kind = GitOpsObject.Text(GitOpsObject.At(crd.Body, "spec", "names", "kind")) ?? "";
            switch (GitOpsObject.Text(GitOpsObject.At(crd.Body, "spec", "scope")))
            {
                case "Cluster":
                    _crds[(group, kind)] = false;
                    break;
                case "Namespaced":
                    _crds[(group, kind)] = true;
                    break;
            }
        }
    }

    /// <summary>What was consulted, for "scope unknown" messages.</summary>
    public string Sources =>
        _catalog is null
            ? "the rendered CRDs only (lint runs without --schemas, so the Kubernetes OpenAPI and pinned CRDs are not read)"
            : $"the rendered CRDs and {_catalog.ScopeSources}";

    /// <summary>True: namespaced; false: cluster-scoped; null: no pinned source knows the kind.</summary>
    public bool? IsNamespaced(string group, string kind) =>
        _crds.TryGetValue((group, kind), out var namespaced) ? namespaced : _catalog?.IsNamespaced(group, kind);
}
