using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Proxmox;

namespace Bootstrap.Blueprint.Validation;

/// <summary>
/// Warns when one Proxmox host failing takes the cluster down: it holds enough control planes to break etcd's quorum, or every
/// worker. A warning, not an error: a lab with one host is legitimate, it just has no HA (see <see cref="Placement"/>).
/// </summary>
public sealed class PlacementRule : IRule<ConfigContext>
{
    public IEnumerable<Diagnostic> Findings(ConfigContext context)
    {
        var config = context.Config;
        var key = Keys.Of("nodes");
        var shares = Placement.Of(config.Cluster);
        var controlPlanes = shares.Sum(s => s.ControlPlanes.Count);
        foreach (var share in shares.Where(s => s.LosesQuorum))
        {
            var most = Math.Max(1, controlPlanes - Placement.Quorum(controlPlanes));
            yield return FindingId.HostQuorum.At(
                key,
                $"losing Proxmox host {share.Host} loses the etcd quorum of cluster {config.Cluster.Name}: "
                + $"it runs {share.ControlPlanes.Count} of {controlPlanes} control planes "
                + $"({string.Join(", ", share.ControlPlanes)}), and etcd needs {Placement.Quorum(controlPlanes)} to accept writes",
                controlPlanes - Placement.Quorum(controlPlanes) == 0
                    ? "use three control planes on three hosts (host: of each node) for a cluster that survives a host"
                    : $"put at most {most} control plane(s) on one host: spread them over more hosts (host: of each node)");
        }

        foreach (var share in shares.Where(s => s.LosesEveryWorker))
        {
            yield return FindingId.HostWorkers.At(
                key,
                $"losing Proxmox host {share.Host} stops every worker of cluster {config.Cluster.Name} ({string.Join(", ", share.Workers)}): "
                + "no node is left for the workloads",
                "put the workers on at least two hosts (host: of each node)");
        }
    }
}
