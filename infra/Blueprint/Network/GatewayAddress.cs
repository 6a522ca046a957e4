using System.Net;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Network;

namespace Bootstrap.Blueprint.Network;

/// <summary>
/// The cluster's one shared HTTPS Gateway and the address it keeps across rebuilds: the first address of
/// network.loadBalancerPool. That address gets its own Cilium pool, which only the Gateway's Service may use, and the
/// general pool starts one address later, so no other LoadBalancer Service can take it first (LB IPAM hands out any
/// free address of a pool whose serviceSelector matches; docs.cilium.io network/lb-ipam "Service Selectors").
/// </summary>
public static class GatewayAddress
{
    /// <summary>The Gateway in Git (gitops/platform/gateway/&lt;cluster&gt;/gateway.yaml).</summary>
    public const string Name = "platform";

    public const string Namespace = "gateway";

    /// <summary>The GatewayClass the Cilium chart creates (templates/cilium-gateway-api-class.yaml).</summary>
    public const string ClassName = "cilium";

    /// <summary>
    /// Cilium names the LoadBalancer Service of a Gateway "cilium-gateway-&lt;gateway&gt;" in the Gateway's namespace
    /// (cilium/cilium operator/pkg/model/translation/gateway-api/translator.go, desiredService).
    /// </summary>
    public const string ServiceName = $"cilium-gateway-{Name}";

    /// <summary>The address the Gateway asks for in spec.addresses (Cilium 1.16+ honours it through LB IPAM:
    /// Documentation/network/servicemesh/gateway-api/addresses.rst).</summary>
    public static IPAddress For(ClusterSettings cluster) => Ipv4Range.Parse(cluster.Network.LoadBalancerPool).First;

    /// <summary>What the other LoadBalancer Services share: the pool without the Gateway's address.</summary>
    public static Ipv4Range SharedRange(ClusterSettings cluster)
    {
        var pool = Ipv4Range.Parse(cluster.Network.LoadBalancerPool);
        var next = Ipv4.ToNumber(pool.First) + 1;
        return pool with { First = new IPAddress([(byte)(next >> 24), (byte)(next >> 16), (byte)(next >> 8), (byte)next]) };
    }
}
