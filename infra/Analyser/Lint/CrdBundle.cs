using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Yaml;
using NJsonSchema;

namespace Bootstrap.Analyser.Lint;

/// <summary>The custom resource kinds one schema folder version defines (e.g. <c>gateway-api/v1.6.1</c>), from CRD YAML files or from
/// JSON Schemas converted from CRDs, named <c>&lt;kind&gt;_&lt;version&gt;.json</c> (datreeio/CRDs-catalog style; the family names
/// their group). Schemas are built on first use.</summary>
public sealed class CrdBundle
{
    private readonly Dictionary<(string Group, string Kind), Entry> _kinds;
    private readonly ConcurrentDictionary<ApiKind, Lazy<JsonSchema>> _schemas = new();

    private CrdBundle(string label, Dictionary<(string Group, string Kind), Entry> kinds)
    {
        Label = label;
        _kinds = kinds;
    }

    /// <summary>Where the schemas come from, as lint reports it (e.g. "gateway-api v1.6.1").</summary>
    public string Label { get; }

    public IEnumerable<ApiKind> Kinds => _kinds.SelectMany(k => k.Value.Versions.Select(v => new ApiKind(k.Key.Group, v, k.Value.Kind)));

    /// <exception cref="SchemaFileException">A file is there but unreadable.</exception>
    public static CrdBundle Load(string folder, string label, string? jsonSchemaGroup)
    {
        var kinds = new Dictionary<(string, string), Entry>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            foreach (var crd in Documents(file).Where(d => GitOpsObject.Text(d["kind"]) == "CustomResourceDefinition"))
            {
                var group = GitOpsObject.Text(crd["spec"]?["group"]) ?? "";
                var kind = GitOpsObject.Text(crd["spec"]?["names"]?["kind"]) ?? "";
                var versions = (crd["spec"]?["versions"] as JsonArray ?? []).OfType<JsonObject>()
                    .Where(v => v["served"] is not JsonValue served || served.GetValueKind() != JsonValueKind.False)
                    .Select(v => GitOpsObject.Text(v["name"]))
                    .OfType<string>()
                    .ToList();
                var scope = GitOpsObject.Text(crd["spec"]?["scope"]);
                var namespaced = scope == "Namespaced" ? true : scope == "Cluster" ? false : (bool?)null;
                kinds[(group, kind.ToLowerInvariant())] = new Entry(kind, versions, AllVersions: true, file, crd, namespaced);
            }
        }

        // A converted schema holds one version of one kind, named in lower case; the versions it is also served at are unknown.
        foreach (var file in jsonSchemaGroup is null ? [] : Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray())
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            var split = stem.LastIndexOf('_');
            if (split > 0)
            {
                var kind = KindFromDescription(file, stem[..split]);
                kinds[(jsonSchemaGroup!, stem[..split])] = new Entry(kind, [stem[(split + 1)..]], AllVersions: false, file, null, null);
            }
        }

        return new CrdBundle(label, kinds);
    }

    /// <summary>What this bundle says about a kind: its schema, "not served at this version", or nothing (not one of its kinds).</summary>
    public KindSchema? Find(ApiKind kind)
    {
        if (!_kinds.TryGetValue((kind.Group, kind.Kind.ToLowerInvariant()), out var entry) || entry.Kind != kind.Kind)
        {
            return null;
        }

        if (!entry.Versions.Contains(kind.Version, StringComparer.Ordinal))
        {
            // Only a CRD lists every version it serves; a converted schema knows one, so other versions are simply unknown.
            return entry.AllVersions
                ? KindSchema.NotServed(Label, entry.Versions.Select(v => new ApiKind(kind.Group, v, entry.Kind).ApiVersion).ToList())
                : null;
        }

        var schema = _schemas.GetOrAdd(kind, k => new Lazy<JsonSchema>(() => Build(entry, k.Version), LazyThreadSafetyMode.ExecutionAndPublication))
            .Value;
        return KindSchema.Found(Label, schema, customResource: true);
    }

    /// <summary>The kind's CRD <c>spec.scope</c> (Namespaced: true, Cluster: false), or null when this bundle does not define the
    /// kind or holds only a JSON Schema converted from its CRD, which keeps no scope.</summary>
    public bool? IsNamespaced(string group, string kind) =>
        _kinds.TryGetValue((group, kind.ToLowerInvariant()), out var entry) && entry.Kind == kind ? entry.Namespaced : null;

    private static JsonSchema Build(Entry entry, string version)
    {
        if (entry.Crd is not null)
        {
            return CrdSchema.FromCrd(entry.Crd, version, entry.File);
        }

        try
        {
            return CrdSchema.FromOpenApi(
                JsonNode.Parse(SchemaText.Read(entry.File)) as JsonObject
                    ?? throw new SchemaFileException(entry.File, "is not a JSON Schema: its top level is not a JSON object"),
                entry.File);
        }
        catch (JsonException e)
        {
            throw new SchemaFileException(entry.File, $"is not JSON: {e.Message}");
        }
    }

    /// <summary>
    /// The kind's casing: CRD types are Go types whose doc comment, the schema's description, starts with the type name
    /// ("CiliumNetworkPolicy is a Kubernetes third-party resource ..."). Falls back to the lower-case file name.
    /// </summary>
    private static string KindFromDescription(string file, string lowerCaseKind)
    {
        try
        {
            var description = GitOpsObject.Text((JsonNode.Parse(SchemaText.Read(file)) as JsonObject)?["description"]) ?? "";
            var first = description.Split(' ', 2)[0];
            return string.Equals(first, lowerCaseKind, StringComparison.OrdinalIgnoreCase) ? first : lowerCaseKind;
        }
        catch (JsonException e)
        {
            throw new SchemaFileException(file, $"is not JSON: {e.Message}");
        }
    }

    private static List<JsonObject> Documents(string file)
    {
        try
        {
            return YamlReader.ParseAll(SchemaText.Read(file), file).OfType<JsonObject>().ToList();
        }
        catch (YamlFormatException e)
        {
            throw new SchemaFileException(file, $"line {e.Line}: {e.Problem}");
        }
    }

    private sealed record Entry(string Kind, IReadOnlyList<string> Versions, bool AllVersions, string File, JsonObject? Crd, bool? Namespaced);
}

/// <summary>What the schema folder knows about one kind: its schema, or that the API serves the kind only at other versions.</summary>
public sealed record KindSchema(string Source, JsonSchema? Schema, IReadOnlyList<string> ServedAs, bool CustomResource)
{
    public static KindSchema Found(string source, JsonSchema schema, bool customResource) => new(source, schema, [], customResource);

    public static KindSchema NotServed(string source, IReadOnlyList<string> servedAs) => new(source, null, servedAs, false);
}
