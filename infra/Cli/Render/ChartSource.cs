using System.Collections.Concurrent;
using Bootstrap.Blueprint.ChartRender;

namespace Bootstrap.Cli.Render;

/// <summary>
/// Where a pinned chart is read from: the <c>--charts</c> folder, laid out like ../shared/charts (<c>&lt;chart&gt;/&lt;version&gt;/</c>
/// holding the packaged <c>.tgz</c> or the chart folder), else the local cache, else pulled from the Application's repository
/// into the cache (online only). A chart is pulled at most once per run.
/// </summary>
internal sealed class ChartSource(string? chartsFolder, string cacheFolder, Helm helm)
{
    public const string CacheVariable = "BOOTSTRAP_CHART_CACHE";
    private readonly ConcurrentDictionary<string, Lazy<Task<(string? Path, string? Problem)>>> located = new(StringComparer.Ordinal);

    /// <summary>The cache folder: BOOTSTRAP_CHART_CACHE, else $XDG_CACHE_HOME/bootstrap/charts, else ~/.cache/bootstrap/charts.</summary>
    public static string DefaultCache() =>
        Environment.GetEnvironmentVariable(CacheVariable) is { Length: > 0 } given
            ? Path.GetFullPath(given)
            : Path.Combine(
                Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                    ? xdg
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
                "bootstrap",
                "charts");

    /// <summary>The chart's path for <c>helm template</c>, or why it is not available.</summary>
    public Task<(string? Path, string? Problem)> Locate(HelmTemplate template, CancellationToken cancel) =>
        located.GetOrAdd($"{template.Chart}/{template.Version}", _ => new Lazy<Task<(string?, string?)>>(() => Find(template, cancel))).Value;

    private async Task<(string? Path, string? Problem)> Find(HelmTemplate template, CancellationToken cancel)
    {
        var (inFolder, folderProblem) = chartsFolder is null ? (null, null) : InFolder(Path.Combine(chartsFolder, template.Chart, template.Version));
        if (inFolder is not null || folderProblem is not null)
        {
            return (inFolder, folderProblem);
        }

        var cached = Path.Combine(cacheFolder, template.Chart, template.Version);
        if (InFolder(cached).Path is { } hit)
        {
            return (hit, null);
        }

        var pulled = await Pull(template, cached, cancel).ConfigureAwait(false);
        if (pulled is null)
        {
            return (InFolder(cached).Path, null);
        }

        var looked = chartsFolder is null ? "no --charts folder given" : $"not in {Path.Combine(chartsFolder, template.Chart, template.Version)}";
        return (null, $"chart {template.Chart} {template.Version} is {looked} and pulling it from {template.RepoUrl} failed: {pulled}");
    }

    /// <summary>A chart folder (Chart.yaml), a single .tgz, or a single subfolder holding Chart.yaml; null when absent.</summary>
    private static (string? Path, string? Problem) InFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return (null, null);
        }

        if (File.Exists(Path.Combine(folder, "Chart.yaml")))
        {
            return (folder, null);
        }

        var candidates = Directory.GetFiles(folder, "*.tgz")
            .Concat(Directory.GetDirectories(folder).Where(d => File.Exists(Path.Combine(d, "Chart.yaml"))))
            .Order(StringComparer.Ordinal)
            .ToList();
        return candidates.Count switch
        {
            1 => (candidates[0], null),
            0 => (null, null),
            _ => (null, $"{folder} holds several charts ({string.Join(", ", candidates.Select(Path.GetFileName))}); keep one per version"),
        };
    }

    /// <summary>helm pull into the cache; null on success, else helm's error.</summary>
    private async Task<string?> Pull(HelmTemplate template, string destination, CancellationToken cancel)
    {
        var download = destination + $".pull-{Guid.NewGuid():N}";
        Directory.CreateDirectory(download);
        try
        {
            // Argo CD keeps OCI Helm repositories without a scheme (enableOCI); helm pull wants oci://.
            var oci = template.RepoUrl.StartsWith("oci://", StringComparison.Ordinal) || !template.RepoUrl.Contains("://", StringComparison.Ordinal);
            var registry = template.RepoUrl.Replace("oci://", "", StringComparison.Ordinal).TrimEnd('/');
            string[] source = oci ? [$"oci://{registry}/{template.Chart}"] : [template.Chart, "--repo", template.RepoUrl];
            string[] args = ["pull", .. source, "--version", template.Version, "--destination", download];
            var (exit, output, errors) = await helm.Run(args, cancel, home: Path.Combine(cacheFolder, ".helm")).ConfigureAwait(false);
            if (exit != 0)
            {
                return (errors.Length > 0 ? errors : output).Trim().Split('\n')[0];
            }

            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (!Directory.Exists(destination))
            {
                Directory.Move(download, destination);
            }

            return null;
        }
        finally
        {
            if (Directory.Exists(download))
            {
                Directory.Delete(download, recursive: true);
            }
        }
    }
}
