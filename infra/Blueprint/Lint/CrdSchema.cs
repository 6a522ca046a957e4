using System.Text.Json;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Yaml;
using NJsonSchema;

namespace Bootstrap.Blueprint.Lint;

/// <summary>The schema of one version of a CustomResourceDefinition, as strict as kubeconform's <c>-strict</c>.</summary>
public static class CrdSchema
{
    public static JsonSchema Load(string file, string version)
    {
        JsonNode? crd;
        try
        {
            crd = YamlReader.Parse(File.ReadAllText(file), file);
        }
        catch (YamlFormatException e)
        {
            throw new SchemaFileException(file, $"line {e.Line}: {e.Problem}");
        }

        var served = (crd?["spec"]?["versions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(v => v["name"] is JsonValue name && name.GetValueKind() == JsonValueKind.String && name.GetValue<string>() == version);
        if (served?["schema"]?["openAPIV3Schema"] is not JsonObject schema)
        {
            throw new SchemaFileException(file, $"has no spec.versions[name={version}].schema.openAPIV3Schema; is it a CustomResourceDefinition serving {version}?");
        }

        var strict = (JsonObject)schema.DeepClone();
        // status is written by the controller, never in Git.
        (strict["properties"] as JsonObject)?.Remove("status");
        Close(strict);
        return SchemaDocument.Parse(strict.ToJsonString(), file);
    }

    /// <summary>
    /// The API server silently drops fields a CRD schema does not declare, so a misspelled field in Git is lost without any
    /// error. Declared properties are therefore the only ones allowed, except where the CRD keeps unknown fields on purpose.
    /// </summary>
    private static void Close(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema["properties"] is JsonObject properties)
        {
            if (!schema.ContainsKey("additionalProperties") && !PreservesUnknownFields(schema))
            {
                schema["additionalProperties"] = false;
            }

            foreach (var (_, property) in properties)
            {
                Close(property);
            }
        }

        // allOf/anyOf/oneOf/not in a structural schema only add value checks to fields declared here, so they stay open.
        Close(schema["items"]);
        Close(schema["additionalProperties"]);
    }

    private static bool PreservesUnknownFields(JsonObject schema) =>
        schema["x-kubernetes-preserve-unknown-fields"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
}
