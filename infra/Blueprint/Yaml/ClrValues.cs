using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bootstrap.Blueprint.Yaml;

/// <summary>JSON nodes as plain CLR values (ordered dictionaries, lists, string, long, double, bool, null): what YAML
/// serializers and Pulumi's untyped inputs (a custom resource's spec) take.</summary>
public static class ClrValues
{
    public static object? From(JsonNode? node) => node switch
    {
        null => null,
        JsonObject map => map.ToDictionary(p => p.Key, p => From(p.Value)),
        JsonArray list => list.Select(From).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => Number(value.ToJsonString()),
            _ => null,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static object Number(string raw) =>
        long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? integer
            : double.Parse(raw, CultureInfo.InvariantCulture);
}
