using System.Net;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Network;

namespace Bootstrap.Blueprint.Validation;

/// <summary>
/// Every address parses and lies inside network.cidr, never on the network or broadcast address; gateway, VIP,
/// node IPs and the load-balancer pool never share an address; pod and service subnets stay clear of the node network.
/// </summary>
public sealed class AddressRule : IRule<ConfigContext>
{
    public IEnumerable<Diagnostic> Findings(ConfigContext context)
    {
        var config = context.Config;
        var net = config.Cluster.Network;
        if (!Ipv4.TryParseNetwork(net.Cidr, out var cidr))
        {
            yield return FindingId.NetworkAddress.At(
                Keys.Network("cidr"),
                $"\"{net.Cidr}\" is not an IPv4 network in CIDR form",
                "write the network address and prefix, e.g. 192.168.40.0/24");
            yield break;
        }

        if (cidr.Cidr > 29)
        {
            yield return FindingId.NetworkAddress.At(
                Keys.Network("cidr"),
                $"/{cidr.Cidr} leaves too few addresses for a cluster",
                "use a prefix of /29 or shorter, e.g. /24");
        }

        var range = $"{cidr.FirstUsable}–{cidr.LastUsable}";
        var owners = new List<(string Key, IPAddress Address, string What)>();

        foreach (var finding in Single(Keys.Network("gateway"), net.Gateway, cidr, range, owners, "the gateway"))
        {
            yield return finding;
        }

        foreach (var finding in Single(Keys.Network("vip"), net.Vip, cidr, range, owners, "the API VIP"))
        {
            yield return finding;
        }

        foreach (var (name, node) in config.Cluster.Nodes)
        {
            foreach (var finding in Single(Keys.Node(name, "ip"), node.Ip, cidr, range, owners, $"node {name}"))
            {
                yield return finding;
            }
        }

        foreach (var finding in Pool(net.LoadBalancerPool, cidr, range, owners))
        {
            yield return finding;
        }

        for (var i = 0; i < net.Nameservers.Count; i++)
        {
            if (!IPAddress.TryParse(net.Nameservers[i], out _) || !net.Nameservers[i].Contains('.') && !net.Nameservers[i].Contains(':'))
            {
                yield return FindingId.NetworkAddress.At(
                    ConfigKey.Item(Keys.Network("nameservers"), i),
                    $"\"{net.Nameservers[i]}\" is not an IP address",
                    "list resolver IP addresses, e.g. 192.168.40.1");
            }
        }

        if (net.Nameservers.Count == 0)
        {
            yield return FindingId.NetworkAddress.At(Keys.Network("nameservers"), "is empty", "list at least one DNS resolver, e.g. [192.168.40.1]");
        }

        foreach (var finding in Subnets(net, cidr))
        {
            yield return finding;
        }
    }

    private static IEnumerable<Diagnostic> Single(
        string key, string text, IPNetwork2 cidr, string range, List<(string Key, IPAddress Address, string What)> owners, string what)
    {
        if (!Ipv4.TryParse(text, out var address))
        {
            yield return FindingId.NetworkAddress.At(key, $"\"{text}\" is not an IPv4 address", $"use an address in {range}");
            yield break;
        }

        foreach (var finding in Inside(key, address, cidr, range))
        {
            yield return finding;
            yield break;
        }

        foreach (var owner in owners.Where(o => o.Address.Equals(address)))
        {
            yield return FindingId.NetworkAddress.At(
                key,
                $"{address} is already used by {owner.What} ({owner.Key})",
                "give every gateway, VIP, node and pool its own addresses");
        }

        owners.Add((key, address, what));
    }

    private static IEnumerable<Diagnostic> Pool(string text, IPNetwork2 cidr, string range, List<(string Key, IPAddress Address, string What)> owners)
    {
        var key = Keys.Network("loadBalancerPool");
        if (!Ipv4Range.TryParse(text, out var pool))
        {
            yield return FindingId.NetworkAddress.At(key, $"\"{text}\" is not an address range", $"write first-last with both ends in {range}");
            yield break;
        }

        if (!pool.IsOrdered)
        {
            yield return FindingId.NetworkAddress.At(key, $"starts at {pool.First} after it ends at {pool.Last}", "write the lower address first");
            yield break;
        }

        var outside = false;
        foreach (var finding in Inside(key, pool.First, cidr, range).Concat(Inside(key, pool.Last, cidr, range)))
        {
            outside = true;
            yield return finding;
        }

        if (outside)
        {
            yield break;
        }

        foreach (var owner in owners.Where(o => pool.Contains(o.Address)))
        {
            yield return FindingId.NetworkAddress.At(
                key,
                $"{pool} overlaps {owner.What} ({owner.Key})",
                "move the pool to addresses no node, gateway or VIP uses");
        }
    }

    private static IEnumerable<Diagnostic> Inside(string key, IPAddress address, IPNetwork2 cidr, string range)
    {
        if (!cidr.Contains(address))
        {
            yield return FindingId.NetworkAddress.At(key, $"{address} is outside network.cidr {cidr}", $"use an address in {range}");
        }
        else if (address.Equals(cidr.Network) || address.Equals(cidr.Broadcast))
        {
            var which = address.Equals(cidr.Network) ? "network" : "broadcast";
            yield return FindingId.NetworkAddress.At(key, $"{address} is the {which} address of {cidr}", $"use an address in {range}");
        }
    }

    private static IEnumerable<Diagnostic> Subnets(NetworkSettings net, IPNetwork2 cidr)
    {
        var parsed = new List<(string Key, IPNetwork2 Net)>();
        foreach (var (field, text) in new[] { ("podSubnet", net.PodSubnet), ("serviceSubnet", net.ServiceSubnet) })
        {
            if (!Ipv4.TryParseNetwork(text, out var subnet))
            {
                yield return FindingId.NetworkAddress.At(
                    Keys.Network(field),
                    $"\"{text}\" is not an IPv4 network in CIDR form",
                    "write the network address and prefix, e.g. 10.244.0.0/16");
                continue;
            }

            if (subnet.Overlap(cidr))
            {
                yield return FindingId.NetworkAddress.At(
                    Keys.Network(field),
                    $"{subnet} overlaps the node network {cidr}",
                    "pick a private range the LAN does not use, e.g. 10.244.0.0/16 for pods, 10.96.0.0/12 for services");
            }

            foreach (var other in parsed.Where(p => p.Net.Overlap(subnet)))
            {
                yield return FindingId.NetworkAddress.At(
                    Keys.Network(field),
                    $"{subnet} overlaps {other.Key} {other.Net}",
                    "pods and services need separate ranges");
            }

            parsed.Add((Keys.Network(field), subnet));
        }
    }
}
