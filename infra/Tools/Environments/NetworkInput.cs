using System.Net;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Network;
using Bootstrap.Blueprint.Validation;

namespace Bootstrap.Tools.Environments;

/// <summary>new-env's network flags, parsed; each problem names its flag. The checks needing the whole stack (addresses in use,
/// pool overlaps) are the validation rules', run on the stack file new-env writes.</summary>
public sealed record NetworkInput(IPNetwork2 Network, IPAddress Gateway, IPAddress Vip, Ipv4Range Pool, IReadOnlyList<IPAddress> Nameservers)
{
    public static NetworkInput? Parse(NewEnvironmentRequest request, List<Diagnostic> findings)
    {
        if (!Ipv4.TryParseNetwork(request.Cidr, out var network))
        {
            findings.Add(FindingId.NewEnvInput.At(
                $"--cidr {request.Cidr}",
                "is not an IPv4 network in CIDR form",
                "write the network address and prefix, e.g. 192.168.60.0/24"));
        }

        var addresses = new Dictionary<string, IPAddress>();
        foreach (var (flag, text) in new[] { ("--gateway", request.Gateway), ("--vip", request.Vip) })
        {
            if (Ipv4.TryParse(text, out var address))
            {
                addresses[flag] = address;
            }
            else
            {
                findings.Add(FindingId.NewEnvInput.At(
                    $"{flag} {text}", "is not an IPv4 address", "write a dotted quad inside --cidr, e.g. 192.168.60.60"));
            }
        }

        if (!Ipv4Range.TryParse(request.Pool, out var pool) || !pool.IsOrdered)
        {
            findings.Add(FindingId.NewEnvInput.At(
                $"--pool {request.Pool}",
                "is not an address range first-last",
                "write e.g. 192.168.60.70-192.168.60.89 (the first address is the Gateway's)"));
        }

        var nameservers = new List<IPAddress>();
        foreach (var text in request.Nameservers ?? [])
        {
            if (Ipv4.TryParse(text, out var address))
            {
                nameservers.Add(address);
            }
            else
            {
                findings.Add(FindingId.NewEnvInput.At(
                    $"--nameservers {text}",
                    "is not an IPv4 address",
                    "list resolver addresses separated by ',', e.g. 192.168.60.1"));
            }
        }

        foreach (var host in (request.Hosts ?? []).Where(h => h.Length == 0))
        {
            findings.Add(FindingId.NewEnvInput.At(
                "--hosts", "has an empty host name", "list Proxmox node names separated by ',', e.g. pve1,pve2,pve3"));
        }

        if (request.Domain is { } domain && !domain.Split('.').All(NameRule.IsDnsLabel))
        {
            findings.Add(FindingId.NewEnvInput.At(
                $"--domain {domain}",
                "is not a DNS name",
                "write lowercase labels separated by '.', e.g. lab.lab.internal"));
        }

        if (findings.Count > 0)
        {
            return null;
        }

        var vip = addresses["--vip"];
        if (!network.Contains(vip) || vip.Equals(network.Network) || vip.Equals(network.Broadcast))
        {
            findings.Add(FindingId.NewEnvInput.At(
                $"--vip {vip}",
                $"is not a host address of --cidr {network}",
                $"use an address in {network.FirstUsable}–{network.LastUsable}"));
            return null;
        }

        return new NetworkInput(network, addresses["--gateway"], vip, pool, nameservers);
    }
}
