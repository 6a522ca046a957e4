using System.Text.Json.Nodes;
using Bootstrap.Tools.Backup;
using Bootstrap.Blueprint.Secrets;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Tests.Backup;

public class ClusterExportTests
{
    private static JsonObject Secret(string name, string label) => JsonNode.Parse($$$"""
        {
          "metadata": {
            "name": "{{{name}}}", "namespace": "kube-system", "resourceVersion": "4711", "uid": "0b9e", "generation": 1,
            "creationTimestamp": "2026-10-01T00:00:00Z", "managedFields": [{"manager": "controller"}],
            "ownerReferences": [{"kind": "Deployment", "name": "x", "uid": "1"}],
            "labels": {"{{{SealedSecretsKeys.KeyLabel}}}": "{{{label}}}"},
            "annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{\"data\":{\"tls.key\":\"S0VZ\"}}", "note": "kept"}
          },
          "type": "kubernetes.io/tls",
          "data": {"tls.crt": "Q1JU", "tls.key": "S0VZ"}
        }
        """)!.AsObject();

    [Fact]
    public void Cluster_state_is_stripped_and_apiVersion_and_kind_lead()
    {
        var clean = ClusterExport.Clean(Secret("sealed-secrets-keyabcde", "active"), "v1", "Secret");

        Assert.Equal(["apiVersion", "kind", "metadata", "type", "data"], clean.Select(p => p.Key));
        var metadata = clean["metadata"]!.AsObject();
        Assert.Equal(["name", "namespace", "labels", "annotations"], metadata.Select(p => p.Key));
        Assert.Equal("""{"note":"kept"}""", metadata["annotations"]!.ToJsonString());
        Assert.Equal("S0VZ", (string?)clean["data"]!["tls.key"]);
    }

    [Fact]
    public void Status_and_an_in_flight_operation_are_dropped()
    {
        var app = JsonNode.Parse("""{"metadata":{"name":"guestbook"},"spec":{"project":"apps"},"status":"""
            + """{"sync":{"status":"Synced"}},"operation":{"sync":{}}}""")!.AsObject();

        var clean = ClusterExport.Clean(app, "argoproj.io/v1alpha1", "Application");

        Assert.Equal(
            """{"apiVersion":"argoproj.io/v1alpha1","kind":"Application","metadata":{"name":"guestbook"},"spec":{"project":"apps"}}""",
            clean.ToJsonString());
    }

    [Fact]
    public void Annotations_holding_only_last_applied_disappear()
    {
        var map = JsonNode.Parse("""{"metadata":{"name":"argocd-cm","annotations":"""
            + """{"kubectl.kubernetes.io/last-applied-configuration":"{}"}},"data":{"url":"https://argocd.dev"}}""")!.AsObject();

        Assert.Null(ClusterExport.Clean(map, "v1", "ConfigMap")["metadata"]!["annotations"]);
    }

    [Fact]
    public void A_key_list_restores_through_SealedSecretsKeys_with_every_key_rotated_ones_too()
    {
        var list = ClusterExport.List([
            ClusterExport.Clean(Secret("sealed-secrets-keyaaaaa", "active"), "v1", "Secret"),
            ClusterExport.Clean(Secret("sealed-secrets-keybbbbb", "compromised"), "v1", "Secret"),
        ]);

        var restored = YamlReader.ParseAll(SealedSecretsKeys.Render(list, "kube-system"), "restored");

        Assert.StartsWith("apiVersion: v1\nkind: List\nitems:\n", list, StringComparison.Ordinal);
        Assert.Equal(["sealed-secrets-keyaaaaa", "sealed-secrets-keybbbbb"], restored.Select(d => (string?)d!["metadata"]!["name"]));
        Assert.All(restored, d => Assert.Equal("S0VZ", (string?)d!["data"]!["tls.key"]));
    }

    [Fact]
    public void Documents_are_in_name_order_for_stable_files()
    {
        var yaml = ClusterExport.Documents([
            ClusterExport.Clean(JsonNode.Parse("""{"metadata":{"name":"b"}}""")!.AsObject(), "v1", "ConfigMap"),
            ClusterExport.Clean(JsonNode.Parse("""{"metadata":{"name":"a"}}""")!.AsObject(), "v1", "ConfigMap"),
        ]);

        Assert.Equal(["a", "b"], YamlReader.ParseAll(yaml, "docs").Select(d => (string?)d!["metadata"]!["name"]));
    }
}
