using System.Text.Json.Nodes;

namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>
/// A stack file's values as the Pulumi language host passes them to the program in PULUMI_CONFIG: every value a string,
/// structured values as their JSON text (pulumi/pulumi sdk/go/common/resource/config: Value.Value for objects). The one
/// conversion both test projects use; the program reads it back with Config.PulumiConfig.Parse.
/// </summary>
internal static class PulumiConfigMap
{
    public static Dictionary<string, string> Of(IReadOnlyDictionary<string, JsonNode?> values) =>
        values.ToDictionary(p => p.Key, p => p.Value is JsonValue v ? v.ToString() : p.Value!.ToJsonString());
}
