using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Bootstrap.Analyser.Lint;

/// <summary>A chart as Helm keeps it: its folder, or the <c>.tgz</c> <c>helm package</c> writes, everything below one top folder that
/// helm's pkg/chart/loader drops when loading. Pinned charts are laid out like ../shared/charts: <c>&lt;chart&gt;/&lt;version&gt;/</c>.</summary>
public static class ChartPackage
{
    /// <summary>Helm refuses archives larger than this when loading a chart (helm pkg/chart/loader MaxDecompressedChartSize).</summary>
    public const long MaxBytes = 100L * 1024 * 1024;

    /// <summary>The largest single file read out of a package (Helm's MaxDecompressedFileSize).</summary>
    public const long MaxFileBytes = 5L * 1024 * 1024;

    /// <summary>The chart for this version in the first of <paramref name="roots"/> that has it, or why one cannot be used.</summary>
    public static (string? Path, string? Problem) Find(IEnumerable<string> roots, string chart, string version)
    {
        foreach (var root in roots)
        {
            var found = In(System.IO.Path.Combine(root, chart, version));
            if (found.Path is not null || found.Problem is not null)
            {
                return found;
            }
        }

        return (null, null);
    }

    /// <summary>A chart folder (Chart.yaml), a single .tgz, or a single subfolder holding Chart.yaml; null when absent.</summary>
    public static (string? Path, string? Problem) In(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return (null, null);
        }

        if (File.Exists(System.IO.Path.Combine(folder, "Chart.yaml")))
        {
            return (folder, null);
        }

        var candidates = Directory.GetFiles(folder, "*.tgz")
            .Concat(Directory.GetDirectories(folder).Where(d => File.Exists(System.IO.Path.Combine(d, "Chart.yaml"))))
            .Order(StringComparer.Ordinal)
            .ToList();
        return candidates.Count switch
        {
            1 => (candidates[0], null),
            0 => (null, null),
            _ => (null, $"{folder} holds several charts ({string.Join(", ", candidates.Select(System.IO.Path.GetFileName))}); keep one per version"),
        };
    }

    /// <summary>
    /// The text of each file of the chart whose path inside the chart (without the top folder) <paramref name="wanted"/> accepts.
    /// </summary>
    /// <exception cref="SchemaFileException">The package is not a readable gzip'd tar, or too large.</exception>
    public static IReadOnlyDictionary<string, string> Read(string path, Func<string, bool> wanted)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.GetFiles(path, "*", SearchOption.AllDirectories))
            {
                var relative = System.IO.Path.GetRelativePath(path, file).Replace('\\', '/');
                if (wanted(relative))
                {
                    files[relative] = ReadBounded(file);
                }
            }

            return files;
        }

        if (new FileInfo(path).Length > MaxBytes)
        {
            throw new SchemaFileException(path, $"is larger than the {MaxBytes / (1024 * 1024)} MiB Helm accepts for a chart package");
        }

        try
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            long total = 0;
            while (tar.GetNextEntry() is { } entry)
            {
                var name = entry.Name.Replace('\\', '/');
                var slash = name.IndexOf('/', StringComparison.Ordinal);
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || slash < 0 || entry.DataStream is null)
                {
                    continue;
                }

                total += entry.Length;
                if (entry.Length > MaxFileBytes || total > MaxBytes)
                {
                    throw new SchemaFileException(path, $"holds {name}, more than Helm accepts from a chart package");
                }

                var relative = name[(slash + 1)..];
                if (wanted(relative))
                {
                    using var reader = new StreamReader(entry.DataStream, Encoding.UTF8);
                    files[relative] = reader.ReadToEnd();
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new SchemaFileException(path, $"is not a chart package (a gzip'd tar): {e.Message}");
        }

        return files;
    }

    // The one bounded reader: it counts the bytes it reads, so a device or a pipe in a chart folder stops at the limit too.
    private static string ReadBounded(string file) => SchemaText.Read(file);
}
