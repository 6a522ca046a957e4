using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Addons;
using NJsonSchema;

namespace Bootstrap.Analyser.Lint;

/// <summary>Finds values keys that neither the chart's values.yaml nor its values.schema.json has. Helm ignores unknown keys silently
/// and most chart schemas allow extra keys (Cilium's has no additionalProperties: false), so <c>cgroup.automount</c> passes the
/// schema although Talos needs <c>cgroup.autoMount</c>.</summary>
public static class ChartValueKeys
{
    private const int ListedKeys = 20;

    public static IReadOnlyList<SchemaViolation> Unknown(JsonObject values, ChartSchema chart)
    {
        var found = new List<SchemaViolation>();
        var schemas = chart.ValuesSchema is { } schema ? new[] { schema } : [];
        Walk(values, chart.Defaults, schemas, [], "", chart, found);
        return found;
    }

    private static void Walk(
        JsonObject values,
        JsonObject? defaults,
        IReadOnlyList<JsonSchema> schemas,
        List<string> keys,
        string path,
        ChartSchema chart,
        List<SchemaViolation> found)
    {
        foreach (var (key, value) in values)
        {
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            JsonNode? childDefault = null;
            var inDefaults = defaults?.TryGetPropertyValue(key, out childDefault) ?? false;
            var childSchemas = schemas.SelectMany(s => Property(s, key)).ToList();
            if (!inDefaults && childSchemas.Count == 0)
            {
                found.Add(UnknownKey(key, path, defaults, schemas, chart));
                continue;
            }

            List<string> childKeys = [.. keys, key];
            if (FreeFormValues.Contains(chart.Name, childKeys)
                || (inDefaults && childDefault is null or JsonObject { Count: 0 })
                || childSchemas.Any(IsOpenMap))
            {
                continue;
            }

            switch (value)
            {
                case JsonObject map when childDefault is JsonObject || childSchemas.Any(HasProperties):
                    Walk(map, childDefault as JsonObject, childSchemas, childKeys, childPath, chart, found);
                    break;
                case JsonArray list when childDefault is JsonArray examples && examples.OfType<JsonObject>().Any():
                    // List items are checked only against the item values.yaml shows as an example; a list without one takes anything.
                    var example = HelmValues.Merge(examples.OfType<JsonObject>());
                    var itemSchemas = childSchemas.SelectMany(Items).ToList();
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is JsonObject item)
                        {
                            Walk(item, example, itemSchemas, childKeys, $"{childPath}[{i}]", chart, found);
                        }
                    }

                    break;
            }
        }
    }

    private static SchemaViolation UnknownKey(string key, string parent, JsonObject? defaults, IReadOnlyList<JsonSchema> schemas, ChartSchema chart)
    {
        var path = parent.Length == 0 ? key : $"{parent}.{key}";
        var known = (defaults?.Select(p => p.Key) ?? [])
            .Concat(schemas.SelectMany(PropertyNames))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var where = chart.ValuesSchema is null
            ? "its values.yaml does not have it (the chart ships no values.schema.json)"
            : "neither its values.yaml nor its values.schema.json has it";
        var sameButCase = known.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
        var fix = sameButCase is not null
            ? $"did you mean {(parent.Length == 0 ? sameButCase : $"{parent}.{sameButCase}")}?"
            : known.Count is > 0 and <= ListedKeys
                ? $"remove it, or use a key the chart has {(parent.Length == 0 ? "at the top level" : $"under {parent}")}: {string.Join(", ", known)}"
                : $"remove it, or look the key up in the values.yaml of {chart.Name} {chart.Version}";
        return new SchemaViolation(path, $"is not a value of chart {chart.Name} {chart.Version}: {where}", fix);
    }

    // A schema's properties may sit directly on it or in allOf/anyOf/oneOf branches (Cilium describes list items with anyOf).
    private static IEnumerable<JsonSchema> WithBranches(JsonSchema schema)
    {
        var actual = schema.ActualSchema;
        yield return actual;
        foreach (var branch in actual.AllOf.Concat(actual.AnyOf).Concat(actual.OneOf))
        {
            foreach (var nested in WithBranches(branch))
            {
                yield return nested;
            }
        }
    }

    private static IEnumerable<JsonSchema> Property(JsonSchema schema, string key) =>
        WithBranches(schema).Select(s => s.Properties.TryGetValue(key, out var property) ? property.ActualSchema : null).OfType<JsonSchema>();

    private static IEnumerable<string> PropertyNames(JsonSchema schema) => WithBranches(schema).SelectMany(s => s.Properties.Keys);

    private static IEnumerable<JsonSchema> Items(JsonSchema schema) =>
        WithBranches(schema).SelectMany(s => s.Items.Append(s.Item).OfType<JsonSchema>()).Select(s => s.ActualSchema);

    private static bool HasProperties(JsonSchema schema) => WithBranches(schema).Any(s => s.Properties.Count > 0);

    /// <summary>A map whose keys the schema leaves open: additionalProperties with a schema, patternProperties, or an
    /// object without properties.</summary>
    private static bool IsOpenMap(JsonSchema schema) =>
        WithBranches(schema).Any(s => s.AdditionalPropertiesSchema is not null || s.PatternProperties.Count > 0)
        || (!HasProperties(schema) && (schema.ActualSchema.Type == JsonObjectType.None || schema.ActualSchema.Type.HasFlag(JsonObjectType.Object)));
}
