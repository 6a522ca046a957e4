using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Analyser.ChartRender;

/// <summary>The output of <c>helm template</c>: YAML documents, each after a <c># Source: chart/templates/file.yaml</c> line. A document
/// parsed before (renders of one chart share most, CRDs above all) is not parsed again: objects are shared, so checks only read them.</summary>
public sealed class RenderedManifest
{
    private const string SourcePrefix = "# Source: ";
    private readonly ConcurrentDictionary<string, IReadOnlyList<RenderedObject>> _parsed = new(StringComparer.Ordinal);

    /// <exception cref="YamlFormatException">A rendered document is not YAML, or not a mapping.</exception>
    public IReadOnlyList<RenderedObject> Parse(string output, string source) =>
        Documents(output).SelectMany(document => _parsed.GetOrAdd(document, d => ParseDocument(d, source))).ToList();

    private static List<RenderedObject> ParseDocument(string document, string source)
    {
        var sourceLine = document.Split('\n').FirstOrDefault(l => l.StartsWith(SourcePrefix, StringComparison.Ordinal));
        var template = sourceLine?[SourcePrefix.Length..].Trim() ?? "(no source)";
        return YamlReader.ParseAll(document, $"{source}: {template}")
            .Select(node => node is JsonObject body
                ? new RenderedObject(template, body, document)
                : throw new YamlFormatException($"{source}: {template}", 1, 1, "renders a YAML document that is not a Kubernetes object"))
            .ToList();
    }

    // Helm separates documents with a line "---"; a block scalar's content is indented, so such a line always ends a document.
    private static IEnumerable<string> Documents(string output)
    {
        var current = new List<string>();
        foreach (var line in output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.TrimEnd() == "---")
            {
                yield return string.Join('\n', current);
                current.Clear();
                continue;
            }

            current.Add(line);
        }

        yield return string.Join('\n', current);
    }
}
