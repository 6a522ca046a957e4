using System.Text.Json.Nodes;
using System.Text.Json;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Upgrades;

/// <summary>
/// The versions a cluster runs now, as its last `pulumi up` recorded them in the stack outputs
/// (<c>pulumi stack output --json</c>: talosVersion, kubernetesVersion). A change from these is an upgrade.
/// </summary>
public sealed record InstalledVersions(string TalosVersion, string KubernetesVersion)
{
    public const string TalosOutput = "talosVersion";
    public const string KubernetesOutput = "kubernetesVersion";

    /// <summary>
    /// Reads stack outputs JSON; null when it records no versions at all (a stack never deployed: nothing to upgrade from).
    /// Problems name the file and the missing output.
    /// </summary>
    public static InstalledVersions? Parse(string json, string source)
    {
        JsonObject? outputs;
        try
        {
            outputs = JsonNode.Parse(json, documentOptions: new() { AllowDuplicateProperties = false, MaxDepth = Yaml.YamlReader.MaxDepth })
                as JsonObject;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new BlueprintException([FindingId.InstalledVersions.At(
                source, $"is not JSON ({Excerpt.Of(e.Message.Split(". ")[0])})", $"write it with {Command}")]);
        }

        if (outputs is null)
        {
            throw new BlueprintException([FindingId.InstalledVersions.At(
                source, "is not a JSON object of stack outputs", $"write it with {Command}")]);
        }

        // A key that is there but not a string would otherwise read as "never deployed" and skip every upgrade rule.
        var wrong = new[] { TalosOutput, KubernetesOutput }
            .Where(key => outputs.ContainsKey(key) && Text(outputs[key]) is null)
            .Select(key => FindingId.InstalledVersions.At(
                $"{source}: {key}",
                $"is {Kind(outputs[key])}, not a version string",
                $"the stack output is a string such as \"{(key == TalosOutput ? "v1.13.9" : "1.36.3")}\"; write the file with {Command}"))
            .ToList();
        if (wrong.Count > 0)
        {
            throw new BlueprintException(wrong);
        }

        var talos = Text(outputs[TalosOutput]);
        var kubernetes = Text(outputs[KubernetesOutput]);
        if (talos is null && kubernetes is null)
        {
            return null;
        }

        if (talos is null || kubernetes is null)
        {
            throw new BlueprintException([FindingId.InstalledVersions.At(
                source,
                $"has no {TalosOutput} and {KubernetesOutput} stack outputs",
                $"write it with {Command} after a `pulumi up` of this version of the program")]);
        }

        return new InstalledVersions(talos, kubernetes);
    }

    private const string Command = "`pulumi stack output --json -s <stack> > FILE`";

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.Number => $"the number {Excerpt.Of(v.ToJsonString())}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {v.ToJsonString()}",
            _ => "not a string",
        },
        _ => "not a string",
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
