using System.Text.Json.Nodes;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Blueprint.Tests.GitOps;

/// <summary>What every app namespace gets, and how each kind of extra allow is expressed.</summary>
public class AccessManifestsTests
{
    private static IReadOnlyList<JsonObject> Objects(params AppPeer[] egress) =>
        AccessManifests.Objects("web", new AppAccess("dev-web", [], [], egress));

    private static JsonObject Named(IReadOnlyList<JsonObject> objects, string name) => objects.Single(o => (string?)o["metadata"]!["name"] == name);

    [Fact]
    public void Every_app_namespace_starts_from_default_deny_with_the_baseline_allows()
    {
        var objects = Objects();

        Assert.Equal(["web-default-deny", "web-baseline", "web-from-gateway"], objects.Select(o => (string?)o["metadata"]!["name"]));
        Assert.All(objects, o => Assert.Equal("dev-web", (string?)o["metadata"]!["namespace"]));
        Assert.Equal("""{"podSelector":{},"policyTypes":["Ingress","Egress"]}""", Named(objects, "web-default-deny")["spec"]!.ToJsonString());
        var baseline = Named(objects, "web-baseline")["spec"]!.ToJsonString();
        Assert.Contains(
            """{"from":[{"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"monitoring"}}}]}""", baseline, StringComparison.Ordinal);
        Assert.Contains(
            """{"to":[{"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"kube-system"}},"podSelector":"""
            + """{"matchLabels":{"k8s-app":"kube-dns"}}}],"ports":[{"protocol":"UDP","port":53},{"protocol":"TCP","port":53}]}""",
            baseline,
            StringComparison.Ordinal);
        Assert.Equal(
            """{"endpointSelector":{},"ingress":[{"fromEntities":["ingress"]}]}""", Named(objects, "web-from-gateway")["spec"]!.ToJsonString());
    }

    [Fact]
    public void Namespaces_and_cidrs_are_kubernetes_policies_entities_and_fqdns_ciliums()
    {
        var objects = Objects(
            new AppPeer(PeerKind.Namespace, "dev-redis", [6379]),
            new AppPeer(PeerKind.Cidr, "192.168.40.10/32", [53], "UDP"),
            new AppPeer(PeerKind.Entity, "kube-apiserver", []),
            new AppPeer(PeerKind.Fqdn, "*.github.com", [443]));

        Assert.Equal("NetworkPolicy", (string?)Named(objects, "web-allow")["kind"]);
        Assert.Equal(["Egress"], Named(objects, "web-allow")["spec"]!["policyTypes"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("""[{"toEntities":["kube-apiserver"]}]""", Named(objects, "web-entities")["spec"]!["egress"]!.ToJsonString());
        var fqdn = Named(objects, "web-fqdn")["spec"]!["egress"]!.AsArray();
        Assert.Equal("""{"dns":[{"matchPattern":"*"}]}""", fqdn[0]!["toPorts"]![0]!["rules"]!.ToJsonString());
        Assert.Equal("""[{"matchPattern":"*.github.com"}]""", fqdn[1]!["toFQDNs"]!.ToJsonString());
    }

    [Fact]
    public void A_route_attaches_to_the_shared_gateway()
    {
        var route = AccessManifests.Objects("web", new AppAccess("dev-web", [new AppRoute("web.dev.lab.internal", "web", 8080)], [], []))
            .Single(o => (string?)o["kind"] == "HTTPRoute");

        Assert.Equal(
            """{"parentRefs":[{"group":"gateway.networking.k8s.io","kind":"Gateway","namespace":"gateway","name":"platform"}],"hostnames":"""
            + """["web.dev.lab.internal"],"rules":[{"backendRefs":[{"name":"web","port":8080}]}]}""",
            route["spec"]!.ToJsonString());
    }
}
