using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Plan;

namespace Bootstrap.Tests.Lab;

/// <summary>What a rule sees: the lab as it is now, the blueprint the program ran, and the operation about to happen.</summary>
/// <param name="Old">The resource's inputs in the previous state (an update or replacement), or null.</param>
internal sealed record LabContext(
    LabState Lab, ClusterBlueprint Blueprint, IReadOnlyDictionary<string, Registration> Registered, Operation Operation, JsonObject? Old)
{
    public Registration? Planned(string key) =>
        Blueprint.Plan.Resources.SingleOrDefault(r => r.Key == key) is { } planned ? Registered.GetValueOrDefault(planned.Name) : null;

    /// <summary>
    /// Whether the planned resource <paramref name="key"/> is guaranteed to have finished before <paramref name="r"/>: the engine
    /// runs anything not ordered by a dependency in parallel, so the lab assumes the worst for everything else.
    /// </summary>
    public bool Before(Registration r, string key) =>
        Blueprint.Plan.Resources.SingleOrDefault(p => p.Key == key) is { } planned && r.Comes(planned.Name);
}

/// <summary>
/// One real behaviour of the lab that decides whether an operation succeeds, with the upstream source it is taken from.
/// <see cref="Violation"/> returns the error the real system would give, or null when the operation succeeds.
/// </summary>
internal sealed record LabRule(string Id, string Behaviour, string Source, Func<Registration, LabContext, string?> Violation);

/// <summary>Reads a Helm release's merged values the way its chart templates do.</summary>
internal static class ReleaseValues
{
    public static JsonObject Of(Registration release, LabContext context) =>
        context.Blueprint.Addons.Releases.SingleOrDefault(r => r.Name == release.Text("name"))?.Values ?? [];

    public static JsonNode? At(JsonObject values, params string[] path)
    {
        JsonNode? node = values;
        foreach (var part in path)
        {
            node = node is JsonObject map ? map[part] : null;
        }

        return node;
    }

    public static bool Flag(JsonObject values, bool fallback, params string[] path) =>
        At(values, path) is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : fallback;

    public static string Text(JsonObject values, string fallback, params string[] path) =>
        At(values, path) is JsonValue value && value.TryGetValue<string>(out var text) ? text : fallback;
}
