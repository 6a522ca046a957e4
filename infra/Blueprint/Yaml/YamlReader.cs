using System.Text.Json.Nodes;

namespace Bootstrap.Blueprint.Yaml;

/// <summary>Reads YAML into System.Text.Json nodes, so every input binds through one JSON path, accepting and refusing what
/// Pulumi's stack-file reader, go-yaml v3, does (pulumi/pulumi sdk/go/common/encoding/marshal.go): characters, aliases,
/// merge and duplicate keys, plain-scalar resolution; errors carry line and column.</summary>
public static class YamlReader
{
    /// <summary>
    /// The deepest nesting read: System.Text.Json's default maximum depth (JsonDocumentOptions.MaxDepth, 64), the limit the
    /// Pulumi program reads its config with. go-yaml itself stops at 10,000 (scannerc.go max_flow_level, max_indents).
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes one document may hold, as written and expanded (a stack file has about 200): bounds the memory any
    /// input takes. go-yaml has only its alias ratio (decode.go allowedAliasRatio, applied first), but its nodes are far smaller
    /// than this JSON tree's.</summary>
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
