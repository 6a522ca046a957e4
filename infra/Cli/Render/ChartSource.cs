using System.Collections.Concurrent;
using Bootstrap.Analyser.ChartRender;
using Bootstrap.Analyser.Lint;

namespace Bootstrap.Cli.Render;

/// <summary>Where a pinned chart is read from: the <c>--charts</c> folder (like ../shared/charts: a .tgz or chart folder),
/// else the cache, else fetched from the Application's repository into the cache (<see cref="Pins.ChartFetch"/>; never
/// offline). Each chart is fetched at most once per run.</summary>
internal sealed class ChartSource(string? chartsFolder, string cacheFolder, Helm helm, bool offline = false, Pins.ChartFetch? fetch = null)
{
    private readonly Pins.ChartFetch _fetch = fetch ?? new Pins.ChartFetch(Pins.Download.FromEnvironment(), helm);
    public const string CacheVariable = "BOOTSTRAP_CHART_CACHE";
    private readonly ConcurrentDictionary<string, Lazy<Task<(string? Path, string? Problem)>>> _located = new(StringComparer.Ordinal);

    /// <summary>The cache folder: BOOTSTRAP_CHART_CACHE, else $XDG_CACHE_HOME/bootstrap/charts, else ~/.cache/bootstrap/charts.</summary>
    public static string DefaultCache(bool charts = true) =>
        charts && Environment.GetEnvironmentVariable(CacheVariable) is { Length: > 0 } given
            ? Path.GetFullPath(given)
            : Path.Combine(
                Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                    ? xdg
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
                "bootstrap",
                "charts");

    /// <summary>The chart's path for <c>helm template</c>, or why it is not available.</summary>
    public Task<(string? Path, string? Problem)> Locate(HelmTemplate template, CancellationToken cancel) =>
        _located.GetOrAdd($"{template.Chart}/{template.Version}", _ => new Lazy<Task<(string?, string?)>>(() => Find(template, cancel))).Value;

    private async Task<(string? Path, string? Problem)> Find(HelmTemplate template, CancellationToken cancel)
    {
        var (inFolder, folderProblem) = chartsFolder is null ? (null, null) : ChartPackage.In(Path.Combine(chartsFolder, template.Chart,
            template.Version));
        if (inFolder is not null || folderProblem is not null)
        {
            return (inFolder, folderProblem);
        }

        var cached = Path.Combine(cacheFolder, template.Chart, template.Version);
        if (ChartPackage.In(cached).Path is { } hit)
        {
            return (hit, null);
        }

        if (offline)
        {
            var where = chartsFolder is null ? "no --charts folder given" : $"not in {Path.Combine(chartsFolder, template.Chart, template.Version)}";
            return (null, $"chart {template.Chart} {template.Version} is {where} nor in the cache {cached}, and lint runs offline");
        }

        var pulled = await _fetch.Fetch(template.Chart, template.Version, template.RepoUrl, cached, cancel).ConfigureAwait(false);
        if (pulled is null)
        {
            return (ChartPackage.In(cached).Path, null);
        }

        var looked = chartsFolder is null ? "no --charts folder given" : $"not in {Path.Combine(chartsFolder, template.Chart, template.Version)}";
        return (null, $"chart {template.Chart} {template.Version} is {looked} and pulling it from {template.RepoUrl} failed: {pulled}");
    }
}
