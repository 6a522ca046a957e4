using System.Net;
using Bootstrap.Blueprint.Config;

namespace Bootstrap.Blueprint.Network;

/// <summary>The cluster's shared HTTPS Gateway and its stable address, the first of network.loadBalancerPool. That address
/// has its own Cilium pool only the Gateway's Service may use, and the general pool starts one later, so no other Service
/// takes it first (docs.cilium.io network/lb-ipam "Service Selectors").</summary>
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

    /// <summary>The address the Gateway asks for in spec.addresses (Cilium honours it through LB IPAM:
    /// cilium/cilium Documentation/network/servicemesh/gateway-api/addresses.rst).</summary>
    public static IPAddress For(ClusterSettings cluster) => Ipv4Range.Parse(cluster.Network.LoadBalancerPool).First;

    /// <summary>What the other LoadBalancer Services share: the pool without the Gateway's address.</summary>
    public static Ipv4Range SharedRange(ClusterSettings cluster)
    {
        var pool = Ipv4Range.Parse(cluster.Network.LoadBalancerPool);
        var next = Ipv4.ToNumber(pool.First) + 1;
        return pool with { First = new IPAddress([(byte)(next >> 24), (byte)(next >> 16), (byte)(next >> 8), (byte)next]) };
    }
}
