using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Repository;
using YamlDotNet.RepresentationModel;

namespace Bootstrap.Analyser.Renovate;

/// <summary>Every version pinned in gitops/, stacks/ (YAML, JSON) and Pulumi.&lt;stack&gt;.yaml, found by shape, not by a list of files,
/// so a new file is covered the day it is added: a version-like value (1.2, v1.13.9, 1.29-alpine, sha256:...; not main or latest) as a
/// targetRevision, an image tag, a tag/version/*Tag/*Version key (never apiVersion) or in a URL. .NET packages and GitHub Actions
/// are outside it: Renovate's default nuget and github-actions managers read them.</summary>
public static partial class Pins
{
    public static readonly IReadOnlyList<string> Folders = ["gitops", "stacks"];

    /// <summary>The files the scan reads: YAML and JSON below <see cref="Folders"/> (not JSON schemas) and the root stack files.</summary>
    public static IReadOnlyList<string> Files(IRepository repository) =>
        Folders.SelectMany(folder => repository.ListFilesBelow(folder, "*"))
            .Where(f => YamlOrJson().IsMatch(f) && !f.EndsWith(".schema.json", StringComparison.Ordinal))
            // The stack files: Pulumi.<stack>.yaml where <stack> is a stack name (others are no stack, as plan and lint see it).
            .Concat(repository.ListFiles("", "Pulumi.*.yaml").Where(f => StackName.IsValid(f["Pulumi.".Length..^".yaml".Length])))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<PinnedVersion> Find(IRepository repository) =>
        Files(repository).SelectMany(file => Find(file, repository.ReadFile(file) ?? "")).ToList();

    public static IEnumerable<PinnedVersion> Find(string file, string content)
    {
        var found = new List<PinnedVersion>();
        foreach (var document in YamlDocuments.Load(content) ?? [])
        {
            Walk(file, document, found, "");
        }

        return found.DistinctBy(p => (p.Line, p.Version)).OrderBy(p => p.Line);
    }

    public static bool IsVersion(string text) => Version().IsMatch(text) || Digest().IsMatch(text);

    private static void Walk(string file, YamlNode node, List<PinnedVersion> found, string key)
    {
        switch (node)
        {
            case YamlMappingNode map:
                Mapping(file, map, found, key);
                foreach (var (name, child) in map.Children)
                {
                    Walk(file, child, found, Key(key, (name as YamlScalarNode)?.Value ?? ""));
                }

                break;
            case YamlSequenceNode list:
                foreach (var child in list.Children)
                {
                    Walk(file, child, found, key + "[]");
                }

                break;
            case YamlScalarNode { Value: { } text } scalar when UrlVersion(text) is { } version:
                found.Add(new PinnedVersion(file, YamlDocuments.Line(scalar), $"URL {text}", version, key));
                break;
        }
    }

    private static void Mapping(string file, YamlMappingNode map, List<PinnedVersion> found, string at)
    {
        if (Scalar(map, "targetRevision") is { } revision && IsVersion(revision.Value!))
        {
            var what = Scalar(map, "chart")?.Value is { Length: > 0 } chart ? $"chart {chart}" : $"source {Scalar(map, "repoURL")?.Value}";
            found.Add(new PinnedVersion(file, YamlDocuments.Line(revision), what, revision.Value!, Key(at, "targetRevision")));
        }

        var repository = Scalar(map, "repository")?.Value;
        foreach (var (key, value) in map.Children.Select(p => ((p.Key as YamlScalarNode)?.Value ?? "", p.Value)))
        {
            if (value is not YamlScalarNode { Value: { } text } scalar)
            {
                continue;
            }

            if (VersionKey().IsMatch(key) && key != "apiVersion" && IsVersion(text))
            {
                var chart = Scalar(map, "chart")?.Value;
                var what = repository is not null && key is "tag" or "version" ? $"image {repository}"
                    : chart is not null && key == "version" ? $"chart {chart}"
                    : key;
                found.Add(new PinnedVersion(file, YamlDocuments.Line(scalar), what, text, Key(at, key)));
            }
            else if (ImageKey().IsMatch(key) && ImageReference.Parse(text) is { } image && (image.Tag ?? image.Digest) is { } tag && IsVersion(tag))
            {
                found.Add(new PinnedVersion(file, YamlDocuments.Line(scalar), $"image {image.DepName}", tag, Key(at, key)));
            }
        }
    }

    /// <summary>A version in a URL's path or ref= query: https://github.com/o/r/releases/download/v1.6.1/x.yaml, ...//path?ref=v1.2.</summary>
    private static string? UrlVersion(string text)
    {
        var url = text.StartsWith("github.com/", StringComparison.Ordinal) ? $"https://{text}" : text;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "oci" or "git" or "ssh"))
        {
            return null;
        }

        var parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Concat(uri.Query.TrimStart('?').Split('&').Where(q => q.StartsWith("ref=", StringComparison.Ordinal)).Select(q => q[4..]));
        return parts.Select(Uri.UnescapeDataString).FirstOrDefault(IsVersion);
    }

    private static string Key(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    private static YamlScalarNode? Scalar(YamlMappingNode map, string key) => YamlDocuments.Child(map, key) as YamlScalarNode;

    [GeneratedRegex(@"^v?\d+(\.\d+)+([-+][0-9A-Za-z][0-9A-Za-z.+-]*)?$")]
    private static partial Regex Version();

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex Digest();

    [GeneratedRegex("^(tag|version|newTag|[A-Za-z0-9]+(Tag|Version))$")]
    private static partial Regex VersionKey();

    [GeneratedRegex("image$", RegexOptions.IgnoreCase)]
    private static partial Regex ImageKey();

    [GeneratedRegex(@"\.(ya?ml|json)$")]
    private static partial Regex YamlOrJson();
}
