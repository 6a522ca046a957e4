using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Bootstrap.Analyser.Renovate;

/// <summary>Renovate's helm-values manager (renovatebot/renovate lib/modules/manager/helm-values/{extract,util}.ts): container images
/// in Helm values files, found depth-first under keys ending in "image" (any case): a {repository, tag|version} mapping, or an image
/// string whose missing tag a sibling "tag"/"version" string supplies. An invalid YAML file yields nothing.</summary>
public static partial class HelmValuesExtractor
{
    public const string Manager = "helm-values";

    // The manager's default managerFilePatterns (helm-values/index.ts).
    public static readonly IReadOnlyList<string> DefaultFilePatterns = [@"/(^|/)values\.ya?ml$/"];

    private static readonly string[] SiblingKeys = ["tag", "version"];

    public static IEnumerable<ExtractedDependency> Extract(string file, string content)
    {
        var found = new List<ExtractedDependency>();
        foreach (var document in YamlDocuments.Load(content) ?? [])
        {
            Walk(file, document, found);
        }

        return found;
    }

    private static void Walk(string file, YamlNode node, List<ExtractedDependency> found)
    {
        var entries = node switch
        {
            YamlMappingNode map => map.Children.Select(p => (Key: (p.Key as YamlScalarNode)?.Value ?? "", p.Value)).ToList(),
            YamlSequenceNode list => list.Children.Select((child, i) => (Key: $"{i}", Value: child)).ToList(),
            _ => [],
        };
        foreach (var (key, value) in entries)
        {
            var isImageKey = ImageKey().IsMatch(key);
            if (isImageKey && value is YamlMappingNode image && Has(image, "repository") && (Has(image, "tag") || Has(image, "version")))
            {
                found.Add(FromFields(file, image));
            }
            else if (isImageKey && value is YamlScalarNode scalar
                     && YamlDocuments.JavaScriptValue(scalar) is { IsString: true, Text.Length: > 0 } reference)
            {
                found.AddRange(FromReference(file, scalar, reference.Text, node as YamlMappingNode));
            }
            else
            {
                Walk(file, value, found);
            }
        }
    }

    private static ExtractedDependency FromFields(string file, YamlMappingNode image)
    {
        var registry = Text(YamlDocuments.Child(image, "registry"));
        var repository = Text(YamlDocuments.Child(image, "repository")) ?? "undefined";
        var tagNode = YamlDocuments.Child(image, "tag") is { } tag && Text(tag) is not null ? tag : YamlDocuments.Child(image, "version");
        // [registry/]repository:tag, with tag ?? version, printed as JavaScript's template string prints them.
        var reference = ImageReference.Parse($"{(string.IsNullOrEmpty(registry) ? "" : registry + "/")}{repository}:{Text(tagNode) ?? "undefined"}");
        var line = YamlDocuments.Line(tagNode ?? image);
        return new ExtractedDependency(Manager, file, line, reference?.DepName ?? repository, reference?.Tag, "docker");
    }

    private static IEnumerable<ExtractedDependency> FromReference(string file, YamlScalarNode node, string text, YamlMappingNode? parent)
    {
        if (ImageReference.Parse(text) is not { } reference)
        {
            yield break;
        }

        if (reference.Tag is null && reference.Digest is null && parent is not null && Sibling(parent) is { } sibling)
        {
            var versioned = ImageReference.Parse($"{text}:{sibling.Value}");
            yield return new ExtractedDependency(Manager, file, YamlDocuments.Line(sibling), versioned?.DepName ?? text, versioned?.Tag, "docker");
            yield break;
        }

        yield return new ExtractedDependency(Manager, file, YamlDocuments.Line(node), reference.DepName, reference.Tag, "docker");
    }

    /// <summary>getHelmValuesSiblingVersion: a non-empty string tag, else version.</summary>
    private static YamlScalarNode? Sibling(YamlMappingNode parent) =>
        SiblingKeys.Select(k => YamlDocuments.Child(parent, k)).OfType<YamlScalarNode>()
            .FirstOrDefault(s => YamlDocuments.JavaScriptValue(s) is { IsString: true, Text.Length: > 0 });

    private static bool Has(YamlMappingNode map, string key) => map.Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>The value as JavaScript's template string prints it; null for a missing key or a YAML null (JavaScript's ?? skips both).</summary>
    private static string? Text(YamlNode? node) => node switch
    {
        YamlScalarNode scalar when YamlDocuments.JavaScriptValue(scalar) is var (text, isString) && !(text == "null" && !isString) => text,
        null => null,
        YamlScalarNode => null,
        _ => "[object Object]",
    };

    [GeneratedRegex("image$", RegexOptions.IgnoreCase)]
    private static partial Regex ImageKey();
}
