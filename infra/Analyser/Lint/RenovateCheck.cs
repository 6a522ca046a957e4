using System.Text.Json.Nodes;
using System.Text.Json;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Analyser.Lint;

/// <summary>renovate.json against Renovate's published schema; top-level keys the schema does not know are errors too
/// (its root allows any key, so a typo would pass).</summary>
public static class RenovateCheck
{
    public const string File = "renovate.json";
    public const string SchemaFile = "renovate-schema.json";
    public const string SchemaPath = "renovate/renovate-schema.json";

    public static IReadOnlyList<Diagnostic> Check(SchemaSet schemas, IRepository repository)
    {
        var text = repository.ReadFile(File);
        if (text is null)
        {
            return [FindingId.RenovateConfig.At(
                File, "does not exist", "restore renovate.json: it keeps chart, Talos and Kubernetes versions current")];
        }

        // The pinned release's schema (the cache keeps it by version), else a mirror's unversioned copy (../shared/schemas).
        var schemaFile = schemas.Roots
            .SelectMany(r => new[] { Path.Combine(r, "renovate", SchemaPins.RenovateVersion, SchemaFile), Path.Combine(r, SchemaPath) })
            .FirstOrDefault(System.IO.File.Exists) ?? Path.Combine(schemas.Root, SchemaPath);
        if (!System.IO.File.Exists(schemaFile))
        {
            return [FindingId.SchemaMissing.At(
                File,
                $"cannot be validated: no Renovate schema at {schemaFile}{schemas.WhyMissing($"renovate/{SchemaPins.RenovateVersion}")}",
                "add renovate-schema.json from the renovate npm package to the schema folder")];
        }

        JsonObject config;
        try
        {
            config = JsonNode.Parse(text) as JsonObject ?? [];
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return [FindingId.RenovateConfig.At(File, $"is not valid JSON ({e.Message})", "fix the JSON syntax")];
        }

        var schemaText = SchemaText.Read(schemaFile);
        NJsonSchema.JsonSchema schema;
        try
        {
            if (JsonNode.Parse(schemaText, documentOptions: new() { MaxDepth = 512 }) is not JsonObject)
            {
                throw new SchemaFileException(schemaFile, "is not a JSON Schema: its top level is not a JSON object");
            }

            // Each manager's options object refers back to the whole schema ("$ref": "#"), a cycle NJsonSchema cannot
            // resolve. Dropping that back-reference only stops checking root options nested inside a manager object.
            schema = SchemaDocument.Parse(WithoutRootReferences(schemaText), schemaFile);
        }
        catch (SchemaFileException e)
        {
            return [FindingId.SchemaFileBroken.At(e.File, e.Problem, "use renovate-schema.json from the renovate npm package")];
        }
        catch (JsonException e)
        {
            return [FindingId.SchemaFileBroken.At(
                schemaFile, $"is not JSON ({e.Message})", "use renovate-schema.json from the renovate npm package")];
        }

        var known = (JsonNode.Parse(schemaText)?["properties"] as JsonObject ?? []).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var findings = config.Select(p => p.Key)
            .Where(key => key != "$schema" && !known.Contains(key))
            .Select(key => FindingId.RenovateConfig.At(
                $"{File}: {key}",
                "is not a Renovate option: Renovate would ignore it",
                "check the name at https://docs.renovatebot.com/configuration-options/"))
            .ToList();
        findings.AddRange(SchemaViolation.Find(schema, config).Select(v => FindingId.RenovateConfig.At($"{File}: {v.Where}", v.Problem, v.Fix)));
        return findings;
    }

    private static string WithoutRootReferences(string schemaText)
    {
        var schema = JsonNode.Parse(schemaText)!;
        foreach (var definition in (schema["definitions"] as JsonObject ?? []).Select(p => p.Value).OfType<JsonObject>())
        {
            if (JsonObjectText(definition["$ref"]) == "#")
            {
                definition.Remove("$ref");
            }
        }

        return schema.ToJsonString();
    }

    private static string? JsonObjectText(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
