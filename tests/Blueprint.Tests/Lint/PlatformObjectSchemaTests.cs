using System.Text.Json.Nodes;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Analyser.Lint;
using NJsonSchema;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Lint;

/// <summary>
/// The Gateway, network-policy and monitoring objects under gitops/ (and the Gateway's Cilium pool) against the upstream
/// schemas in ../shared/schemas, until `lint --schemas` covers every kind: Gateway API v1.6.1, cert-manager v1.21.1,
/// Prometheus Operator v0.93.1, Cilium's policy and pool schemas, and Kubernetes 1.35's OpenAPI documents.
/// </summary>
public partial class PlatformObjectSchemaTests
{
    /// <summary>(apiVersion, kind) → the upstream file and how to read it.</summary>
    private static readonly Dictionary<(string, string), Func<JsonSchema>> Schemas = new()
    {
        [("gateway.networking.k8s.io/v1", "Gateway")] = Crd("gateway-api/v1.6.1/gateway.networking.k8s.io_gateways.yaml", "v1"),
        [("gateway.networking.k8s.io/v1", "HTTPRoute")] = Crd("gateway-api/v1.6.1/gateway.networking.k8s.io_httproutes.yaml", "v1"),
        [("cert-manager.io/v1", "Certificate")] = Crd("cert-manager-crds/v1.21.1/cert-manager.io_certificates.yaml", "v1"),
        [("monitoring.coreos.com/v1", "ServiceMonitor")] = Crd("prometheus-operator-crds/v0.93.1/crd-servicemonitors.yaml", "v1"),
        [("monitoring.coreos.com/v1", "PodMonitor")] = Crd("prometheus-operator-crds/v0.93.1/crd-podmonitors.yaml", "v1"),
        [("monitoring.coreos.com/v1", "PrometheusRule")] = Crd("prometheus-operator-crds/v0.93.1/crd-prometheusrules.yaml", "v1"),
        [("cilium.io/v2", "CiliumNetworkPolicy")] = Json("cilium-crds-jsonschema/v1.18.2/ciliumnetworkpolicy_v2.json"),
        [("cilium.io/v2", "CiliumLoadBalancerIPPool")] = Json("cilium-crds-jsonschema/v1.18.2/ciliumloadbalancerippool_v2.json"),
        [("networking.k8s.io/v1", "NetworkPolicy")] = OpenApi(
            "kubernetes/1.35/apis/networking.k8s.io/v1.json", "io.k8s.api.networking.v1.NetworkPolicy"),
        [("v1", "ConfigMap")] = OpenApi("kubernetes/1.35/api/v1.json", "io.k8s.api.core.v1.ConfigMap"),
    };

    private static readonly Dictionary<(string, string), JsonSchema> Loaded = [];

    private static readonly Lazy<GitOpsTree> Tree = new(() => GitOpsTree.Load(Repo.Directory, []));

    public static TheoryData<string> Objects()
    {
        var data = new TheoryData<string>();
        foreach (var item in Tree.Value.Objects.Where(o => Schemas.ContainsKey(Key(o.Body))))
        {
            data.Add($"{item.File}#{item.Document}");
        }

        return data;
    }

    [SchemaTheory]
    [MemberData(nameof(Objects))]
    public void Every_platform_object_in_git_matches_its_upstream_schema(string which)
    {
        var hash = which.IndexOf('#', StringComparison.Ordinal);
        var (file, document) = (which[..hash], int.Parse(which[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        var item = Tree.Value.Objects.Single(o => o.File == file && o.Document == document);

        Assert.Empty(SchemaViolation.Find(Schema(Key(item.Body)), item.Body).Select(v => $"{item.Where}: {v.Where} {v.Problem}"));
    }

    [SchemaFact]
    public void The_load_balancer_pools_pulumi_creates_match_cilium_s_schema()
    {
        var pools = StackInput.Of("dev").Blueprint().Addons.LoadBalancer.Where(m => m.Kind == "CiliumLoadBalancerIPPool").ToList();

        // The Gateway's own pool and the shared one; without them the loop below would check nothing.
        Assert.Equal(["cilium-gateway-pool", "cilium-load-balancer-pool"], pools.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.All(pools, manifest => Assert.Empty(SchemaViolation.Find(Schema(Key(manifest.Body)), manifest.Body)));
    }

    [SchemaFact]
    public void A_misspelled_field_is_caught_in_every_kind()
    {
        var broken = new (string Kind, string Text)[]
        {
            ("Gateway", "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g}\nspec:\n"
                + "  gatewayClassName: cilium\n  listener: []\n"),
            ("NetworkPolicy", "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelektor: {}\n"),
            ("CiliumNetworkPolicy", "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: p}\nspec:\n  endpointSelector: {}\n"
                + "  ingress:\n    - fromEntity: [ingress]\n"),
            ("ServiceMonitor", "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: m}\nspec:\n"
                + "  selector: {}\n  endpoint: []\n"),
        };
        foreach (var (kind, text) in broken)
        {
            var body = (JsonObject)Bootstrap.Blueprint.Yaml.YamlReader.Parse(text, kind)!;
            Assert.True(SchemaViolation.Find(Schema(Key(body)), body).Count > 0, $"{kind}: a misspelled field passed");
        }
    }

    private static (string, string) Key(JsonObject body) => ((string?)body["apiVersion"] ?? "", (string?)body["kind"] ?? "");

    private static JsonSchema Schema((string, string) key)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(key, out var schema))
            {
                Loaded[key] = schema = Schemas[key]();
            }

            return schema;
        }
    }

    private static Func<JsonSchema> Crd(string file, string version) => () => CrdSchema.Load(Path.Combine(UpstreamSchemas.Folder, file), version);

    private static Func<JsonSchema> Json(string file) =>
        () => SchemaDocument.Parse(File.ReadAllText(Path.Combine(UpstreamSchemas.Folder, file)), file);

    /// <summary>
    /// One kind of a Kubernetes OpenAPI v3 document as a JSON Schema: its components become definitions, and like
    /// kubectl-validate's strict mode an object with declared properties takes no others.
    /// </summary>
    private static Func<JsonSchema> OpenApi(string file, string name) => () =>
    {
        // NJsonSchema does not resolve a root $ref into definitions named with dots; the kind's own schema becomes the root
        // and every definition is renamed without dots (names only; the schemas are unchanged).
        var text = File.ReadAllText(Path.Combine(UpstreamSchemas.Folder, file));
        text = ComponentRef().Replace(text, m => $"\"#/definitions/{m.Groups[1].Value.Replace('.', '_')}\"");
        var components = (JsonObject)JsonNode.Parse(text)!["components"]!["schemas"]!;
        var definitions = new JsonObject();
        foreach (var (key, definition) in components.ToList())
        {
            components.Remove(key);
            Close(definition);
            definitions[key.Replace('.', '_')] = definition;
        }

        var schema = (JsonObject)definitions[name.Replace('.', '_')]!.DeepClone();
        schema["definitions"] = definitions;
        return SchemaDocument.Parse(schema.ToJsonString(), file);
    };

    private static void Close(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema["properties"] is JsonObject properties)
        {
            schema.TryAdd("additionalProperties", false);
            foreach (var (_, property) in properties)
            {
                Close(property);
            }
        }

        Close(schema["items"]);
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"#/components/schemas/([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex ComponentRef();
}
