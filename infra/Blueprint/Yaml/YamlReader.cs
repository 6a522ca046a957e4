using System.Text.Json.Nodes;

namespace Bootstrap.Blueprint.Yaml;

/// <summary>
/// Reads YAML into System.Text.Json nodes, so every input (stack files, manifests, values) binds through one JSON path.
/// It reads YAML as Pulumi does: Pulumi loads stack files with go-yaml v3 (pulumi/pulumi
/// sdk/go/common/encoding/marshal.go, gopkg.in/yaml.v3 v3.0.1 in sdk/go.mod), so this reader accepts and refuses what
/// go-yaml v3 does (characters, aliases, merge keys, duplicate keys, how plain scalars resolve), with the line and column.
/// </summary>
public static class YamlReader
{
    /// <summary>
    /// The deepest nesting read: System.Text.Json's default maximum depth (JsonDocumentOptions.MaxDepth, 64), the limit the
    /// Pulumi program reads its config with. go-yaml itself stops at 10,000 (scannerc.go max_flow_level, max_indents).
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The most nodes one document may hold, as written and once its aliases are expanded (a stack file has about two
    /// hundred): it bounds the memory any input can take. go-yaml has no such limit (only its alias ratio, decode.go
    /// allowedAliasRatio, which this reader applies first), but holds a few million nodes in far less memory than a JSON
    /// tree of them takes here.
    /// </summary>
    public const int MaxNodes = 250_000;

    /// <summary>Parses one YAML document. An empty document yields null.</summary>
    public static JsonNode? Parse(string yaml, string source)
    {
        var documents = ParseAll(yaml, source);
        return documents.Count switch
        {
            0 => null,
            1 => documents[0],
            _ =>
                throw new YamlFormatException(
                    source, 1, 1, $"holds {documents.Count} YAML documents where one was expected (go-yaml would read only the first)"),
        };
    }

    /// <summary>Parses every document of a multi-document YAML stream; empty documents are skipped.</summary>
    public static IReadOnlyList<JsonNode?> ParseAll(string yaml, string source)
    {
        YamlCharacters.Check(yaml, source);
        return YamlComposer.Compose(yaml, source)
            .Where(root => !root.IsEmptyScalar)
            .Select(root => new YamlDecoder(source).Decode(root))
            .ToList();
    }
}

/// <summary>A YAML file that cannot be read: names the file, line and column, and what is wrong there.</summary>
public sealed class YamlFormatException(string source, int line, int column, string problem)
    : Exception($"{source}:{line}:{column}: {problem}")
{
    public string File { get; } = source;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public string Problem { get; } = problem;

    /// <summary><c>file:line:column</c>, as compilers and editors point at a place.</summary>
    public string Location => $"{File}:{Line}:{Column}";
}
