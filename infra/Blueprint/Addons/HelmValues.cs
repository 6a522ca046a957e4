using System.Text.Json.Nodes;

namespace Bootstrap.Blueprint.Addons;

/// <summary>Merges values files the way Helm merges several <c>-f</c> files: maps deep-merge, anything else (lists too)
/// is replaced by the later file.</summary>
public static class HelmValues
{
    /// <summary>A later <c>key: null</c> is kept: Helm then removes the chart's default, exactly as Argo CD's render would.</summary>
    public static JsonObject Merge(IEnumerable<JsonObject> layers)
    {
        var result = new JsonObject();
        foreach (var layer in layers)
        {
            MergeInto(result, layer);
        }

        return result;
    }

    private static void MergeInto(JsonObject target, JsonObject layer)
    {
        foreach (var (key, value) in layer)
        {
            if (value is JsonObject map && target[key] is JsonObject existing)
            {
                MergeInto(existing, map);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    /// <summary>The value at a dotted path (keys themselves may contain dots, so the path is given as segments).</summary>
    public static JsonNode? At(JsonObject values, params string[] path)
    {
        JsonNode? current = values;
        foreach (var key in path)
        {
            current = current is JsonObject map && map.TryGetPropertyValue(key, out var next) ? next : null;
        }

        return current;
    }
}
