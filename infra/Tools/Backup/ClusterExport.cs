using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Tools.Backup;

/// <summary>
/// Objects read from a cluster, made fit to apply to a new one: cluster state (resourceVersion, uid, managedFields, status, …)
/// is dropped, because a restore must create objects, not claim to update ones that no longer exist.
/// </summary>
public static class ClusterExport
{
    private static readonly string[] StateMetadata =
    [
        "resourceVersion", "uid", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
        "managedFields", "selfLink",
        // Owners (an ApplicationSet) are recreated with new uids; their references would point at nothing.
        "ownerReferences",
    ];

    /// <summary>Top-level fields the cluster writes: status everywhere; an Application's in-flight sync operation.</summary>
    private static readonly string[] StateFields = ["status", "operation"];

    /// <summary>kubectl's copy of the whole object, secrets included; it would bring the stripped state back.</summary>
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>
    /// One object without cluster state, led by apiVersion and kind (items of a list response carry neither, so the caller says
    /// what they are).
    /// </summary>
    public static JsonObject Clean(JsonObject item, string apiVersion, string kind)
    {
        var clean = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        foreach (var (key, value) in item)
        {
            if (key is "apiVersion" or "kind" || StateFields.Contains(key))
            {
                continue;
            }

            clean[key] = key == "metadata" && value is JsonObject metadata ? CleanMetadata(metadata) : value?.DeepClone();
        }

        return clean;
    }

    /// <summary>A <c>v1 List</c> of the objects, as one YAML document (the sealed-secrets keys file the restore reads).</summary>
    public static string List(IEnumerable<JsonObject> items) =>
        YamlWriter.Write(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "List",
            ["items"] = new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray()),
        });

    /// <summary>The objects as multi-document YAML, ready for <c>kubectl apply -f</c>, in name order.</summary>
    public static string Documents(IEnumerable<JsonObject> items) =>
        YamlWriter.WriteAll(items.OrderBy(NameOf, StringComparer.Ordinal).Select(i => (JsonNode?)i));

    public static string NameOf(JsonObject item) => (string?)item["metadata"]?["name"] ?? "";

    private static JsonObject CleanMetadata(JsonObject metadata)
    {
        var clean = new JsonObject();
        foreach (var (key, value) in metadata)
        {
            if (StateMetadata.Contains(key))
            {
                continue;
            }

            if (key == "annotations" && value is JsonObject annotations)
            {
                var kept = new JsonObject(annotations.Where(a => a.Key != LastApplied).Select(a => KeyValuePair.Create(a.Key, a.Value?.DeepClone())));
                if (kept.Count > 0)
                {
                    clean[key] = kept;
                }

                continue;
            }

            clean[key] = value?.DeepClone();
        }

        return clean;
    }
}
