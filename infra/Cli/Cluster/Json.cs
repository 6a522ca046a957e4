using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bootstrap.Cli.Cluster;

/// <summary>Reading fields of custom resources, which the client returns as untyped JSON; a field of another type reads as absent.</summary>
internal static class Json
{
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool IsTrue(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    /// <summary>The objects of a list's <c>items</c> (or of an array); none when absent.</summary>
    public static IReadOnlyList<JsonObject> Items(JsonNode? node) =>
        ((node is JsonObject list ? list["items"] : node) as JsonArray ?? []).OfType<JsonObject>().ToList();
}
