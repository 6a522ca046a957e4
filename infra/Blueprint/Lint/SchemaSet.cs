using System.Collections.Concurrent;
using NJsonSchema;

namespace Bootstrap.Blueprint.Lint;

/// <summary>
/// The upstream schema folder, laid out like ../shared/schemas:
/// <c>talos/&lt;version&gt;/config.schema.json</c>, <c>charts/&lt;chart&gt;/&lt;version&gt;/{Chart.yaml,values.yaml,values.schema.json?}</c>,
/// <c>argocd-crds/&lt;version&gt;/{application,applicationset,appproject}-crd.yaml</c>, <c>kubernetes/&lt;minor&gt;/</c> (OpenAPI v3) and the
/// CRD families of <see cref="CrdFamily"/>.
/// Each file is read on first use and kept, so linting several stacks reads and parses it once; a lookup of a version
/// that is not there returns null, and the caller reports it (a missing schema never passes silently).
/// </summary>
public sealed class SchemaSet
{
    public const string ArgoCdApiVersion = "v1alpha1";

    /// <summary>The Argo CD kinds and the CRD files that define them.</summary>
    public static readonly IReadOnlyDictionary<string, string> ArgoCdCrdFiles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Application"] = "application-crd.yaml",
        ["ApplicationSet"] = "applicationset-crd.yaml",
        ["AppProject"] = "appproject-crd.yaml",
    };

    private readonly ConcurrentDictionary<string, Lazy<TalosSchema?>> talos = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ChartSchema?>> charts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<JsonSchema?>> crds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<KubernetesSchema?>> kubernetes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<CrdBundle?>> bundles = new(StringComparer.Ordinal);

    public SchemaSet(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    public string TalosFile(string version) => Path.Combine(Root, "talos", version, "config.schema.json");

    public string ChartFolder(string chart, string version) => Path.Combine(Root, "charts", chart, version);

    public string ArgoCdCrdFile(string argoCdVersion, string kind) => Path.Combine(Root, "argocd-crds", argoCdVersion, ArgoCdCrdFiles[kind]);

    /// <summary>The Talos machine-config schema of <paramref name="version"/> (e.g. v1.13.9), or null when the folder has none.</summary>
    /// <exception cref="SchemaFileException">The file is there but unreadable.</exception>
    public TalosSchema? Talos(string version) =>
        Cached(talos, version, () => File.Exists(TalosFile(version)) ? TalosSchema.Load(TalosFile(version), version) : null);

    /// <summary>The chart at exactly this version, or null when its Chart.yaml or values.yaml is not in the folder.</summary>
    /// <exception cref="SchemaFileException">A file is there but unreadable.</exception>
    public ChartSchema? Chart(string chart, string version) =>
        Cached(charts, $"{chart}/{version}", () =>
        {
            var folder = ChartFolder(chart, version);
            return File.Exists(Path.Combine(folder, ChartSchema.ChartFile)) && File.Exists(Path.Combine(folder, ChartSchema.ValuesFile))
                ? ChartSchema.Load(folder, chart, version)
                : null;
        });

    /// <summary>The v1alpha1 schema of an Argo CD kind (Application, ApplicationSet, AppProject) in that Argo CD release,
    /// or null when missing.</summary>
    /// <exception cref="SchemaFileException">The CRD file is there but unreadable.</exception>
    public JsonSchema? ArgoCdCrd(string argoCdVersion, string kind) =>
        Cached(crds, $"{argoCdVersion}/{kind}", () =>
            File.Exists(ArgoCdCrdFile(argoCdVersion, kind)) ? CrdSchema.Load(ArgoCdCrdFile(argoCdVersion, kind), ArgoCdApiVersion) : null);

    /// <summary>The built-in API of a Kubernetes minor (e.g. 1.35), or null when the folder has no kubernetes/&lt;minor&gt;/.</summary>
    /// <exception cref="SchemaFileException">A document is there but unreadable.</exception>
    public KubernetesSchema? Kubernetes(string minor) =>
        Cached(kubernetes, minor, () =>
        {
            var folder = Path.Combine(Root, "kubernetes", minor);
            return Directory.Exists(folder) ? KubernetesSchema.Load(folder, minor) : null;
        });

    /// <summary>The kinds one version of a CRD family defines, or null when that version folder is missing.</summary>
    /// <exception cref="SchemaFileException">A file is there but unreadable.</exception>
    public CrdBundle? Crds(CrdFamily family, string version) =>
        Cached(bundles, $"{family.Folder}/{version}", () =>
        {
            var folder = Path.Combine(Root, family.Folder, version);
            return Directory.Exists(folder) ? CrdBundle.Load(folder, $"{family.Folder} {version}", family.JsonSchemaGroup) : null;
        });

    /// <summary>The versions present below a folder (e.g. "talos" or "charts/cilium"), for "the folder has ..." hints.</summary>
    public IReadOnlyList<string> Versions(string folder)
    {
        var path = Path.Combine(Root, folder.Replace('/', Path.DirectorySeparatorChar));
        return Directory.Exists(path)
            ? Directory.GetDirectories(path).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
    }

    // Lazy keeps a failed load too, so an unreadable file is reported the same way every time without re-reading it.
    private static T? Cached<T>(ConcurrentDictionary<string, Lazy<T?>> cache, string key, Func<T?> load)
        where T : class =>
        cache.GetOrAdd(key, _ => new Lazy<T?>(load, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
