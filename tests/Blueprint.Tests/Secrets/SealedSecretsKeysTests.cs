using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Secrets;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Tests.Secrets;

public class SealedSecretsKeysTests
{
    private const string Backup = """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Secret
            type: kubernetes.io/tls
            metadata:
              name: sealed-secrets-keyabcde
              namespace: kube-system
              resourceVersion: "123"
              uid: 1a2b
              labels:
                sealedsecrets.bitnami.com/sealed-secrets-key: compromised
            data:
              tls.crt: Q1JU
              tls.key: S0VZ
          - apiVersion: v1
            kind: Secret
            type: kubernetes.io/tls
            metadata:
              name: sealed-secrets-keyfghij
            data:
              tls.crt: Q1JUMg==
              tls.key: S0VZMg==
        """;

    [Fact]
    public void Every_key_of_a_backup_is_restored_as_an_active_tls_secret_without_cluster_state()
    {
        var documents = YamlReader.ParseAll(SealedSecretsKeys.Render(Backup, "kube-system"), "keys");

        Assert.Equal(2, documents.Count);
        Assert.All(documents, d =>
        {
            Assert.Equal("kubernetes.io/tls", (string?)d!["type"]);
            Assert.Equal("kube-system", (string?)d["metadata"]!["namespace"]);
            Assert.Equal("active", (string?)d["metadata"]!["labels"]![SealedSecretsKeys.KeyLabel]);
            Assert.Null(d["metadata"]!["resourceVersion"]);
            Assert.Null(d["metadata"]!["uid"]);
        });
        Assert.Equal("S0VZMg==", (string?)documents[1]!["data"]!["tls.key"]);
    }

    [Fact]
    public void Multi_document_yaml_is_accepted_too()
    {
        var multi = "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nmetadata: {name: a}\ndata: {tls.crt: QQ==, tls.key: Qg==}\n"
            + "---\napiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nmetadata: {name: b}\ndata: {tls.crt: QQ==, tls.key: Qg==}\n";

        Assert.Equal(2, YamlReader.ParseAll(SealedSecretsKeys.Render(multi, "kube-system"), "keys").Count);
    }

    [Fact]
    public void Something_else_is_refused_naming_the_item_and_not_its_content()
    {
        var bad = "apiVersion: v1\nkind: Secret\ntype: Opaque\nmetadata: {name: a}\ndata: {password: aHVudGVyMg==}\n";

        var error = Assert.Throws<BlueprintException>(() => SealedSecretsKeys.Render(bad, "kube-system"));

        Findings.SingleError(error.Diagnostics, "bootstrap:sealedSecretsKeys (item 1)", "is not a kubernetes.io/tls Secret");
        Assert.DoesNotContain("aHVudGVyMg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_backup_is_refused()
    {
        var error = Assert.Throws<BlueprintException>(() => SealedSecretsKeys.Render("apiVersion: v1\nkind: List\nitems: []\n", "kube-system"));

        Findings.SingleError(error.Diagnostics, "bootstrap:sealedSecretsKeys", "holds no keys");
    }
}
