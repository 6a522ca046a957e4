using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bootstrap.Blueprint.Config;

/// <summary>
/// The Pulumi program's way in: PULUMI_CONFIG (every "namespace:key", structured values as JSON text) and
/// PULUMI_CONFIG_SECRET_KEYS give the binder the map the CLI reads from the stack file, secrets as opaque markers.
/// </summary>
public static class PulumiConfig
{
    public const string ConfigVariable = "PULUMI_CONFIG";
    public const string SecretKeysVariable = "PULUMI_CONFIG_SECRET_KEYS";

    /// <summary>The marker a present secret gets on this path (the CLI path keeps the file's ciphertext instead).</summary>
    public const string SecretPlaceholder = "[pulumi-secret]";

    public static Dictionary<string, JsonNode?> Parse(string? configJson, string? secretKeysJson)
    {
        var config = string.IsNullOrWhiteSpace(configJson) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(configJson) ?? [];
        var secrets = string.IsNullOrWhiteSpace(secretKeysJson) ? [] : JsonSerializer.Deserialize<string[]>(secretKeysJson) ?? [];
        return config.ToDictionary(
            p => p.Key,
            p => secrets.Contains(p.Key) ? SecretValue.Marker(SecretPlaceholder) : Value(p.Value),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Objects and lists arrive as JSON text; everything else is the plain string Pulumi stored. A structured secret's field
    /// names are checked on this path by SecretInputsRule (ArgoCdSecrets.RepositoryData), together with every other secret.
    /// </summary>
    public static JsonNode? Value(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                // Repeated keys fail here, not lazily when the binder reads the object (Go's encoding/json never writes them).
                return JsonNode.Parse(text, documentOptions: new() { AllowDuplicateProperties = false });
            }
            catch (JsonException)
            {
                // Not JSON after all: a plain string that starts with a bracket.
            }
        }

        return JsonValue.Create(text);
    }
}
