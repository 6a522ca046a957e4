using System.Collections.Concurrent;
using NJsonSchema;

namespace Bootstrap.Analyser.Lint;

/// <summary>The upstream schemas lint checks against, from folders laid out like ../shared/schemas (the --schemas mirror,
/// then the CLI's cache; layout in docs/gitops.md "Schema folders"). Each file is parsed once and kept across stacks; a
/// version that is not there is null, which the caller reports with why it could not be fetched.</summary>
public sealed class SchemaSet
{
    /// <summary>The Argo CD kinds and the CRD files that define them.</summary>
    public static readonly IReadOnlyDictionary<string, string> ArgoCdCrdFiles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Application"] = "application-crd.yaml",
        ["ApplicationSet"] = "applicationset-crd.yaml",
        ["AppProject"] = "appproject-crd.yaml",
    };

    private readonly ConcurrentDictionary<string, Lazy<TalosSchema?>> _talos = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ChartSchema?>> _charts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<KubernetesSchema?>> _kubernetes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<CrdBundle?>> _bundles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _unavailable = new(StringComparer.Ordinal);

    public SchemaSet(string root)
        : this([root], [])
    {
    }

    /// <param name="roots">Schema folders, first wins (an offline mirror, then the cache).</param>
    /// <param name="chartRoots">Folders of chart packages laid out like ../shared/charts, first wins.</param>
    public SchemaSet(IReadOnlyList<string> roots, IReadOnlyList<string> chartRoots)
    {
        Roots = roots.Select(Path.GetFullPath).ToList();
        ChartRoots = chartRoots.Select(Path.GetFullPath).ToList();
    }

    /// <summary>The first schema folder, named in reports.</summary>
    public string Root => Roots[0];

    public IReadOnlyList<string> Roots { get; }

    public IReadOnlyList<string> ChartRoots { get; }

    /// <summary>Where a missing file was looked for, for messages: every root, joined.</summary>
    public string Places(string relative) => string.Join(", ", Roots.Select(r => Path.Combine(r, relative)));

    public string TalosFile(string version) => Existing(Path.Combine("talos", version, "config.schema.json"));

    public string ChartFolder(string chart, string version) =>
        string.Join(", ", [
            .. ChartRoots.Select(r => Path.Combine(r, chart, version)),
            .. Roots.Select(r => Path.Combine(r, "charts", chart, version))]);

    /// <summary>Records why a pinned source could not be had (the URL and the failure), keyed <c>folder/version</c>.</summary>
    public void Unavailable(string key, string reason) => _unavailable[key] = reason;

    /// <summary>Why <c>folder/version</c> could not be fetched, as "; fetching ... failed: ..." (empty when nobody tried).</summary>
    public string WhyMissing(string key) => _unavailable.TryGetValue(key, out var reason) ? $"; {reason}" : "";

    /// <summary>The Talos machine-config schema of <paramref name="version"/> (e.g. v1.13.9), or null when the folder has none.</summary>
    /// <exception cref="SchemaFileException">The file is there but unreadable.</exception>
    public TalosSchema? Talos(string version) =>
        Cached(_talos, version, () => File.Exists(TalosFile(version)) ? TalosSchema.Load(TalosFile(version), version) : null);

    /// <summary>The chart at exactly this version, from its package (a chart folder), else a schema folder's charts/ copy of its
    /// Chart.yaml and values.yaml; null when neither has it.</summary>
    /// <exception cref="SchemaFileException">A file is there but unreadable.</exception>
    public ChartSchema? Chart(string chart, string version) =>
        Cached(_charts, $"{chart}/{version}", () =>
        {
            var (package, problem) = ChartPackage.Find(ChartRoots, chart, version);
            if (problem is not null)
            {
                throw new SchemaFileException(Path.Combine(ChartRoots[0], chart, version), problem);
            }

            if (package is not null)
            {
                return ChartSchema.FromPackage(package, chart, version)
                    ?? throw new SchemaFileException(package, $"has no {ChartSchema.ChartFile} or {ChartSchema.ValuesFile}; is it a Helm chart?");
            }

            var folder = Existing(Path.Combine("charts", chart, version));
            return File.Exists(Path.Combine(folder, ChartSchema.ChartFile)) && File.Exists(Path.Combine(folder, ChartSchema.ValuesFile))
                ? ChartSchema.Load(folder, chart, version)
                : null;
        });

    /// <summary>The chart package of this version in the chart folders, or null.</summary>
    public string? ChartPackagePath(string chart, string version) => ChartPackage.Find(ChartRoots, chart, version).Path;

    /// <summary>The built-in API of a Kubernetes minor (e.g. 1.35), or null when no folder has kubernetes/&lt;minor&gt;/.</summary>
    /// <exception cref="SchemaFileException">A document is there but unreadable.</exception>
    public KubernetesSchema? Kubernetes(string minor) =>
        Cached(_kubernetes, minor, () =>
        {
            var folder = Existing(Path.Combine("kubernetes", minor));
            return Directory.Exists(folder) ? KubernetesSchema.Load(folder, minor) : null;
        });

    /// <summary>The kinds one version of a CRD family defines, or null when that version folder is missing.</summary>
    /// <exception cref="SchemaFileException">A file is there but unreadable.</exception>
    public CrdBundle? Crds(CrdFamily family, string version) => Crds(family, family.Folder, version);

    /// <summary>The kinds one version of a family's folder (its own, or one of its stand-in folders) defines, or null.</summary>
    /// <exception cref="SchemaFileException">A file is there but unreadable.</exception>
    public CrdBundle? Crds(CrdFamily family, string folderName, string version) =>
        Cached(_bundles, $"{folderName}/{version}", () =>
        {
            var folder = Existing(Path.Combine(folderName, version));
            return Directory.Exists(folder) ? CrdBundle.Load(folder, $"{folderName} {version}", family.JsonSchemaGroup) : null;
        });

    /// <summary>Whether a version folder (e.g. "kubernetes/1.36") is in any schema folder.</summary>
    public bool Has(string relative) => Roots.Any(r => Path.Exists(Path.Combine(r, relative.Replace('/', Path.DirectorySeparatorChar))));

    /// <summary>The versions present below a folder (e.g. "talos" or "charts/cilium") in any schema folder, for "the folder has ..."
    /// hints and the nearest older stand-in.</summary>
    public IReadOnlyList<string> Versions(string folder) =>
        Roots.Select(r => Path.Combine(r, folder.Replace('/', Path.DirectorySeparatorChar)))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetDirectories)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => !n.StartsWith('.'))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The path in the first root that has it, else in the first root (for "looked for" messages).</summary>
    private string Existing(string relative) =>
        Roots.Select(r => Path.Combine(r, relative)).FirstOrDefault(Path.Exists) ?? Path.Combine(Roots[0], relative);

    // Lazy keeps a failed load too, so an unreadable file is reported the same way every time without re-reading it.
    private static T? Cached<T>(ConcurrentDictionary<string, Lazy<T?>> cache, string key, Func<T?> load)
        where T : class =>
        cache.GetOrAdd(key, _ => new Lazy<T?>(load, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
