using System.Text.Json.Nodes;
using System.Text.Json;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Config;

/// <summary>
/// The one binder both paths share: the CLI hands it the stack file's config (YAML read as JSON), the Pulumi program
/// hands it Pulumi's config (JSON). It checks keys, shapes and secret hygiene and returns typed records.
/// </summary>
public static class ConfigBinder
{
    public const string Cluster = "cluster";
    public const string GitOps = "gitops";
    public const string GitOpsCredentials = "gitopsCredentials";
    public const string SealedSecretsKeys = "sealedSecretsKeys";
    public const string ArgoCdAdminPassword = "argocdAdminPassword";
    public const string TalosSecrets = "talosSecrets";
    public const string EtcdSnapshot = "etcdSnapshot";
    public const string Silence = "silence";

    /// <summary>The keys of the bootstrap namespace, in <see cref="KeyTable"/>'s order.</summary>
    public static readonly IReadOnlyList<string> BootstrapKeys = KeyTable.TopLevel(ConfigKey.Namespace);

    private static readonly string[] SecretKeys = [.. BootstrapKeys.Where(k => KeyTable.Get(ConfigKey.Of(k)).Secret)];

    /// <summary>The fields of <c>bootstrap:gitopsCredentials</c> (ArgoCdSecrets.RepositoryData reads them).</summary>
    public static readonly IReadOnlyList<string> GitOpsCredentialKeys = KeyTable.ChildrenOf(ConfigKey.Of(GitOpsCredentials));

    /// <summary>The options every value binds with; <see cref="ShapeCheck"/> tries leaves with them, so binding cannot fail after it.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    /// <param name="stack">The stack name (dev, ops); it names the file in messages and the stack-specific values folder.</param>
    /// <param name="values">
    /// Config keys as Pulumi spells them (<c>bootstrap:cluster</c>, <c>proxmoxve:endpoint</c>); a key without a namespace belongs to this project.
    /// </param>
    public static BindResult Bind(string stack, IReadOnlyDictionary<string, JsonNode?> values)
    {
        var config = values.ToDictionary(p => p.Key.Contains(':') ? p.Key : ConfigKey.Of(p.Key), p => p.Value, StringComparer.Ordinal);
        var findings = new List<Diagnostic>();

        foreach (var (key, value) in config)
        {
            findings.AddRange(SecretValue.PlainTextSecrets(key, value).Select(found => FindingId.ConfigPlainSecret.At(
                found,
                $"holds a secret in plain text in Pulumi.{stack}.yaml",
                $"delete it from the file and run `pulumi config set --secret {(found == key ? key : $"--path {found}")} <value>`")));
        }

        foreach (var key in config.Keys.Where(k => k.StartsWith(ConfigKey.Namespace + ":", StringComparison.Ordinal)))
        {
            var name = key[(ConfigKey.Namespace.Length + 1)..];
            if (!BootstrapKeys.Contains(name))
            {
                findings.Add(FindingId.ConfigUnknownKey.At(
                    key, "is not a known key", $"valid keys: {string.Join(", ", BootstrapKeys.Select(ConfigKey.Of))}"));
            }
        }

        var cluster = Required(config, ConfigKey.Of(Cluster), typeof(ClusterSettings), findings);
        var gitops = Required(config, ConfigKey.Of(GitOps), typeof(GitOpsSettings), findings);
        var endpoint = ProviderString(config, "proxmoxve:endpoint", findings);
        var insecure = ProviderString(config, "proxmoxve:insecure", findings);
        if (insecure is not null and not ("true" or "false"))
        {
            findings.Add(FindingId.ConfigValue.At(
                "proxmoxve:insecure",
                $"\"{insecure}\" is not a boolean",
                "write \"true\" (self-signed Proxmox certificate) or \"false\""));
        }

        findings.AddRange(SecretObjectKeys(config));
        var silences = Silences.Read(ConfigKey.Of(Silence), config.GetValueOrDefault(ConfigKey.Of(Silence)), findings);
        if (findings.Any(f => f.Severity == Severity.Error))
        {
            return new BindResult(null, findings);
        }

        var clusterSettings = Deserialize<ClusterSettings>(cluster!, ConfigKey.Of(Cluster), findings);
        var gitOpsSettings = Deserialize<GitOpsSettings>(gitops!, ConfigKey.Of(GitOps), findings);
        if (clusterSettings is null || gitOpsSettings is null)
        {
            return new BindResult(null, findings);
        }

        var bound = new StackConfig(
            stack,
            clusterSettings,
            gitOpsSettings,
            new ProxmoxEndpoint(endpoint!, insecure == "true", Present(config, "proxmoxve:apiToken")),
            new StackSecrets(
                Present(config, ConfigKey.Of(GitOpsCredentials)),
                Present(config, ConfigKey.Of(SealedSecretsKeys)),
                Present(config, ConfigKey.Of(ArgoCdAdminPassword)),
                Present(config, ConfigKey.Of(TalosSecrets))),
            EtcdSnapshotPath(config, findings)) { Silences = silences };
        if (bound.EtcdSnapshot is { } snapshot)
        {
            findings.Add(bound.Secrets.TalosSecrets
                ? FindingId.EtcdRestore.At(ConfigKey.Of(EtcdSnapshot), $"is set: a new cluster's etcd is restored from {Excerpt.Of(snapshot)}",
                    $"remove it once the rebuild is done (pulumi config rm {ConfigKey.Of(EtcdSnapshot)}), "
                    + "or the next rebuild restores this snapshot again")
                : FindingId.EtcdRestoreSecrets.At(ConfigKey.Of(EtcdSnapshot),
                    $"is set, but {ConfigKey.Of(TalosSecrets)} is not: a snapshot restored under new Talos "
                    + "secrets cannot decrypt its Secrets (secretbox key) nor accept its service-account tokens",
                    $"load the {TalosSecretsFile} saved with the snapshot: "
                    + $"pulumi config set --secret {ConfigKey.Of(TalosSecrets)} < {TalosSecretsFile}"));
        }

        foreach (var key in SecretKeys.Select(ConfigKey.Of))
        {
            if (config.TryGetValue(key, out var value) && value is not null && !SecretValue.IsSecret(value) && value is not JsonObject
                && findings.All(f => f.Key != key))
            {
                findings.Add(FindingId.ConfigPlainSecret.At(
                    key,
                    $"holds a secret in plain text in Pulumi.{stack}.yaml",
                    $"delete it from the file and run `pulumi config set --secret {key} <value>`"));
            }
        }

        return new BindResult(findings.Any(f => f.Severity == Severity.Error) ? null : bound, silences.Apply(findings));
    }

    /// <summary>ShapeCheck tries every leaf with these options first; a failure here is still the input's, never a crash.</summary>
    private static T? Deserialize<T>(JsonNode node, string key, List<Diagnostic> findings)
        where T : class
    {
        try
        {
            return node.Deserialize<T>(Json);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? $"{key}.{path[2..]}" : key;
            findings.Add(FindingId.ConfigValue.At(where, "cannot be read as the type Pulumi.yaml documents", "check the value against Pulumi.yaml"));
            return null;
        }
    }

    private static JsonNode? Required(Dictionary<string, JsonNode?> config, string key, Type shape, List<Diagnostic> findings)
    {
        if (!config.TryGetValue(key, out var node) || node is null)
        {
            findings.Add(FindingId.ConfigValue.At(key, "is missing", $"add {key} to Pulumi.<stack>.yaml (see Pulumi.yaml for its keys)"));
            return null;
        }

        findings.AddRange(ShapeCheck.Check(node, shape, key));
        return node;
    }

    private static string? ProviderString(Dictionary<string, JsonNode?> config, string key, List<Diagnostic> findings)
    {
        if (!config.TryGetValue(key, out var node) || node is null)
        {
            if (KeyTable.Get(key).Need == Need.Required)
            {
                findings.Add(FindingId.ConfigValue.At(key, "is missing", $"run `pulumi config set {key} https://<proxmox-host>:8006/`"));
            }

            return null;
        }

        if (node is JsonValue value)
        {
            return value.ToString();
        }

        if (!SecretValue.IsSecret(node))
        {
            findings.Add(FindingId.ConfigValue.At(key, $"expected a string, got {(node is JsonArray ? "a list" : "a mapping")}",
                $"write it as one value, e.g. pulumi config set {key} <value>"));
        }

        return null;
    }

    /// <summary>
    /// A structured secret's fields (<c>pulumi config set --secret --path bootstrap:gitopsCredentials.password</c>) are
    /// checked by name like every other key; a misspelt field is named with the valid ones, its value never shown.
    /// </summary>
    private static IEnumerable<Diagnostic> SecretObjectKeys(Dictionary<string, JsonNode?> config)
    {
        var key = ConfigKey.Of(GitOpsCredentials);
        if (!config.TryGetValue(key, out var node) || node is not JsonObject fields || SecretValue.IsSecret(fields))
        {
            yield break;
        }

        foreach (var (name, _) in fields.Where(f => !GitOpsCredentialKeys.Contains(f.Key)))
        {
            var hint = ShapeCheck.Closest(name, GitOpsCredentialKeys);
            yield return FindingId.ConfigUnknownKey.At(ConfigKey.Child(key, name), "is not a known key",
                (hint is null ? "" : $"did you mean '{hint}'? ") + $"valid keys here: {string.Join(", ", GitOpsCredentialKeys)}");
        }
    }

    /// <summary>The file name a backup gives the Talos secrets (Secrets.TalosSecretsBundle.FileName; Config must not depend on Secrets).</summary>
    private const string TalosSecretsFile = "talos-secrets.yaml";

    private static string? EtcdSnapshotPath(Dictionary<string, JsonNode?> config, List<Diagnostic> findings)
    {
        var key = ConfigKey.Of(EtcdSnapshot);
        if (!config.TryGetValue(key, out var node) || node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.ToString().Length > 0 && !SecretValue.IsSecret(node))
        {
            return value.ToString();
        }

        findings.Add(FindingId.ConfigValue.At(
            key,
            "is not a file path",
            $"run `pulumi config set {key} <backup folder>/etcd.snapshot` (a plain value, not a secret)"));
        return null;
    }

    private static bool Present(Dictionary<string, JsonNode?> config, string key) =>
        config.TryGetValue(key, out var node) && node is not null;
}

/// <summary>The bound config (null when any error was found) and every finding.</summary>
public sealed record BindResult(StackConfig? Config, IReadOnlyList<Diagnostic> Diagnostics);
