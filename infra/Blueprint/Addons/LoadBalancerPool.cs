using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Network;

namespace Bootstrap.Blueprint.Addons;

/// <summary>The LoadBalancer addresses Cilium hands out (LB IPAM) and announces on the LAN over ARP (L2 announcements).</summary>
public static class LoadBalancerPool
{
    /// <summary>The CRDs of the two objects, which cilium-operator registers at run time.</summary>
    public static readonly IReadOnlyList<string> Crds = ["ciliumloadbalancerippools.cilium.io", "ciliuml2announcementpolicies.cilium.io"];

    public static Manifest Pool(ClusterSettings cluster)
    {
        var range = Ipv4Range.Parse(cluster.Network.LoadBalancerPool);
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

    public static Manifest L2Policy(ClusterSettings cluster)
    {
        var spec = new JsonObject();
        if (cluster.Nodes.Values.Any(n => n.Role == NodeRole.Worker))
        {
            // Workers answer ARP for service IPs, leaving control planes to the API VIP; a cluster of control planes only uses them all.
            spec["nodeSelector"] = new JsonObject
            {
                ["matchExpressions"] = new JsonArray(new JsonObject { ["key"] = "node-role.kubernetes.io/control-plane", ["operator"] = "DoesNotExist" }),
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
