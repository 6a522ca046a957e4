using NJsonSchema;
using NJsonSchema.References;

namespace Bootstrap.Analyser.Lint;

/// <summary>Turns the text of an upstream JSON Schema into an NJsonSchema schema, offline.</summary>
public static class SchemaDocument
{
    public static JsonSchema Parse(string json, string source)
    {
        // NJsonSchema 11 resolves draft-04..07 "#/definitions/..." references but not draft 2020-12's "#/$defs/..."
        // ("The schema reference path '#/$defs/...' has not been resolved"). The Talos and cert-manager schemas use $defs;
        // both keywords mean the same, so renaming them is a faithful translation, not a change of the schema.
        var text = json
            .Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal)
            .Replace("\"#/$defs/", "\"#/definitions/", StringComparison.Ordinal);
        try
        {
            // NJsonSchema returns null for "null" and fails in its own ways on other non-objects: a schema is a JSON object.
            if (System.Text.Json.Nodes.JsonNode.Parse(text, documentOptions: new() { MaxDepth = 512 }) is not System.Text.Json.Nodes.JsonObject)
            {
                throw new SchemaFileException(source, "is not a JSON Schema: its top level is not a JSON object");
            }

            return JsonSchema.FromJsonAsync(text, null, schema => new OfflineReferences(schema)).GetAwaiter().GetResult();
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new SchemaFileException(source, $"is not JSON: {e.Message}");
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new SchemaFileException(source, $"is not a JSON Schema NJsonSchema can read: {e.Message}");
        }
    }

    /// <summary>Lint runs without network: a reference to another file or URL is an error, never a download.</summary>
    private sealed class OfflineReferences(JsonSchema root) : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException($"it refers to the file {filePath}; only references inside the schema file are followed");

        public override Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException($"it refers to {url}; lint works offline and only follows references inside the schema file");
    }
}

/// <summary>A file in the schema folder that is there but cannot be used: names the file and what is wrong with it.</summary>
public sealed class SchemaFileException(string file, string problem) : Exception($"{file}: {problem}")
{
    public string File { get; } = file;

    public string Problem { get; } = problem;
}
