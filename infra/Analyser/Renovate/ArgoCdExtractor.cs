using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Bootstrap.Analyser.Renovate;

/// <summary>Renovate's argocd manager (renovatebot/renovate lib/modules/manager/argocd/{extract,schema,util}.ts): the chart and Git
/// sources of Applications and ApplicationSet templates, in files with "apiVersion: argoproj.io/", templates stripped, invalid YAML
/// skipped. As its zod schema, a source whose repoURL or targetRevision is no string (a plain 1.20 is a number) drops its document.</summary>
public static partial class ArgoCdExtractor
{
    public const string Manager = "argocd";

    public static IEnumerable<ExtractedDependency> Extract(string file, string content)
    {
        if (!ArgoApiVersion().IsMatch(content) || YamlDocuments.Load(StripTemplates(content)) is not { } documents)
        {
            return [];
        }

        return documents.OfType<YamlMappingNode>().SelectMany(document => Sources(document) ?? []).SelectMany(source => Dependencies(file, source));
    }

    /// <summary>The valid sources of an Application or ApplicationSet document; null when the document fails Renovate's schema.</summary>
    private static List<YamlMappingNode>? Sources(YamlMappingNode document)
    {
        if (!IsString(YamlDocuments.Child(document, "apiVersion")) || YamlDocuments.Child(document, "kind") is not YamlScalarNode { Value: var kind })
        {
            return null;
        }

        var spec = YamlDocuments.Child(document, "spec");
        spec = kind switch
        {
            "Application" => spec,
            "ApplicationSet" => spec is YamlMappingNode set && YamlDocuments.Child(set, "template") is YamlMappingNode template
                ? YamlDocuments.Child(template, "spec")
                : null,
            _ => null,
        };
        if (spec is not YamlMappingNode specMap)
        {
            return null;
        }

        // zod: an optional source or sources that is present must be valid (null is not "absent"); sources drops bad entries.
        var sources = new List<YamlMappingNode>();
        var single = specMap.Children.ContainsKey(new YamlScalarNode("source")) ? YamlDocuments.Child(specMap, "source") : null;
        if (single is not null)
        {
            if (single is not YamlMappingNode source || !IsSource(source))
            {
                return null;
            }

            sources.Add(source);
        }

        if (specMap.Children.ContainsKey(new YamlScalarNode("sources")))
        {
            if (YamlDocuments.Child(specMap, "sources") is not YamlSequenceNode list)
            {
                return null;
            }

            sources.AddRange(list.Children.OfType<YamlMappingNode>().Where(IsSource));
        }

        return sources;
    }

    private static bool IsSource(YamlMappingNode source) =>
        IsString(YamlDocuments.Child(source, "repoURL")) && IsString(YamlDocuments.Child(source, "targetRevision"))
        && (!source.Children.ContainsKey(new YamlScalarNode("chart")) || IsString(YamlDocuments.Child(source, "chart")));

    private static bool IsString(YamlNode? node) => node is YamlScalarNode scalar && YamlDocuments.JavaScriptValue(scalar).IsString;

    private static IEnumerable<ExtractedDependency> Dependencies(string file, YamlMappingNode source)
    {
        var repoUrl = ((YamlScalarNode)YamlDocuments.Child(source, "repoURL")!).Value ?? "";
        var revision = (YamlScalarNode)YamlDocuments.Child(source, "targetRevision")!;
        var line = YamlDocuments.Line(revision);
        var oci = repoUrl.StartsWith("oci://", StringComparison.Ordinal);
        var registry = (oci ? repoUrl["oci://".Length..] : repoUrl).TrimEnd('/');
        // A chart source is a Helm dependency, or a Docker one named registry/chart when repoURL is OCI or has no scheme; any
        // other source is a git-tags dependency on repoURL, plus its kustomize.images ("name=image:tag").
        if (YamlDocuments.Child(source, "chart") is YamlScalarNode { Value: { Length: > 0 } chart })
        {
            yield return oci || !repoUrl.Contains("://", StringComparison.Ordinal)
                ? new ExtractedDependency(Manager, file, line, $"{registry}/{chart}", revision.Value, "docker")
                : new ExtractedDependency(Manager, file, line, chart, revision.Value, "helm");
            yield break;
        }

        if (oci)
        {
            yield return new ExtractedDependency(Manager, file, line, registry, revision.Value, "docker");
            yield break;
        }

        yield return new ExtractedDependency(Manager, file, line, repoUrl, revision.Value, "git-tags");
        if (YamlDocuments.Child(source, "kustomize") is YamlMappingNode kustomize
            && YamlDocuments.Child(kustomize, "images") is YamlSequenceNode images)
        {
            foreach (var image in images.Children.OfType<YamlScalarNode>())
            {
                var reference = KustomizeImage().Match(image.Value ?? "");
                if (reference.Success && ImageReference.Parse(reference.Groups["image"].Value) is { } parsed)
                {
                    yield return new ExtractedDependency(Manager, file, YamlDocuments.Line(image), parsed.DepName, parsed.Tag, "docker");
                }
            }
        }
    }

    /// <summary>lib/util/string.ts stripTemplates: removes each template span; newlines inside one are kept so lines stay put.</summary>
    internal static string StripTemplates(string content) =>
        Template().Replace(content, m => new string('\n', m.Value.Count(c => c == '\n')));

    [GeneratedRegex(@"\s*apiVersion:\s*'?""?argoproj.io/")]
    private static partial Regex ArgoApiVersion();

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", RegexOptions.Singleline)]
    private static partial Regex Template();

    [GeneratedRegex("=(?<image>.+)$")]
    private static partial Regex KustomizeImage();
}
