using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Secrets;

/// <summary>Reads the fields of a secrets file one by one, collecting a finding per field that is missing or unusable.</summary>
internal sealed partial class TalosSecretsReader(JsonNode root, string key)
{
    public List<Diagnostic> Findings { get; } = [];

    public string Text(string section, string field)
    {
        var value = Optional(section, field);
        if (value is null && !Reported(section, field))
        {
            Findings.Add(FindingId.TalosSecrets.At(At(section, field), "is missing", TalosSecretsBundle.Hint));
        }
        else if (value is not null && field == "bootstraptoken" && !BootstrapToken().IsMatch(value))
        {
            // Kubernetes accepts only [a-z0-9]{6}.[a-z0-9]{16} (k8s.io/cluster-bootstrap token/api BootstrapTokenPattern).
            Findings.Add(FindingId.TalosSecrets.At(
                At(section, field),
                "is not a bootstrap token (6 and 16 characters a-z0-9, joined by a dot)",
                TalosSecretsBundle.Hint));
        }

        return value ?? "";
    }

    public string? Optional(string section, string field) => Scalar(section, field);

    /// <summary>A CA: certificate and key, each base64 PEM, the key belonging to the certificate.</summary>
    public TalosCertificate CertificateAuthority(string name)
    {
        var crt = Field(name, "crt");
        var keyText = Field(name, "key");
        var certificate = crt is null ? null : Pem.Certificate(Decode(crt) ?? []);
        var privateKey = keyText is null ? null : Pem.PrivateKey(Decode(keyText) ?? []);
        if (crt is not null && certificate is null)
        {
            Findings.Add(FindingId.TalosSecrets.At(At("certs", name, "crt"), "is not a base64-encoded PEM certificate", TalosSecretsBundle.Hint));
        }

        if (keyText is not null && privateKey is null)
        {
            Findings.Add(FindingId.TalosSecrets.At(At("certs", name, "key"), "is not a base64-encoded PEM private key", TalosSecretsBundle.Hint));
        }
        else if (certificate is not null && privateKey is not null && !Pem.SameKey(certificate.GetPublicKey(), Pem.PublicOf(privateKey)))
        {
            Findings.Add(FindingId.TalosSecrets.At(
                At("certs", name, "key"), $"does not belong to certs.{name}.crt", "keep both from the same secrets file"));
        }

        return new TalosCertificate(crt ?? "", keyText ?? "");
    }

    /// <summary>The Talos API CA must be Ed25519, the only kind Talos generates, for the admin certificate derived from it.</summary>
    public void Ed25519(TalosCertificate ca, string name)
    {
        if (Decode(ca.Key) is { } pem && Pem.PrivateKey(pem) is { } key and not Org.BouncyCastle.Crypto.Parameters.Ed25519PrivateKeyParameters)
        {
            Findings.Add(FindingId.TalosSecrets.At(At("certs", name, "key"), "is not an Ed25519 key",
                "use the secrets of a cluster Talos created: its Talos API CA is Ed25519 (secrets/ca.go NewTalosCA)"));
        }
    }

    /// <summary>A key without a certificate (the service-account signing key).</summary>
    public string PrivateKey(string name)
    {
        var keyText = Field(name, "key");
        if (keyText is not null && Pem.PrivateKey(Decode(keyText) ?? []) is null)
        {
            Findings.Add(FindingId.TalosSecrets.At(At("certs", name, "key"), "is not a base64-encoded PEM private key", TalosSecretsBundle.Hint));
        }

        return keyText ?? "";
    }

    /// <summary>Talos' Bundle.Validate: exactly one of secretbox (Talos 1.3+) and aescbc (older clusters).</summary>
    public void OneEncryptionSecret(string? secretbox, string? aescbc)
    {
        var field = At("secrets", "secretboxencryptionsecret");
        if (secretbox is null && aescbc is null)
        {
            Findings.Add(FindingId.TalosSecrets.At(field, "is missing (and so is secrets.aescbcencryptionsecret)", TalosSecretsBundle.Hint));
        }
        else if (secretbox is not null && aescbc is not null)
        {
            Findings.Add(FindingId.TalosSecrets.At(
                field,
                "is set together with secrets.aescbcencryptionsecret",
                "keep only the one the cluster was created with"));
        }
        else if (secretbox is not null && Decode(secretbox)?.Length != 32)
        {
            // kube-apiserver's secretbox provider takes a 32-byte key (k8s.io/apiserver encryption config).
            Findings.Add(FindingId.TalosSecrets.At(field, "is not a base64-encoded 32-byte key", TalosSecretsBundle.Hint));
        }
    }

    private string? Field(string name, string field)
    {
        var value = Scalar("certs", name, field);
        if (value is null && !Reported("certs", name, field))
        {
            Findings.Add(FindingId.TalosSecrets.At(At("certs", name, field), "is missing", TalosSecretsBundle.Hint));
        }

        return value;
    }

    /// <summary>
    /// The text at a path, or null when absent; a section that is not a mapping, or a field that is a mapping or a list, is a
    /// finding (once per place) instead of an exception: Talos' own YAML decoding (go-yaml into the Bundle's structs) refuses it.
    /// </summary>
    private string? Scalar(params string[] path)
    {
        JsonNode? node = root;
        for (var i = 0; i < path.Length; i++)
        {
            if (node is null)
            {
                return null;
            }

            if (node is not JsonObject mapping)
            {
                WrongType(path[..i], node, "a mapping");
                return null;
            }

            node = mapping[path[i]];
        }

        if (node is JsonObject or JsonArray)
        {
            WrongType(path, node, "text");
            return null;
        }

        return node is JsonValue value && value.ToString() is { Length: > 0 } text ? text : null;
    }

    private void WrongType(string[] path, JsonNode node, string expected)
    {
        var at = At(path);
        if (_wrongType.Add(at))
        {
            var actual = node switch { JsonObject => "a mapping", JsonArray => "a list", _ => "a single value" };
            Findings.Add(FindingId.TalosSecrets.At(at, $"is {actual}, not {expected}", TalosSecretsBundle.Hint));
        }
    }

    private readonly HashSet<string> _wrongType = new(StringComparer.Ordinal);

    /// <summary>Whether the place, or a section holding it, was already reported as the wrong type.</summary>
    private bool Reported(params string[] path) => Enumerable.Range(1, path.Length).Any(n => _wrongType.Contains(At(path[..n])));

    private static byte[]? Decode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string At(params string[] path) => ConfigKey.Child(key, string.Join('.', path));

    [GeneratedRegex("^[a-z0-9]{6}\\.[a-z0-9]{16}$")]
    private static partial Regex BootstrapToken();
}
