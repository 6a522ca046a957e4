using System.Collections.Concurrent;
using System.Text.Json;
using Bootstrap.Analyser.Lint;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Cli.Pins;

/// <summary>Where lint's upstream schemas come from: the offline mirrors (--schemas, --charts), then the cache, then upstream,
/// fetched once into the cache (unless --offline) and kept by version, so a Renovate bump needs no manual step. What
/// cannot be had is recorded with its URL and reported where lint needs it.</summary>
internal sealed class PinStore
{
    /// <summary>The largest schema file taken (Kubernetes' api/v1.json, the largest, is about 2 MB).</summary>
    public const long MaxSchemaBytes = 16L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, Lazy<Task>> _work = new(StringComparer.Ordinal);
    private readonly Download _download;
    private readonly ChartFetch _charts;
    private readonly bool _offline;
    private readonly string _chartCache;
    private int _fetched;

    public PinStore(string? schemaMirror, string? chartMirror, string cache, string chartCache, bool offline, Download download, ChartFetch charts)
    {
        Cache = cache;
        _chartCache = chartCache;
        _offline = offline;
        _download = download;
        _charts = charts;
        Schemas = new SchemaSet(
            [.. schemaMirror is null ? [] : new[] { schemaMirror }, cache],
            [.. chartMirror is null ? [] : new[] { chartMirror }, chartCache]);
    }

    public SchemaSet Schemas { get; }

    public string Cache { get; }

    /// <summary>How many sources this run downloaded.</summary>
    public int Fetched => _fetched;

    /// <summary>The schema cache: BOOTSTRAP_SCHEMA_CACHE, else $XDG_CACHE_HOME/bootstrap/schemas, else ~/.cache/bootstrap/schemas
    /// (beside the chart cache, <see cref="Render.ChartSource.DefaultCache"/>).</summary>
    public static string DefaultCache() =>
        Environment.GetEnvironmentVariable("BOOTSTRAP_SCHEMA_CACHE") is { Length: > 0 } given
            ? Path.GetFullPath(given)
            : Path.Combine(Path.GetDirectoryName(Render.ChartSource.DefaultCache(charts: false))!, "schemas");

    /// <summary>Makes every chart and schema source the stack pins available, or records why it is not.</summary>
    public async Task Prepare(ClusterBlueprint blueprint, IRepository repository, CancellationToken cancel)
    {
        await Task.WhenAll(SchemaPins.Charts(blueprint, repository).Select(c => Once($"charts/{c.Chart}/{c.Version}", () => Chart(c, cancel))))
            .ConfigureAwait(false);
        var pins = SchemaPins.For(blueprint, repository, Schemas);
        await Task.WhenAll(pins.Select(p => Once(p.FailureKey, () => Source(p, cancel)))).ConfigureAwait(false);
    }

    private Task Once(string key, Func<Task> run) => _work.GetOrAdd(key, _ => new Lazy<Task>(run)).Value;

    private async Task Chart(ChartPin chart, CancellationToken cancel)
    {
        var key = $"charts/{chart.Chart}/{chart.Version}";
        // A schema folder's charts/ copy of Chart.yaml and values.yaml serves as well as the package, so it is not fetched.
        if (Schemas.ChartPackagePath(chart.Chart, chart.Version) is not null || Schemas.Has(key))
        {
            return;
        }

        if (_offline)
        {
            Schemas.Unavailable(key, $"not fetched from {chart.RepoUrl}: lint runs offline");
            return;
        }

        var problem = await _charts.Fetch(chart.Chart, chart.Version, chart.RepoUrl, Path.Combine(_chartCache, chart.Chart, chart.Version), cancel)
            .ConfigureAwait(false);
        if (problem is null)
        {
            Interlocked.Increment(ref _fetched);
        }
        else
        {
            Schemas.Unavailable(key, $"fetching chart {chart.Chart} {chart.Version} from {chart.RepoUrl} failed: {problem}");
        }
    }

    private async Task Source(SchemaPin pin, CancellationToken cancel)
    {
        if (Schemas.Has(pin.Key) || (pin.AlsoAt is { } alsoAt && Schemas.Has(alsoAt)))
        {
            return;
        }

        if (_offline && pin.FromChart is null)
        {
            Schemas.Unavailable(pin.FailureKey, $"not fetched from {pin.Origin}: lint runs offline");
            return;
        }

        try
        {
            var files = pin.FromChart is { } chart ? FromPackage(pin, chart) : await Fetch(pin, cancel).ConfigureAwait(false);
            ChartFetch.Place(Path.Combine(Cache, pin.Folder, pin.Version), folder =>
            {
                foreach (var (name, body) in files)
                {
                    var path = Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar));
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    System.IO.File.WriteAllBytes(path, body);
                }
            });
            Interlocked.Increment(ref _fetched);
        }
        catch (DownloadException e)
        {
            Schemas.Unavailable(pin.FailureKey, e.Message);
        }
    }

    private List<(string Name, byte[] Body)> FromPackage(SchemaPin pin, ChartPin chart)
    {
        var package = Schemas.ChartPackagePath(chart.Chart, chart.Version)
            ?? throw new DownloadException(pin.Origin, $"the package of {chart.Chart} {chart.Version} is in no chart folder");
        try
        {
            var files = ChartPackage.Read(package, f => f.StartsWith(pin.ChartFolder!, StringComparison.Ordinal) && f.EndsWith(".yaml",
                StringComparison.Ordinal));
            return files.Count == 0
                ? throw new DownloadException(pin.Origin, $"{package} has no {pin.ChartFolder}*.yaml")
                : files.Select(f => (Path.GetFileName(f.Key), System.Text.Encoding.UTF8.GetBytes(f.Value))).ToList();
        }
        catch (SchemaFileException e)
        {
            throw new DownloadException(pin.Origin, e.Problem);
        }
    }

    private async Task<IReadOnlyList<(string Name, byte[] Body)>> Fetch(SchemaPin pin, CancellationToken cancel)
    {
        var files = await Task.WhenAll(pin.Files.Select(async f => (f.Name, Body: await FileOf(f,
            cancel).ConfigureAwait(false)))).ConfigureAwait(false);
        foreach (var (name, body) in files)
        {
            Verify(pin.Files.First(f => f.Name == name).Url, name, body);
        }

        return files;
    }

    private async Task<byte[]> FileOf(PinnedFile file, CancellationToken cancel)
    {
        if (file.InArchive is null)
        {
            return await _download.Get(file.Url, MaxSchemaBytes, file.Digest, cancel).ConfigureAwait(false);
        }

        var archive = Path.Combine(Cache, $".fetch-{Guid.NewGuid():N}.tgz");
        Directory.CreateDirectory(Cache);
        try
        {
            await System.IO.File.WriteAllBytesAsync(archive, await _download.Get(file.Url, ChartPackage.MaxBytes, file.Digest,
                cancel).ConfigureAwait(false), cancel)
                .ConfigureAwait(false);
            return ChartPackage.Read(archive, f => f == file.InArchive).Values.Select(System.Text.Encoding.UTF8.GetBytes).FirstOrDefault()
                ?? throw new DownloadException(_download.Resolve(file.Url), $"the archive has no {file.InArchive}");
        }
        catch (SchemaFileException e)
        {
            throw new DownloadException(_download.Resolve(file.Url), e.Problem);
        }
        finally
        {
            System.IO.File.Delete(archive);
        }
    }

    /// <summary>Upstream publishes no digest for these files; a file that is not what its name says is refused before it is cached
    /// (an HTML error page, a truncated body).</summary>
    private void Verify(string url, string name, byte[] body)
    {
        if (name.EndsWith(".json", StringComparison.Ordinal))
        {
            try
            {
                using var _ = JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                throw new DownloadException(_download.Resolve(url), $"it is not JSON: {e.Message}");
            }
        }
        else if (!System.Text.Encoding.UTF8.GetString(body).Contains("kind: CustomResourceDefinition", StringComparison.Ordinal))
        {
            throw new DownloadException(_download.Resolve(url), "it holds no CustomResourceDefinition");
        }
    }
}
