using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bootstrap.Blueprint.Yaml;

/// <summary>Reads YAML into System.Text.Json nodes, so every input (stack files, manifests, values) binds through one JSON path.</summary>
/// <remarks>Plain scalars are typed by the YAML 1.2 core schema (as Pulumi, Helm and Argo CD read them); quoted scalars stay strings.</remarks>
public static partial class YamlReader
{
    /// <summary>Parses one YAML document. An empty document yields null.</summary>
    public static JsonNode? Parse(string yaml, string source)
    {
        var documents = ParseAll(yaml, source);
        return documents.Count switch
        {
            0 => null,
            1 => documents[0],
            _ => throw new YamlFormatException(source, 1, $"holds {documents.Count} YAML documents where one was expected"),
        };
    }

    /// <summary>Parses every document of a multi-document YAML stream; empty documents are skipped.</summary>
    public static IReadOnlyList<JsonNode?> ParseAll(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new YamlFormatException(source, (int)e.Start.Line, Unwrap(e).Message);
        }

        return stream.Documents
            .Where(d => d.RootNode is not YamlScalarNode { Value: null or "", Style: ScalarStyle.Plain })
            .Select(d => Convert(d.RootNode, source))
            .ToList();
    }

    private static Exception Unwrap(Exception e) => e.InnerException is YamlException inner ? Unwrap(inner) : e;

    private static JsonNode? Convert(YamlNode node, string source) => node switch
    {
        YamlMappingNode map => ConvertMap(map, source),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(c => Convert(c, source)).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new YamlFormatException(source, (int)node.Start.Line, $"has an unsupported YAML node {node.NodeType}"),
    };

    private static JsonObject ConvertMap(YamlMappingNode map, string source)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new YamlFormatException(source, (int)key.Start.Line, "has a mapping key that is not a plain string");
            }

            result[name] = Convert(value, source);
        }

        return result;
    }

    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return JsonValue.Create(text);
        }

        if (NullPattern().IsMatch(text))
        {
            return null;
        }

        if (BoolPattern().IsMatch(text))
        {
            return JsonValue.Create(text.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (IntPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex("^(~|null|Null|NULL|)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}

/// <summary>A YAML file that cannot be read: names the file and line.</summary>
public sealed class YamlFormatException(string source, int line, string problem)
    : Exception($"{source}:{line}: {problem}")
{
    public string File { get; } = source;

    public int Line { get; } = line;

    public string Problem { get; } = problem;
}
