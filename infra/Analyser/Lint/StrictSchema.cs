using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bootstrap.Analyser.Lint;

/// <summary>Makes a Kubernetes structural schema as strict as the API server's field validation (kubeconform's <c>-strict</c>): only
/// declared properties, except where the schema keeps unknown fields on purpose. kubectl apply rejects unknown fields, other clients'
/// are dropped (https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation): a misspelled field never takes effect.</summary>
internal static class StrictSchema
{
    // An embedded resource (x-kubernetes-embedded-resource) carries apiVersion, kind and metadata without declaring them
    // (Kubernetes docs, CustomResourceDefinitions, "RawExtension").
    private static readonly string[] EmbeddedResourceFields = ["apiVersion", "kind", "metadata"];

    public static void Close(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema["properties"] is JsonObject properties)
        {
            if (Flag(schema, "x-kubernetes-embedded-resource"))
            {
                foreach (var field in EmbeddedResourceFields.Where(f => !properties.ContainsKey(f)))
                {
                    properties[field] = new JsonObject();
                }
            }

            if (!schema.ContainsKey("additionalProperties") && !Flag(schema, "x-kubernetes-preserve-unknown-fields"))
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

    private static bool Flag(JsonObject schema, string name) =>
        schema[name] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
}
