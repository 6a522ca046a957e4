using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Network;

namespace Bootstrap.Blueprint.Addons;

/// <summary>The LoadBalancer addresses Cilium hands out (LB IPAM) and announces on the LAN over ARP (L2 announcements).</summary>
public static class LoadBalancerPool
{
    /// <summary>The CRDs of the pool and policy objects, which cilium-operator registers at run time.</summary>
    public static readonly IReadOnlyList<string> Crds = ["ciliumloadbalancerippools.cilium.io", "ciliuml2announcementpolicies.cilium.io"];

    /// <summary>The pools and the L2 policy, as Pulumi applies them together.</summary>
    public static IReadOnlyList<Manifest> Manifests(ClusterSettings cluster) => [.. Pools(cluster), L2Policy(cluster)];

    /// <summary>The general pool and the Gateway's own one-address pool; the two never overlap (overlapping pools conflict).</summary>
    public static IReadOnlyList<Manifest> Pools(ClusterSettings cluster) => [Pool(cluster), GatewayPool(cluster)];

    /// <summary>Every LoadBalancer Service but the Gateway's gets an address from here: the stack's pool without its first address.</summary>
    public static Manifest Pool(ClusterSettings cluster)
    {
        var range = GatewayAddress.SharedRange(cluster);
        return new Manifest("cilium-load-balancer-pool", new JsonObject
        {
            ["apiVersion"] = "cilium.io/v2",
            ["kind"] = "CiliumLoadBalancerIPPool",
            ["metadata"] = new JsonObject { ["name"] = cluster.Name },
            ["spec"] = new JsonObject
            {
                ["blocks"] = new JsonArray(new JsonObject { ["start"] = range.First.ToString(), ["stop"] = range.Last.ToString() }),
            },
        });
    }

    /// <summary>
    /// The Gateway's address, for its Service alone: LB IPAM matches the special selector keys io.kubernetes.service.namespace
    /// and io.kubernetes.service.name against the Service's namespace and name (docs.cilium.io network/lb-ipam "Service Selectors").
    /// </summary>
    public static Manifest GatewayPool(ClusterSettings cluster)
    {
        var address = GatewayAddress.For(cluster).ToString();
        return new Manifest("cilium-gateway-pool", new JsonObject
        {
            ["apiVersion"] = "cilium.io/v2",
            ["kind"] = "CiliumLoadBalancerIPPool",
            ["metadata"] = new JsonObject { ["name"] = GatewayPoolName(cluster) },
            ["spec"] = new JsonObject
            {
                ["blocks"] = new JsonArray(new JsonObject { ["start"] = address, ["stop"] = address }),
                ["serviceSelector"] = new JsonObject
                {
                    ["matchLabels"] = new JsonObject
                    {
                        ["io.kubernetes.service.namespace"] = GatewayAddress.Namespace,
                        ["io.kubernetes.service.name"] = GatewayAddress.ServiceName,
                    },
                },
            },
        });
    }

    public static string GatewayPoolName(ClusterSettings cluster) => $"{cluster.Name}-gateway";

    public static Manifest L2Policy(ClusterSettings cluster)
    {
        var spec = new JsonObject();
        if (cluster.Nodes.Values.Any(n => n.Role == NodeRole.Worker))
        {
            // Workers answer ARP for service IPs, leaving control planes to the API VIP; a cluster of control planes only uses them all.
            spec["nodeSelector"] = new JsonObject
            {
                ["matchExpressions"] = new JsonArray(
                    new JsonObject { ["key"] = "node-role.kubernetes.io/control-plane", ["operator"] = "DoesNotExist" }),
            };
        }

        spec["loadBalancerIPs"] = true;
        spec["externalIPs"] = false;
        return new Manifest("cilium-l2-announcement-policy", new JsonObject
        {
            ["apiVersion"] = "cilium.io/v2alpha1",
            ["kind"] = "CiliumL2AnnouncementPolicy",
            ["metadata"] = new JsonObject { ["name"] = cluster.Name },
            ["spec"] = spec,
        });
    }
}
