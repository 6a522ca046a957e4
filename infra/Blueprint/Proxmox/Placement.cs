using Bootstrap.Blueprint.Config;

namespace Bootstrap.Blueprint.Proxmox;

/// <summary>The nodes one Proxmox host runs, and what the cluster keeps when that host fails.</summary>
public sealed record HostShare(string Host, IReadOnlyList<string> ControlPlanes, IReadOnlyList<string> Workers, int Cores, int MemoryMiB)
{
    /// <summary>The control planes still running when this host is down.</summary>
    public int ControlPlanesLeft { get; init; }

    public int WorkersLeft { get; init; }

    /// <summary>Losing this host leaves fewer etcd members than a quorum: the API stops accepting writes.</summary>
    public bool LosesQuorum { get; init; }

    /// <summary>Losing this host stops every worker: nothing is left to run the workloads.</summary>
    public bool LosesEveryWorker { get; init; }
}

/// <summary>How the nodes spread over the Proxmox hosts. Every control plane runs an etcd member, and etcd accepts writes
/// only with a quorum of (n/2)+1 (etcd.io FAQ "Why an odd number of cluster members?"), so a host holding more than
/// n - quorum control planes takes the cluster API down with it.</summary>
public static class Placement
{
    public static int Quorum(int members) => members / 2 + 1;

    /// <summary>One entry per Proxmox host, hosts in ordinal order, nodes as people read them (cp-2 before cp-10).</summary>
    public static IReadOnlyList<HostShare> Of(ClusterSettings cluster)
    {
        var nodes = cluster.Nodes.OrderBy(n => n.Key, NodeOrder.Instance).ToList();
        var controlPlanes = nodes.Count(n => n.Value.Role == NodeRole.ControlPlane);
        var workers = nodes.Count - controlPlanes;
        return nodes
            .GroupBy(n => n.Value.Host, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var cps = g.Where(n => n.Value.Role == NodeRole.ControlPlane).Select(n => n.Key).ToList();
                var ws = g.Where(n => n.Value.Role == NodeRole.Worker).Select(n => n.Key).ToList();
                return new HostShare(g.Key, cps, ws, g.Sum(n => n.Value.Cores), g.Sum(n => n.Value.MemoryMiB))
                {
                    ControlPlanesLeft = controlPlanes - cps.Count,
                    WorkersLeft = workers - ws.Count,
                    LosesQuorum = controlPlanes > 0 && controlPlanes - cps.Count < Quorum(controlPlanes),
                    LosesEveryWorker = workers > 0 && ws.Count == workers,
                };
            })
            .ToList();
    }

    /// <summary>
    /// new-env's spread: each node in turn on the next host (round-robin), control planes first, so they land on as many hosts
    /// as there are; the workers continue the round where the control planes stopped, which evens out the load.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Spread(IReadOnlyList<(string Name, NodeRole Role)> nodes, IReadOnlyList<string> hosts)
    {
        var ordered = nodes.Where(n => n.Role == NodeRole.ControlPlane).OrderBy(n => n.Name, NodeOrder.Instance)
            .Concat(nodes.Where(n => n.Role == NodeRole.Worker).OrderBy(n => n.Name, NodeOrder.Instance));
        return ordered.Select((n, i) => (n.Name, Host: hosts[i % hosts.Count])).ToDictionary(n => n.Name, n => n.Host, StringComparer.Ordinal);
    }
}
