namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>
/// dev runs every node on Proxmox host pve1, so plan, lint and verify warn that losing pve1 loses its etcd quorum and every
/// worker. Intended: dev is the no-HA environment. Tests that expect a quiet stderr for dev expect exactly these lines.
/// </summary>
internal static class DevWarnings
{
    public static readonly string[] Placement =
    [
        "warning: bootstrap:cluster.nodes: losing Proxmox host pve1 loses the etcd quorum of cluster dev: it runs 3 of 3 control planes "
            + "(cp-1, cp-2, cp-3), and etcd needs 2 to accept writes; put at most 1 control plane(s) on one host: "
            + "spread them over more hosts (host: of each node)",
        "warning: bootstrap:cluster.nodes: losing Proxmox host pve1 stops every worker of cluster dev (worker-1, worker-2): no node is left for the "
            + "workloads; put the workers on at least two hosts (host: of each node)",
    ];

    /// <summary>Asserts stderr holds dev's placement warnings and nothing else.</summary>
    public static void OnlyPlacement(string stderr) => Assert.Equal(Placement, stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
}
