using System.Text.Json.Nodes;
using System.Text.Json;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Secrets;

/// <summary>Restores sealed-secrets keys on a rebuild: on start the controller adopts every kubernetes.io/tls Secret in its
/// namespace labelled sealedsecrets.bitnami.com/sealed-secrets-key, so Git's SealedSecrets decrypt again. Input is what
/// `backup` saved (a Secret list or multi-document YAML); output is clean manifests without cluster state.</summary>
public static class SealedSecretsKeys
{
    public const string KeyLabel = "sealedsecrets.bitnami.com/sealed-secrets-key";

    public static string Render(string backup, string @namespace)
    {
        var key = ConfigKey.Of(ConfigBinder.SealedSecretsKeys);
        IReadOnlyList<JsonNode?> documents;
        try
        {
            documents = YamlReader.ParseAll(backup, key);
        }
        catch (YamlFormatException e)
        {
            throw new BlueprintException([FindingId.SealedSecretsKeys.At(
                key, $"is not YAML (line {e.Line})", "store the keys file written by `backup`")]);
        }

        var secrets = documents
            .SelectMany(d => d is JsonObject { } list && (string?)list["kind"] == "List" ? (list["items"] as JsonArray ?? []).ToList() : [d])
            .ToList();
        var findings = new List<Diagnostic>();
        var rendered = new List<JsonNode?>();
        for (var i = 0; i < secrets.Count; i++)
        {
            var secret = secrets[i] as JsonObject;
            var name = (string?)secret?["metadata"]?["name"];
            var data = secret?["data"] as JsonObject;
            if (secret is null || (string?)secret["kind"] != "Secret" || (string?)secret["type"] != "kubernetes.io/tls" || name is null
                || !IsText(data?["tls.crt"]) || !IsText(data?["tls.key"]))
            {
                findings.Add(FindingId.SealedSecretsKeys.At(
                    $"{key} (item {i + 1})",
                    "is not a kubernetes.io/tls Secret with a name, tls.crt and tls.key",
                    "store the keys file written by `backup`"));
                continue;
            }

            rendered.Add(new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Secret",
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["namespace"] = @namespace,
                    ["labels"] = new JsonObject { [KeyLabel] = "active" },
                },
                ["type"] = "kubernetes.io/tls",
                ["data"] = new JsonObject { ["tls.crt"] = data!["tls.crt"]!.DeepClone(), ["tls.key"] = data["tls.key"]!.DeepClone() },
            });
        }

        if (secrets.Count == 0)
        {
            findings.Add(FindingId.SealedSecretsKeys.At(
                key,
                "holds no keys",
                "store the keys file written by `backup`, or remove the key for a cluster with fresh keys"));
        }

        return findings.Count > 0 ? throw new BlueprintException(findings) : YamlWriter.WriteAll(rendered);
    }

    private static bool IsText(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && ((string)value!).Length > 0;
}
