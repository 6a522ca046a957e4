using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Blueprint.Validation;

namespace Bootstrap.Blueprint.Tests.Validation;

public class AddressRuleTests
{
    private readonly StackInput _input = StackInput.Of("dev");

    private IReadOnlyList<Bootstrap.Blueprint.Diagnostics.Diagnostic> AddressFindings() => _input.FindingsOf(new AddressRule());

    [Fact]
    public void The_dev_and_ops_address_plans_are_clean()
    {
        Assert.Empty(AddressFindings());
        Assert.Empty(StackInput.Of("ops").FindingsOf(new AddressRule()));
    }

    [Fact]
    public void A_node_outside_the_cidr_names_the_node_and_the_usable_range()
    {
        _input.Node("cp-2")["ip"] = "192.168.50.62";

        Findings.SingleError(
            AddressFindings(),
            "bootstrap:cluster.nodes.cp-2.ip",
            "192.168.50.62 is outside network.cidr 192.168.40.0/24",
            "192.168.40.1–192.168.40.254");
    }

    [Fact]
    public void An_address_that_does_not_parse_is_an_error()
    {
        _input.Network["vip"] = "192.168.40";

        Findings.SingleError(AddressFindings(), "bootstrap:cluster.network.vip", "\"192.168.40\" is not an IPv4 address");
    }

    [Theory]
    [InlineData("192.168.40.0", "network")]
    [InlineData("192.168.40.255", "broadcast")]
    public void Network_and_broadcast_addresses_are_never_used(string address, string which)
    {
        _input.Node("worker-1")["ip"] = address;

        Findings.SingleError(AddressFindings(), "bootstrap:cluster.nodes.worker-1.ip", $"is the {which} address of 192.168.40.0/24");
    }

    [Fact]
    public void Two_nodes_on_one_address_collide()
    {
        _input.Node("worker-2")["ip"] = "192.168.40.64";

        Findings.SingleError(
            AddressFindings(),
            "bootstrap:cluster.nodes.worker-2.ip",
            "192.168.40.64 is already used by node worker-1 (bootstrap:cluster.nodes.worker-1.ip)");
    }

    [Fact]
    public void The_vip_may_not_be_the_gateway()
    {
        _input.Network["vip"] = "192.168.40.1";

        Findings.SingleError(AddressFindings(), "bootstrap:cluster.network.vip", "already used by the gateway");
    }

    [Fact]
    public void A_node_may_not_take_the_vip()
    {
        _input.Node("cp-1")["ip"] = "192.168.40.60";

        Findings.SingleError(AddressFindings(), "bootstrap:cluster.nodes.cp-1.ip", "already used by the API VIP");
    }

    [Fact]
    public void The_pool_may_not_overlap_a_node()
    {
        _input.Network["loadBalancerPool"] = "192.168.40.65-192.168.40.89";

        Findings.SingleError(AddressFindings(), "bootstrap:cluster.network.loadBalancerPool", "overlaps node worker-2");
    }

    [Fact]
    public void The_pool_may_not_hold_the_vip()
    {
        _input.Network["loadBalancerPool"] = "192.168.40.50-192.168.40.59";
        _input.Network["vip"] = "192.168.40.55";

        Findings.SingleError(AddressFindings(), "bootstrap:cluster.network.loadBalancerPool", "overlaps the API VIP");
    }

    [Theory]
    [InlineData("192.168.40.89-192.168.40.70", "starts at 192.168.40.89 after it ends at 192.168.40.70")]
    [InlineData("192.168.40.70", "is not an address range")]
    [InlineData("192.168.40.200-192.168.41.10", "192.168.41.10 is outside network.cidr")]
    [InlineData("192.168.40.250-192.168.40.255", "broadcast address")]
    public void The_pool_is_a_well_formed_range_inside_the_cidr(string pool, string problem)
    {
        _input.Network["loadBalancerPool"] = pool;

        Findings.SingleError(AddressFindings(), "bootstrap:cluster.network.loadBalancerPool", problem);
    }

    [Theory]
    [InlineData("192.168.40.0/33")]
    [InlineData("192.168.40.5/24")]
    [InlineData("192.168.40.0")]
    public void The_cidr_must_be_a_network_in_cidr_form(string cidr)
    {
        _input.Network["cidr"] = cidr;

        var findings = AddressFindings();

        Findings.SingleError(findings, "bootstrap:cluster.network.cidr", "is not an IPv4 network in CIDR form");
        Assert.Single(findings);
    }

    [Fact]
    public void Pod_and_service_subnets_must_not_overlap_the_node_network()
    {
        _input.Network["podSubnet"] = "192.168.0.0/16";

        Findings.SingleError(AddressFindings(), "bootstrap:cluster.network.podSubnet", "overlaps the node network 192.168.40.0/24");
    }

    [Fact]
    public void Nameservers_must_be_addresses()
    {
        _input.Network["nameservers"] = new System.Text.Json.Nodes.JsonArray("dns.lab.internal");

        Findings.SingleError(AddressFindings(), "bootstrap:cluster.network.nameservers[0]", "is not an IP address");
    }
}
