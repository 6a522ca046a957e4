using System.Text.Json;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Yaml;
using NJsonSchema;

namespace Bootstrap.Analyser.Lint;

/// <summary>The schema of one version of a CustomResourceDefinition, as strict as kubeconform's <c>-strict</c>.</summary>
public static class CrdSchema
{
    public static JsonSchema Load(string file, string version)
    {
        JsonNode? crd;
        try
        {
            crd = YamlReader.Parse(SchemaText.Read(file), file);
        }
        catch (YamlFormatException e)
        {
            throw new SchemaFileException(file, $"line {e.Line}: {e.Problem}");
        }

        return FromCrd(crd as JsonObject ?? [], version, file);
    }

    /// <summary>The openAPIV3Schema a CRD serves <paramref name="version"/> with.</summary>
    public static JsonSchema FromCrd(JsonObject crd, string version, string file)
    {
        var served = (crd["spec"]?["versions"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(v => v["name"] is JsonValue name && name.GetValueKind() == JsonValueKind.String && name.GetValue<string>() == version);
        if (served?["schema"]?["openAPIV3Schema"] is not JsonObject schema)
        {
            throw new SchemaFileException(
                file,
                $"has no spec.versions[name={version}].schema.openAPIV3Schema; is it a CustomResourceDefinition serving {version}?");
        }

        return FromOpenApi(schema, file);
    }

    /// <summary>A CRD's openAPIV3Schema on its own (as converted JSON Schema files hold it), made strict.</summary>
    public static JsonSchema FromOpenApi(JsonObject schema, string file)
    {
        var strict = (JsonObject)schema.DeepClone();
        // status is written by the controller, never in Git.
        (strict["properties"] as JsonObject)?.Remove("status");
        StrictSchema.Close(strict);
        return SchemaDocument.Parse(strict.ToJsonString(), file);
    }
}
