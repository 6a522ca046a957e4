using System.Net;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Network;
using Bootstrap.Blueprint.Proxmox;
using Bootstrap.Blueprint.Validation;

namespace Bootstrap.Tools.Environments;

/// <summary>Where one node of a new environment goes: its address, its Proxmox host and its VM id.</summary>
public sealed record NodeSlot(string Name, string Ip, string Host, int VmId);

/// <summary>The new environment's nodes: the source's (names, roles, sizes), control planes first, on the addresses after the VIP
/// (skipping gateway, resolvers and load-balancer pool), round-robin over the hosts, VM ids numbered as dev and ops do:
/// base plus the address's offset in the network (6000 + .61 = 6061).</summary>
public static class NodeLayout
{
    /// <summary>Proxmox keeps one VM id space per cluster (pve-manager PVE/API2/Cluster.pm GET /cluster/nextid) and the environments
    /// share the Proxmox cluster, so a new environment's ids must be new to every stack.</summary>
    public static int DefaultVmIdBase(IEnumerable<int> usedVmIds, int firstOffset)
    {
        var highest = usedVmIds.DefaultIfEmpty(0).Max();
        var vmIdBase = 1000;
        while (vmIdBase + firstOffset <= highest || vmIdBase + firstOffset < ProxmoxRule.MinVmId)
        {
            vmIdBase += 1000;
        }

        return vmIdBase;
    }

    public static (IReadOnlyList<NodeSlot> Slots, IReadOnlyList<Diagnostic> Problems) Assign(
        IReadOnlyList<(string Name, NodeRole Role)> nodes,
        IPNetwork2 network,
        IPAddress vip,
        IEnumerable<IPAddress> taken,
        Ipv4Range pool,
        IReadOnlyList<string> hosts,
        int? vmIdBase,
        IReadOnlyDictionary<int, string> vmIdsInUse)
    {
        var hostOf = Placement.Spread(nodes, hosts);
        var order = hostOf.Keys.ToList();
        var skip = taken.Select(Ipv4.ToNumber).ToHashSet();
        var last = Ipv4.ToNumber(network.Broadcast!) - 1;
        var next = Ipv4.ToNumber(vip) + 1;
        var addresses = new List<uint>();
        foreach (var _ in order)
        {
            while (next <= last && (skip.Contains(next) || pool.Contains(Address(next))))
            {
                next++;
            }

            if (next > last)
            {
                return ([], [FindingId.NewEnvInput.At(
                    $"--vip {vip}",
                    $"leaves too few addresses after it in {network} for the {order.Count} nodes (they take the free addresses "
                    + "after the VIP, outside the pool)",
                    "pick a lower --vip or a larger --cidr")]);
            }

            addresses.Add(next++);
        }

        var offsets = addresses.Select(a => (int)(a - Ipv4.ToNumber(network.Network!))).ToList();
        var chosenBase = vmIdBase ?? DefaultVmIdBase(vmIdsInUse.Keys, offsets.Min());
        var slots = order.Select((name, i) => new NodeSlot(name, Address(addresses[i]).ToString(), hostOf[name], chosenBase + offsets[i])).ToList();
        var clashes = slots.Where(s => vmIdsInUse.ContainsKey(s.VmId)).ToList();
        if (clashes.Count > 0)
        {
            var suggestion = DefaultVmIdBase(vmIdsInUse.Keys, offsets.Min());
            return ([], [FindingId.NewEnvInput.At(
                $"--vm-id-base {chosenBase}",
                $"gives node {clashes[0].Name} VM id {clashes[0].VmId}, which {vmIdsInUse[clashes[0].VmId]} already uses"
                + (clashes.Count > 1 ? $" (and {clashes.Count - 1} more)" : "") + ": Proxmox VM ids are unique across its cluster",
                $"pick a base no other environment's ids fall on, e.g. --vm-id-base {suggestion}")]);
        }

        return (slots, []);
    }

    private static IPAddress Address(uint number) => new([(byte)(number >> 24), (byte)(number >> 16), (byte)(number >> 8), (byte)number]);
}
