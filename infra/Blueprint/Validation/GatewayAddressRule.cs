using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Network;

namespace Bootstrap.Blueprint.Validation;

/// <summary>The pool's first address is the Gateway's; at least one more must be left for other LoadBalancer Services.</summary>
public sealed class GatewayAddressRule : IRule<ConfigContext>
{
    public IEnumerable<Diagnostic> Findings(ConfigContext context)
    {
        var config = context.Config;
        // A malformed or reversed pool is AddressRule's finding; only a well-formed one is checked here.
        if (Ipv4Range.TryParse(config.Cluster.Network.LoadBalancerPool, out var pool) && pool.IsOrdered && pool.Count < 2)
        {
            yield return FindingId.GatewayAddressPool.At(
                Keys.Network("loadBalancerPool"),
                $"{pool} has one address, which the shared Gateway takes, and none for other LoadBalancer Services",
                $"widen it to at least two addresses, e.g. {pool.First}-<a higher address>");
        }
    }
}
