using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace Bootstrap.Analyser.Lint;

/// <summary>The built-in Kubernetes API of one minor, from its OpenAPI v3 documents as kubernetes/kubernetes api/openapi-spec/v3
/// publishes them (<c>kubernetes/&lt;minor&gt;/api/v1.json</c>, <c>apis/&lt;group&gt;/&lt;version&gt;.json</c>), indexed by
/// <c>x-kubernetes-group-version-kind</c>. A document is parsed when one of its kinds is first asked for, into one JSON Schema whose
/// objects are closed as the API server's strict field validation treats them.</summary>
public sealed class KubernetesSchema
{
    public const string ObjectMetaName = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private const string ComponentsRef = "#/components/schemas/";

    private const string NamespacedSegment = "/namespaces/{namespace}/";

    private readonly Dictionary<ApiKind, (string File, string Name)> _kinds;
    private readonly Dictionary<(string Group, string Kind), bool> _namespaced;
    private readonly ConcurrentDictionary<string, Lazy<JsonSchema>> _documents = new(StringComparer.Ordinal);

    private KubernetesSchema(string minor, Dictionary<ApiKind, (string File, string Name)> kinds, Dictionary<(string, string), bool> namespaced)
    {
        Minor = minor;
        _kinds = kinds;
        _namespaced = namespaced;
    }

    public string Minor { get; }

    public IEnumerable<ApiKind> Kinds => _kinds.Keys;

    /// <summary>Indexes every document below <paramref name="folder"/> by the kinds it serves.</summary>
    /// <exception cref="SchemaFileException">A document is not OpenAPI JSON.</exception>
    public static KubernetesSchema Load(string folder, string minor)
    {
        var kinds = new Dictionary<ApiKind, (string File, string Name)>();
        var namespaced = new Dictionary<(string, string), bool>();
        foreach (var file in Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var document = Document(file);
            foreach (var (kind, isNamespaced) in PathKinds(document))
            {
                // A namespaced kind also has an all-namespaces list path, so any path below a namespace decides.
                namespaced[kind] = namespaced.GetValueOrDefault(kind) || isNamespaced;
            }

            foreach (var (name, schema) in Components(document, file))
            {
                foreach (var kind in (schema?["x-kubernetes-group-version-kind"] as JsonArray ?? []).OfType<JsonObject>().Select(KindOf))
                {
                    // Shared types (DeleteOptions, WatchEvent) list many kinds; the type named after the kind wins.
                    var namedAfterKind = name.EndsWith($".{kind.Kind}", StringComparison.Ordinal);
                    if (!kinds.TryGetValue(kind, out var known)
                        || (namedAfterKind && !known.Name.EndsWith($".{kind.Kind}", StringComparison.Ordinal)))
                    {
                        kinds[kind] = (file, name);
                    }
                }
            }
        }

        return new KubernetesSchema(minor, kinds, namespaced);
    }

    /// <summary>Whether this release serves a kind in namespaces (true), cluster-wide (false) or not at all (null), as discovery's
    /// <c>namespaced</c>: the API server registers a namespaced kind's paths below <c>namespaces/{namespace}/</c> (kubernetes/kubernetes
    /// staging/src/k8s.io/apiserver/pkg/endpoints/installer.go registerResourceHandlers), and the OpenAPI documents list them.</summary>
    public bool? IsNamespaced(string group, string kind) => _namespaced.TryGetValue((group, kind), out var value) ? value : null;

    /// <summary>The schema of a built-in kind, or null when no document of this release serves it.</summary>
    public JsonSchema? For(ApiKind kind) =>
        _kinds.TryGetValue(kind, out var where) ? Definition(where.File, where.Name) : null;

    /// <summary>ObjectMeta, which every object's <c>metadata</c> is, custom resources included.</summary>
    public JsonSchema? ObjectMeta =>
        _kinds.Values.Select(k => k.File).Order(StringComparer.Ordinal).FirstOrDefault() is { } file ? Definition(file, ObjectMetaName) : null;

    /// <summary>The versions this release serves a group's kinds at: for "served as ..." hints.</summary>
    public IReadOnlyList<string> Served(string group, string kind) =>
        _kinds.Keys.Where(k => k.Group == group && k.Kind == kind).Select(k => k.ApiVersion).Order(StringComparer.Ordinal).ToList();

    public bool ServesGroup(string group) => _kinds.Keys.Any(k => k.Group == group);

    private JsonSchema? Definition(string file, string name)
    {
        var document = _documents.GetOrAdd(file, f => new Lazy<JsonSchema>(() => Parse(f), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        return document.Definitions.TryGetValue(name, out var schema) ? schema : null;
    }

    private static JsonSchema Parse(string file)
    {
        var definitions = new JsonObject();
        foreach (var (name, schema) in Components(file))
        {
            var strict = schema?.DeepClone();
            StrictSchema.Close(strict);
            definitions[name] = strict;
        }

        // NJsonSchema resolves draft-04 "#/definitions/..." references: the components become definitions, their references follow.
        var text = new JsonObject { ["definitions"] = definitions }.ToJsonString()
            .Replace($"\"{ComponentsRef}", "\"#/definitions/", StringComparison.Ordinal);
        return SchemaDocument.Parse(text, file);
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Components(string file) => Components(Document(file), file);

    private static JsonNode? Document(string file)
    {
        try
        {
            return JsonNode.Parse(SchemaText.Read(file));
        }
        catch (JsonException e)
        {
            throw new SchemaFileException(file, $"is not JSON: {e.Message}");
        }
    }

    /// <summary>Each operation's kind, and whether its path is below a namespace (a path item also holds "parameters", a list).</summary>
    private static IEnumerable<((string Group, string Kind) Kind, bool Namespaced)> PathKinds(JsonNode? document) =>
        ((document as JsonObject)?["paths"] as JsonObject ?? [])
            .SelectMany(path => (path.Value as JsonObject ?? [])
                .Select(operation => (operation.Value as JsonObject)?["x-kubernetes-group-version-kind"] as JsonObject)
                .OfType<JsonObject>()
                .Select(gvk => ((Text(gvk["group"]), Text(gvk["kind"])), path.Key.Contains(NamespacedSegment, StringComparison.Ordinal))));

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Components(JsonNode? document, string file)
    {
        // Any JSON may stand in the file: indexing a list or a value by name would throw, so only objects are walked.
        return ((document as JsonObject)?["components"] as JsonObject)?["schemas"] as JsonObject
            ?? throw new SchemaFileException(file, "has no components.schemas; is it a Kubernetes OpenAPI v3 document (api/openapi-spec/v3)?");
    }

    private static ApiKind KindOf(JsonObject gvk) =>
        new(Text(gvk["group"]), Text(gvk["version"]), Text(gvk["kind"]));

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";
}
