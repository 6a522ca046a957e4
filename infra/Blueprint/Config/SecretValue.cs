using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bootstrap.Blueprint.Config;

/// <summary>
/// Recognises Pulumi secrets (<c>{secure: v1:...}</c> in a stack file) and keys that must only ever hold one.
/// A secret is opaque here: its ciphertext is never decrypted, printed or copied.
/// </summary>
public static partial class SecretValue
{
    /// <summary>The marker a stack file holds for <c>pulumi config set --secret</c>; the Pulumi path builds the same marker
    /// for a present secret.</summary>
    public static JsonObject Marker(string ciphertext) => new() { ["secure"] = ciphertext };

    public static bool IsSecret(JsonNode? node) =>
        node is JsonObject { Count: 1 } map
        && map["secure"] is JsonValue value
        && value.GetValueKind() == JsonValueKind.String;

    /// <summary>True for key names such as apiToken, password, privateKey, sealedSecretsKeys.</summary>
    public static bool LooksSensitive(string keyName) => SensitiveName().IsMatch(keyName);

    /// <summary>Every place under <paramref name="key"/> where a sensitive-looking key holds plain text.</summary>
    public static IEnumerable<string> PlainTextSecrets(string key, JsonNode? node)
    {
        var name = key[(Math.Max(key.LastIndexOf('.'), key.LastIndexOf(':')) + 1)..];
        if (IsSecret(node) || node is null)
        {
            yield break;
        }

        if (LooksSensitive(name) && node is JsonValue or JsonArray)
        {
            yield return key;
            yield break;
        }

        if (node is JsonObject map)
        {
            // A structured secret (e.g. gitopsCredentials) must hold its sensitive fields as secrets; report those fields.
            var guarded = map.Any(p => IsSecret(p.Value) || LooksSensitive(p.Key));
            if (LooksSensitive(name) && !guarded)
            {
                yield return key;
                yield break;
            }

            foreach (var (child, value) in map)
            {
                foreach (var found in PlainTextSecrets(ConfigKey.Child(key, child), value))
                {
                    yield return found;
                }
            }
        }
    }

    [GeneratedRegex("(?i)(password|passwd|token|secret|private-?_?key|api-?_?key|credential|certificate-?key)")]
    private static partial Regex SensitiveName();
}
