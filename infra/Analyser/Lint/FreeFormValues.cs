namespace Bootstrap.Analyser.Lint;

/// <summary>Values maps that take any key although the chart's values.yaml shows some, so the unknown-key check skips below them.
/// Only what values.yaml and values.schema.json cannot tell is listed; empty defaults ({} or null) and schemas without properties
/// are recognised on their own.</summary>
internal static class FreeFormValues
{
    // Kubernetes fields charts hand to the Pod spec or object metadata unchanged (toYaml): Kubernetes checks them, not the chart,
    // and values.yaml shows one example only, e.g. cilium's nodeSelector {kubernetes.io/os: linux} and tolerations [{operator: Exists}].
    private static readonly HashSet<string> KubernetesFields = new(StringComparer.Ordinal)
    {
        "affinity", "nodeSelector", "tolerations", "topologySpreadConstraints", "resources",
        "annotations", "labels", "podAnnotations", "podLabels",
    };

    // Maps a chart renders key by key into a ConfigMap. argo-cd 10.x templates: omit .Values.configs.cm "create" "annotations"
    // (and the same for params and rbac); values.yaml shows a few argocd-cm keys, but every argocd-cm key is valid there.
    private static readonly Dictionary<string, string[]> ConfigMapData = new(StringComparer.Ordinal)
    {
        ["argo-cd"] = ["configs.cm", "configs.params", "configs.rbac"],
    };

    /// <summary>Whether any key is allowed below <paramref name="path"/> (map keys from the top, list items left out).</summary>
    public static bool Contains(string chart, IReadOnlyList<string> path) =>
        KubernetesFields.Contains(path[^1])
        || (ConfigMapData.TryGetValue(chart, out var maps) && maps.Contains(string.Join('.', path), StringComparer.Ordinal));
}
