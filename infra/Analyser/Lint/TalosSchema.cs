using NJsonSchema;

namespace Bootstrap.Analyser.Lint;

/// <summary>
/// A Talos release's machine-config schema, split by document kind. The file's top level is a <c>oneOf</c> over every
/// kind, which only ever says "NotOneOf"; validating a document against its own kind's definition names the exact field.
/// </summary>
public sealed class TalosSchema
{
    /// <summary>The definition for documents without <c>kind</c>: the classic v1alpha1 machine config.</summary>
    public const string ConfigDefinition = "v1alpha1.Config";

    private readonly Dictionary<string, JsonSchema> _byKind;

    private TalosSchema(string version, JsonSchema config, Dictionary<string, JsonSchema> byKind)
    {
        Version = version;
        Config = config;
        _byKind = byKind;
    }

    public string Version { get; }

    public JsonSchema Config { get; }

    /// <summary>The typed document kinds this release accepts (HostnameConfig, LinkConfig, ...), sorted.</summary>
    public IReadOnlyList<string> Kinds => _byKind.Keys.Order(StringComparer.Ordinal).ToList();

    public JsonSchema? ForKind(string kind) => _byKind.GetValueOrDefault(kind);

    public static TalosSchema Load(string file, string version)
    {
        var schema = SchemaDocument.Parse(SchemaText.Read(file), file);
        if (!schema.Definitions.TryGetValue(ConfigDefinition, out var config))
        {
            throw new SchemaFileException(file, $"has no {ConfigDefinition} definition; is it a Talos config.schema.json?");
        }

        // Each typed document's definition pins its kind with properties.kind.enum, e.g. LinkConfig.
        var byKind = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var definition in schema.Definitions.Values.Select(d => d.ActualSchema))
        {
            if (definition.Properties.TryGetValue("kind", out var kind))
            {
                foreach (var name in kind.ActualSchema.Enumeration.OfType<object>().Select(e => e.ToString()).OfType<string>())
                {
                    byKind[name] = definition;
                }
            }
        }

        return new TalosSchema(version, config.ActualSchema, byKind);
    }
}
