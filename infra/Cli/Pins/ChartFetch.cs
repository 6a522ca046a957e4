using System.Collections.Concurrent;
using Bootstrap.Analyser.Lint;
using Bootstrap.Cli.Render;
using YamlDotNet.Serialization;

namespace Bootstrap.Cli.Pins;

/// <summary>Fetches a pinned chart's package into a folder laid out like ../shared/charts (<c>&lt;chart&gt;/&lt;version&gt;/</c>):
/// from a Helm repository as helm does (helm/helm pkg/repo/chartrepo.go: index.yaml, first URL resolved against the repo,
/// sha256 <c>digest</c> checked); an OCI chart is pulled with helm.</summary>
internal sealed class ChartFetch(Download download, Helm? helm)
{
    public const long MaxIndexBytes = 64L * 1024 * 1024;
    private readonly ConcurrentDictionary<string, Lazy<Task<RepositoryIndex>>> _indexes = new(StringComparer.Ordinal);

    /// <summary>Puts the package into <paramref name="destination"/> (created whole or not at all); null on success, else why not.</summary>
    public async Task<string?> Fetch(string chart, string version, string repoUrl, string destination, CancellationToken cancel)
    {
        try
        {
            var oci = repoUrl.StartsWith("oci://", StringComparison.Ordinal) || !repoUrl.Contains("://", StringComparison.Ordinal);
            return oci ? await PullOci(chart, version, repoUrl, destination, cancel).ConfigureAwait(false)
                : await FromRepository(chart, version, repoUrl, destination, cancel).ConfigureAwait(false);
        }
        catch (DownloadException e)
        {
            return e.Message;
        }
    }

    private async Task<string?> FromRepository(string chart, string version, string repoUrl, string destination, CancellationToken cancel)
    {
        var indexUrl = $"{repoUrl.TrimEnd('/')}/index.yaml";
        var index = await _indexes.GetOrAdd(indexUrl, url => new Lazy<Task<RepositoryIndex>>(() => Index(url, cancel))).Value.ConfigureAwait(false);
        var entry = (index.Entries?.GetValueOrDefault(chart) ?? []).FirstOrDefault(e => e.Version == version);
        if (entry?.Urls is not [var first, ..])
        {
            var known = (index.Entries?.GetValueOrDefault(chart) ?? []).Count;
            return $"{download.Resolve(indexUrl)} has no {chart} {version}"
                + (known == 0 ? $" (no {chart} at all)" : $" ({known} other versions of {chart})");
        }

        var url = new Uri(new Uri($"{repoUrl.TrimEnd('/')}/"), first).ToString();
        var body = await download.Get(url, ChartPackage.MaxBytes, string.IsNullOrEmpty(entry.Digest) ? null : entry.Digest,
            cancel).ConfigureAwait(false);
        var name = Path.GetFileName(new Uri(url).AbsolutePath);
        Place(destination, folder => File.WriteAllBytes(Path.Combine(folder, name.EndsWith(".tgz", StringComparison.Ordinal) ? name
            : $"{chart}-{version}.tgz"), body));
        return null;
    }

    private async Task<RepositoryIndex> Index(string url, CancellationToken cancel)
    {
        var text = System.Text.Encoding.UTF8.GetString(await download.Get(url, MaxIndexBytes, null, cancel).ConfigureAwait(false));
        try
        {
            return new DeserializerBuilder().IgnoreUnmatchedProperties().Build().Deserialize<RepositoryIndex>(text) ?? new RepositoryIndex();
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new DownloadException(download.Resolve(url), $"it is not a Helm repository index: {e.Message}");
        }
    }

    private async Task<string?> PullOci(string chart, string version, string repoUrl, string destination, CancellationToken cancel)
    {
        if (helm is null)
        {
            return $"{repoUrl} is an OCI registry, which only helm pulls from; install Helm 3 (lint --render finds it) or use --charts";
        }

        // Argo CD keeps OCI Helm repositories without a scheme (enableOCI); helm pull wants oci://.
        var registry = repoUrl.Replace("oci://", "", StringComparison.Ordinal).TrimEnd('/');
        var scratch = $"{destination}.pull-{Guid.NewGuid():N}";
        Directory.CreateDirectory(scratch);
        try
        {
            string[] args = ["pull", $"oci://{registry}/{chart}", "--version", version, "--destination", scratch];
            var (exit, output, errors) = await helm.Run(args, cancel, home: Path.Combine(Path.GetDirectoryName(destination)!, "..", ".helm"))
                .ConfigureAwait(false);
            if (exit != 0)
            {
                return (errors.Length > 0 ? errors : output).Trim().Split('\n')[0];
            }

            Place(destination, folder =>
            {
                foreach (var file in Directory.GetFiles(scratch))
                {
                    File.Move(file, Path.Combine(folder, Path.GetFileName(file)));
                }
            });
            return null;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Fills a scratch folder beside <paramref name="destination"/> and moves it there, so a half-written chart never counts.</summary>
    internal static void Place(string destination, Action<string> fill)
    {
        var parent = Path.GetDirectoryName(destination)!;
        Directory.CreateDirectory(parent);
        var scratch = Path.Combine(parent, $".fetch-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            fill(scratch);
            if (!Directory.Exists(destination))
            {
                Directory.Move(scratch, destination);
            }
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    /// <summary>The parts of a Helm repository's index.yaml used here (helm pkg/repo/index.go IndexFile, ChartVersion).</summary>
    internal sealed class RepositoryIndex
    {
        [YamlMember(Alias = "entries")]
        public Dictionary<string, List<IndexEntry>>? Entries { get; set; }
    }

    internal sealed class IndexEntry
    {
        [YamlMember(Alias = "version")]
        public string? Version { get; set; }

        [YamlMember(Alias = "urls")]
        public List<string>? Urls { get; set; }

        [YamlMember(Alias = "digest")]
        public string? Digest { get; set; }
    }
}
