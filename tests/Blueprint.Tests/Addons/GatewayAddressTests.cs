using System.Text.Json.Nodes;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Blueprint.Validation;

namespace Bootstrap.Blueprint.Tests.Addons;

/// <summary>The Gateway keeps the pool's first address: its own pool holds it, the shared pool starts after it.</summary>
public class GatewayAddressTests
{
    private readonly StackInput _input = StackInput.Of("dev");

    private static JsonNode Spec(IReadOnlyList<Manifest> manifests, string name) => manifests.Single(m => m.Name == name).Body["spec"]!;

    [Fact]
    public void The_gateway_pool_holds_the_first_address_for_the_gateway_service_alone()
    {
        var manifests = _input.Blueprint().Addons.LoadBalancer;

        Assert.Equal(
            """{"blocks":[{"start":"192.168.40.70","stop":"192.168.40.70"}],"serviceSelector":"""
            + """{"matchLabels":{"io.kubernetes.service.namespace":"gateway","io.kubernetes.service.name":"cilium-gateway-platform"}}}""",
            Spec(manifests, "cilium-gateway-pool").ToJsonString());
        Assert.Equal("dev-gateway", (string?)manifests.Single(m => m.Name == "cilium-gateway-pool").Body["metadata"]!["name"]);
        // The pools must not overlap: Cilium marks the later of two overlapping pools Conflicting and allocates nothing from it.
        Assert.Equal(
            """{"blocks":[{"start":"192.168.40.71","stop":"192.168.40.89"}]}""", Spec(manifests, "cilium-load-balancer-pool").ToJsonString());
    }

    [Fact]
    public void Plan_prints_the_gateway_address_and_a_record_per_routed_host()
    {
        var gateway = _input.Blueprint().Platform.Gateway;

        Assert.Equal("192.168.40.70", gateway.Address);
        Assert.Equal(
            ["argocd.dev.lab.internal A 192.168.40.70", "nginx.dev.lab.internal A 192.168.40.70"], gateway.DnsRecords.Select(r => r.ToString()));
        Assert.Equal(
            ["argocd.ops.lab.internal", "grafana.ops.lab.internal", "nginx.ops.lab.internal"],
            StackInput.Of("ops").Blueprint().Platform.Gateway.Hosts);
    }

    [Fact]
    public void A_one_address_pool_leaves_nothing_for_other_services()
    {
        _input.Network["loadBalancerPool"] = "192.168.40.70-192.168.40.70";

        Findings.SingleError(
            _input.FindingsOf(new GatewayAddressRule()),
            "bootstrap:cluster.network.loadBalancerPool",
            "has one address, which the shared Gateway takes");
    }

    [Theory]
    [InlineData("192.168.40.89-192.168.40.70")]
    [InlineData("not a range")]
    public void A_malformed_pool_is_left_to_the_address_rule(string pool)
    {
        _input.Network["loadBalancerPool"] = pool;

        Assert.Empty(_input.FindingsOf(new GatewayAddressRule()));
    }
}
