using Bootstrap.Blueprint.Network;

namespace Bootstrap.Tools.Verify;

/// <summary>
/// The stack's CiliumLoadBalancerIPPool exists, is enabled and not in conflict, and every LoadBalancer Service Cilium serves
/// has an address from network.loadBalancerPool.
/// </summary>
public static class LoadBalancerProbe
{
    public const string Name = "load balancer";

    /// <summary>Cilium's LB IPAM sets this condition to True when the pool overlaps another pool.</summary>
    public const string ConflictCondition = "cilium.io/PoolConflict";

    public static ProbeResult Run(ClusterExpectation expected, ClusterState state)
    {
        var pool = $"CiliumLoadBalancerIPPool {expected.PoolName} ({expected.Pool})";
        var missing = new List<string>();
        var notes = new List<string>();
        if (state.Pool is not { } seen)
        {
            missing.Add($"{pool} not found");
        }
        else
        {
            if (seen.Disabled)
            {
                missing.Add($"{pool} is disabled (spec.disabled: true)");
            }

            if (seen.Conditions.FirstOrDefault(c => c.Type == ConflictCondition && c.Status == "True") is { } conflict)
            {
                missing.Add($"{pool} is in conflict{(string.IsNullOrEmpty(conflict.Message) ? "" : $": {conflict.Message}")}");
            }
        }

        var services = state.Services.Where(s => s.Type == "LoadBalancer").OrderBy(s => $"{s.Namespace}/{s.Name}", StringComparer.Ordinal).ToList();
        var served = 0;
        foreach (var service in services)
        {
            var name = $"{service.Namespace}/{service.Name}";
            if (!ServedByCilium(service))
            {
                notes.Add($"{name} has loadBalancerClass {service.LoadBalancerClass}: not Cilium's, not checked");
                continue;
            }

            served++;
            if (service.IngressIps.Count == 0)
            {
                missing.Add($"Service {name} has no LoadBalancer IP yet (pending)");
                continue;
            }

            foreach (var ip in service.IngressIps.Where(ip => !Ipv4.TryParse(ip, out var address) || !expected.Pool.Contains(address)))
            {
                missing.Add($"Service {name} got {ip}, outside {expected.Pool}");
            }
        }

        return new ProbeResult(Name, $"{pool} allocates; {served} LoadBalancer Service(s) have addresses in it", missing, notes);
    }

    /// <summary>LB IPAM serves Services without a class and those with one of Cilium's own (io.cilium/*).</summary>
    private static bool ServedByCilium(ObservedService service) =>
        service.LoadBalancerClass is null || service.LoadBalancerClass.StartsWith("io.cilium/", StringComparison.Ordinal);
}
