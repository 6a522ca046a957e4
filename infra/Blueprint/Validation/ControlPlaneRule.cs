using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Validation;

/// <summary>
/// etcd needs at least one control plane; one gives no HA and an even count adds no fault tolerance. A cluster holds at most
/// 5,000 nodes, the largest Kubernetes supports (https://kubernetes.io/docs/setup/best-practices/cluster-large/).
/// </summary>
public sealed class ControlPlaneRule : IRule<ConfigContext>
{
    public const int MaxNodes = 5000;

    public IEnumerable<Diagnostic> Findings(ConfigContext context)
    {
        var config = context.Config;
        var count = config.Cluster.Nodes.Values.Count(n => n.Role == NodeRole.ControlPlane);
        var key = Keys.Of("nodes");
        if (config.Cluster.Nodes.Count > MaxNodes)
        {
            yield return FindingId.ControlPlaneCount.At(
                key,
                $"has {config.Cluster.Nodes.Count} nodes, more than the {MaxNodes} Kubernetes supports in one cluster",
                "split the nodes into several clusters (stacks)");
        }

        if (count == 0)
        {
            yield return FindingId.ControlPlaneCount.At(key, "has no control plane", "give at least one node role: controlplane (three for HA)");
        }
        else if (count == 1)
        {
            yield return FindingId.SingleControlPlane.At(
                key,
                "has a single control plane: losing it loses the cluster API and etcd",
                "use three control planes for HA");
        }
        else if (count % 2 == 0)
        {
            yield return FindingId.EvenControlPlanes.At(
                key,
                $"has {count} control planes: etcd quorum tolerates no more failures than with {count - 1}",
                $"use an odd number, e.g. {count + 1} or {count - 1}");
        }
    }
}
