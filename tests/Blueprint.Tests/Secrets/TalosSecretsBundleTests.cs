using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Secrets;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Tests.Secrets;

/// <summary>The secrets file as talosctl gen secrets writes it, read and written back; every broken field named, no value echoed.</summary>
public class TalosSecretsBundleTests
{
    private const string Key = "bootstrap:talosSecrets";

    [Fact]
    public void A_bundle_survives_writing_and_reading()
    {
        var bundle = TalosSecretsFixture.Bundle();

        Assert.Equal(bundle, TalosSecretsBundle.Parse(bundle.ToYaml(), Key));
    }

    [Fact]
    public void The_file_has_the_keys_and_nesting_talosctl_writes()
    {
        var yaml = (JsonObject)YamlReader.Parse(TalosSecretsFixture.Yaml(), "file")!;

        Assert.Equal(["certs", "cluster", "secrets", "trustdinfo"], yaml.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["etcd", "k8s", "k8saggregator", "k8sserviceaccount", "os"], yaml["certs"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["crt", "key"], yaml["certs"]!["os"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["bootstraptoken", "secretboxencryptionsecret"], yaml["secrets"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["id", "secret"], yaml["cluster"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_file_in_go_yaml_layout_reads()
    {
        // go-yaml v3 indents four spaces; the fixture's writer uses two.
        var bundle = TalosSecretsFixture.Bundle();
        var goYaml = string.Join('\n', bundle.ToYaml().Split('\n')
            .Select(l => new string(' ', 2 * (l.Length - l.TrimStart().Length)) + l.TrimStart()));

        Assert.Equal(bundle, TalosSecretsBundle.Parse(goYaml, Key));
    }

    [Theory]
    [InlineData("cluster.id", "is missing")]
    [InlineData("secrets.bootstraptoken", "is missing")]
    [InlineData("trustdinfo.token", "is missing")]
    [InlineData("certs.etcd.crt", "is missing")]
    [InlineData("certs.os.key", "is missing")]
    [InlineData("certs.k8sserviceaccount.key", "is missing")]
    public void A_missing_field_is_named(string path, string problem)
    {
        var yaml = Edit(path, null);

        var error = Assert.Throws<BlueprintException>(() => TalosSecretsBundle.Parse(yaml, Key));

        Findings.SingleError(error.Diagnostics, $"{Key}.{path}", problem, "pulumi config set --secret bootstrap:talosSecrets");
    }

    [Theory]
    [InlineData("certs.k8s.crt", "is not a base64-encoded PEM certificate")]
    [InlineData("certs.k8s.key", "is not a base64-encoded PEM private key")]
    [InlineData("certs.k8sserviceaccount.key", "is not a base64-encoded PEM private key")]
    [InlineData("secrets.bootstraptoken", "is not a bootstrap token")]
    [InlineData("secrets.secretboxencryptionsecret", "is not a base64-encoded 32-byte key")]
    public void A_broken_field_is_named_without_its_value(string path, string problem)
    {
        const string value = "c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1ub3QtbGVhaw==";
        var yaml = Edit(path, value);

        var error = Assert.Throws<BlueprintException>(() => TalosSecretsBundle.Parse(yaml, Key));

        Findings.SingleError(error.Diagnostics, $"{Key}.{path}", problem);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TalosSecretsFixture.Bundle().Os.Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_from_another_secrets_file_is_refused()
    {
        var yaml = Edit("certs.etcd.key", TalosSecretsFixture.Bundle(seed: 2).Etcd.Key);

        var error = Assert.Throws<BlueprintException>(() => TalosSecretsBundle.Parse(yaml, Key));

        Findings.SingleError(error.Diagnostics, $"{Key}.certs.etcd.key", "does not belong to certs.etcd.crt");
    }

    [Fact]
    public void A_talos_api_ca_that_is_not_ed25519_is_refused()
    {
        var other = TalosSecretsFixture.Bundle().Etcd;
        var yaml = Edit("certs.os.crt", other.Crt, ("certs.os.key", other.Key));

        var error = Assert.Throws<BlueprintException>(() => TalosSecretsBundle.Parse(yaml, Key));

        Findings.SingleError(error.Diagnostics, $"{Key}.certs.os.key", "is not an Ed25519 key");
    }

    [Fact]
    public void Exactly_one_encryption_secret_is_required()
    {
        var both = Edit("secrets.aescbcencryptionsecret", TalosSecretsFixture.Bundle().SecretboxEncryptionSecret);
        var none = Edit("secrets.secretboxencryptionsecret", null);
        var aescbcOnly = Edit(
            "secrets.secretboxencryptionsecret", null, ("secrets.aescbcencryptionsecret", TalosSecretsFixture.Bundle().SecretboxEncryptionSecret));

        Findings.SingleError(Assert.Throws<BlueprintException>(() => TalosSecretsBundle.Parse(both, Key)).Diagnostics,
            $"{Key}.secrets.secretboxencryptionsecret", "is set together with secrets.aescbcencryptionsecret");
        Findings.SingleError(Assert.Throws<BlueprintException>(() => TalosSecretsBundle.Parse(none, Key)).Diagnostics,
            $"{Key}.secrets.secretboxencryptionsecret", "is missing (and so is secrets.aescbcencryptionsecret)");
        Assert.NotNull(TalosSecretsBundle.Parse(aescbcOnly, Key).AescbcEncryptionSecret);
    }

    [Theory]
    [InlineData("not: [yaml", "is not YAML")]
    [InlineData("- a list", "is not a mapping")]
    public void Text_that_is_no_secrets_file_is_refused(string text, string problem)
    {
        var error = Assert.Throws<BlueprintException>(() => TalosSecretsBundle.Parse(text, Key));

        Findings.SingleError(error.Diagnostics, Key, problem);
    }

    /// <summary>The fixture's file with fields set (null removes them).</summary>
    private static string Edit(string path, string? value, params (string Path, string? Value)[] more)
    {
        var root = (JsonObject)YamlReader.Parse(TalosSecretsFixture.Yaml(), "file")!;
        foreach (var (at, to) in more.Prepend((path, value)))
        {
            var parts = at.Split('.');
            var parent = parts[..^1].Aggregate((JsonNode)root, (node, part) => node[part]!).AsObject();
            if (to is null)
            {
                parent.Remove(parts[^1]);
            }
            else
            {
                parent[parts[^1]] = to;
            }
        }

        return YamlWriter.Write(root);
    }
}
