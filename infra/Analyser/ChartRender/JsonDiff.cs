using System.Text.Json.Nodes;

namespace Bootstrap.Analyser.ChartRender;

/// <summary>Where two JSON documents differ, as RFC 6901 pointer tokens down to the first differing value.</summary>
public static class JsonDiff
{
    /// <summary>Each path whose value differs: changed leaves, and keys or list items present on one side only.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Changed(JsonNode? a, JsonNode? b)
    {
        var changes = new List<IReadOnlyList<string>>();
        Walk(a, b, [], changes);
        return changes;
    }

    /// <summary>The pointer text of a path: <c>/data/tls.crt</c>, with <c>~</c> and <c>/</c> escaped as RFC 6901 says.</summary>
    public static string PathText(IEnumerable<string> tokens) =>
        string.Concat(tokens.Select(t => "/" + t.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));

    /// <summary>The tokens of a pointer, unescaped; "" is the whole document.</summary>
    public static IReadOnlyList<string> Tokens(string jsonPath) =>
        jsonPath.Length == 0
            ? []
            : jsonPath.TrimStart('/').Split('/')
                .Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
                .ToList();

    private static void Walk(JsonNode? a, JsonNode? b, List<string> path, List<IReadOnlyList<string>> changes)
    {
        if (a is JsonObject left && b is JsonObject right)
        {
            foreach (var key in left.Select(p => p.Key).Union(right.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                path.Add(key);
                if (left.ContainsKey(key) && right.ContainsKey(key))
                {
                    Walk(left[key], right[key], path, changes);
                }
                else
                {
                    changes.Add(path.ToList());
                }

                path.RemoveAt(path.Count - 1);
            }
        }
        else if (a is JsonArray first && b is JsonArray second)
        {
            for (var i = 0; i < Math.Max(first.Count, second.Count); i++)
            {
                path.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (i < first.Count && i < second.Count)
                {
                    Walk(first[i], second[i], path, changes);
                }
                else
                {
                    changes.Add(path.ToList());
                }

                path.RemoveAt(path.Count - 1);
            }
        }
        else if (!JsonNode.DeepEquals(a, b))
        {
            changes.Add(path.ToList());
        }
    }
}
