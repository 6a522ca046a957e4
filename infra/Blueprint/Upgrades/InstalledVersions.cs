using System.Text.Json.Nodes;
using System.Text.Json;
using Bootstrap.Blueprint.Config;
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
            outputs = JsonNode.Parse(json, documentOptions: new() { AllowDuplicateProperties = false }) as JsonObject;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            outputs = null;
        }

        var talos = Text(outputs?[TalosOutput]);
        var kubernetes = Text(outputs?[KubernetesOutput]);
        if (outputs is not null && talos is null && kubernetes is null)
        {
            return null;
        }

        if (talos is null || kubernetes is null)
        {
            throw new BlueprintException([Diagnostic.Error(
                source,
                $"has no {TalosOutput} and {KubernetesOutput} stack outputs",
                "write it with `pulumi stack output --json -s <stack> > FILE` after a `pulumi up` of this version of the program")]);
        }

        return new InstalledVersions(talos, kubernetes);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
