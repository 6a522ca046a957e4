using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Plan;

namespace Bootstrap.Tests.Lab;

/// <summary>What the engine does with a registered resource, as `pulumi preview` would list it.</summary>
internal enum Operation
{
    Create,
    Same,
    Update,
    Replace,
    Delete,
    Retain,
}

/// <summary>
/// One resource as the engine sees it when the program registers it: type, name, inputs, the options the program set,
/// and every resource it is guaranteed to come after (its declared dependencies and theirs). The real engine runs
/// anything not ordered by a declared or input dependency in parallel, so rules count only this closure.
/// </summary>
internal sealed record Registration(
    string Type,
    string Name,
    JsonObject Inputs,
    string? Provider,
    PlannedResource? Planned,
    IReadOnlySet<string> After,
    IReadOnlyList<string> DependsOn,
    string? Parent,
    bool Protect,
    bool Retain,
    IReadOnlyList<string> IgnoreChanges,
    string? ImportId = null)
{
    public bool Comes(string after) => After.Contains(after);

    public string? Text(params string[] path)
    {
        JsonNode? node = Inputs;
        foreach (var part in path)
        {
            node = node is JsonObject map ? map[part] : node is JsonArray list && int.TryParse(part, out var i) && i < list.Count ? list[i] : null;
        }

        return node is JsonValue value ? value.ToString() : null;
    }

    /// <summary>Mock inputs arrive as nested immutable collections; the engine compares them as JSON.</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d => JsonValue.Create(d),
        int i => JsonValue.Create(i),
        IReadOnlyDictionary<string, object> map =>
            new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, ToJson(p.Value)))),
        ImmutableArray<object> list => new JsonArray(list.Select(ToJson).ToArray()),
        IEnumerable<object> list => new JsonArray(list.Select(ToJson).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };
}
