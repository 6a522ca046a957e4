using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Secrets;

/// <summary>A CA (or key) as the secrets file holds it: base64 of the PEM text, as the Talos provider takes it too.</summary>
public sealed record TalosCertificate(string Crt, string Key);

/// <summary>A cluster's Talos machine secrets as <c>talosctl gen secrets</c> writes them (siderolabs/talos
/// pkg/machinery/config/generate/secrets/secrets.go Bundle; keys lower-cased by go-yaml, certificates and keys base64 PEM).
/// Backups keep it and <c>bootstrap:talosSecrets</c> feeds it to a rebuild that must keep the cluster's identity (an etcd
/// snapshot is readable only with the secretbox and service-account keys it was written with).</summary>
public sealed record TalosSecretsBundle(
    string ClusterId,
    string ClusterSecret,
    string BootstrapToken,
    string? SecretboxEncryptionSecret,
    string? AescbcEncryptionSecret,
    string TrustdToken,
    TalosCertificate Etcd,
    TalosCertificate K8s,
    TalosCertificate K8sAggregator,
    string K8sServiceAccountKey,
    TalosCertificate Os)
{
    /// <summary>The file a backup holds them in.</summary>
    public const string FileName = "talos-secrets.yaml";

    /// <summary>The YAML <c>talosctl gen secrets</c> writes (same keys and nesting; go-yaml's own indentation aside).</summary>
    public string ToYaml()
    {
        var secrets = new JsonObject { ["bootstraptoken"] = BootstrapToken };
        if (AescbcEncryptionSecret is { Length: > 0 })
        {
            secrets["aescbcencryptionsecret"] = AescbcEncryptionSecret;
        }

        if (SecretboxEncryptionSecret is { Length: > 0 })
        {
            secrets["secretboxencryptionsecret"] = SecretboxEncryptionSecret;
        }

        return YamlWriter.Write(new JsonObject
        {
            ["cluster"] = new JsonObject { ["id"] = ClusterId, ["secret"] = ClusterSecret },
            ["secrets"] = secrets,
            ["trustdinfo"] = new JsonObject { ["token"] = TrustdToken },
            ["certs"] = new JsonObject
            {
                ["etcd"] = Pair(Etcd),
                ["k8s"] = Pair(K8s),
                ["k8saggregator"] = Pair(K8sAggregator),
                ["k8sserviceaccount"] = new JsonObject { ["key"] = K8sServiceAccountKey },
                ["os"] = Pair(Os),
            },
        });
    }

    /// <summary>
    /// Reads a secrets file and checks what Talos' own Bundle.Validate checks (every field present, exactly one encryption
    /// secret) plus that each certificate and key is the PEM the machine config needs. Errors name the field, never a value.
    /// </summary>
    public static TalosSecretsBundle Parse(string yaml, string key)
    {
        JsonNode? root;
        try
        {
            root = YamlReader.Parse(yaml, key);
        }
        catch (YamlFormatException e)
        {
            throw new BlueprintException([FindingId.TalosSecrets.At(key, $"is not YAML (line {e.Line})", Hint)]);
        }

        if (root is not JsonObject)
        {
            throw new BlueprintException([FindingId.TalosSecrets.At(key, "is not a mapping", Hint)]);
        }

        var reader = new TalosSecretsReader(root, key);
        var bundle = new TalosSecretsBundle(
            reader.Text("cluster", "id"),
            reader.Text("cluster", "secret"),
            reader.Text("secrets", "bootstraptoken"),
            reader.Optional("secrets", "secretboxencryptionsecret"),
            reader.Optional("secrets", "aescbcencryptionsecret"),
            reader.Text("trustdinfo", "token"),
            reader.CertificateAuthority("etcd"),
            reader.CertificateAuthority("k8s"),
            reader.CertificateAuthority("k8saggregator"),
            reader.PrivateKey("k8sserviceaccount"),
            reader.CertificateAuthority("os"));
        reader.OneEncryptionSecret(bundle.SecretboxEncryptionSecret, bundle.AescbcEncryptionSecret);
        reader.Ed25519(bundle.Os, "os");
        return reader.Findings.Count > 0 ? throw new BlueprintException(reader.Findings) : bundle;
    }

    /// <summary>What to do about a file that does not read.</summary>
    public static string Hint =>
        $"load the {FileName} a backup wrote (or `talosctl gen secrets` output) with `pulumi config set --secret "
        + $"{ConfigKey.Of(ConfigBinder.TalosSecrets)} < {FileName}`";

    private static JsonObject Pair(TalosCertificate certificate) => new() { ["crt"] = certificate.Crt, ["key"] = certificate.Key };
}
