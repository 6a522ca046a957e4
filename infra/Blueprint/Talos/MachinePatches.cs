using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;

namespace Bootstrap.Blueprint.Talos;

/// <summary>The machine-config patches, common, per role and per node, for the Talos minors <see cref="Compatibility.Releases"/>
/// lists, where host networking lives in typed documents, not v1alpha1 machine.network. Passed to the Talos provider unchanged.</summary>
public static class MachinePatches
{
    /// <summary>The stable name every node's NIC gets, so the VIP and addresses never depend on kernel interface naming.</summary>
    public const string Link = "net0";

    /// <summary>KubePrism: the API load balancer Talos runs on every node; Cilium reaches the API through it.</summary>
    public const int KubePrismPort = 7445;

    public const int ApiServerPort = 6443;

    /// <summary>etcd's plain-HTTP metrics listener (the port kubeadm and Talos use for it).</summary>
    public const int EtcdMetricsPort = 2381;

    /// <summary>Talos' machine type for a role, as machine-config generation takes it.</summary>
    public static string MachineType(NodeRole role) => role == NodeRole.ControlPlane ? "controlplane" : "worker";

    public static MachinePatch Common(ClusterSettings cluster, TalosImage image)
    {
        var network = cluster.Network;
        var v1alpha1 = new JsonObject
        {
            ["machine"] = new JsonObject
            {
                ["install"] = new JsonObject { ["disk"] = cluster.InstallDisk, ["image"] = image.InstallerImage },
                // The kubelet must register the LAN address, never the VIP or a pod-network address.
                ["kubelet"] = new JsonObject { ["nodeIP"] = new JsonObject { ["validSubnets"] = Strings(network.Cidr) } },
                ["features"] = new JsonObject { ["kubePrism"] = new JsonObject { ["enabled"] = true, ["port"] = KubePrismPort } },
            },
            ["cluster"] = new JsonObject
            {
                ["network"] = new JsonObject
                {
                    // Cilium is the CNI and replaces kube-proxy; it is installed right after the API answers.
                    ["cni"] = new JsonObject { ["name"] = "none" },
                    ["podSubnets"] = Strings(network.PodSubnet),
                    ["serviceSubnets"] = Strings(network.ServiceSubnet),
                },
                ["proxy"] = new JsonObject { ["disabled"] = true },
            },
        };

        var documents = new List<JsonObject>
        {
            v1alpha1,
            Document("ResolverConfig", new JsonObject
            {
                ["nameservers"] = new JsonArray(network.Nameservers.Select(n => (JsonNode)new JsonObject { ["address"] = n }).ToArray()),
            }),
        };
        if (network.TimeServers is { Count: > 0 } servers)
        {
            documents.Add(Document("TimeSyncConfig", new JsonObject { ["ntp"] = new JsonObject { ["servers"] = Strings(servers.ToArray()) } }));
        }

        return new MachinePatch("common", PatchScope.Common, documents);
    }

    public static MachinePatch ControlPlane(ClusterSettings cluster)
    {
        var network = cluster.Network;
        var v1alpha1 = new JsonObject
        {
            ["cluster"] = new JsonObject
            {
                ["apiServer"] = new JsonObject { ["certSANs"] = Strings(network.Vip) },
                ["allowSchedulingOnControlPlanes"] = false,
                // etcd must advertise the node's LAN address; the VIP moves between nodes and would break peering.
                // Its metrics listener and the scheduler's and controller-manager's bind to localhost by default; the
                // monitoring stack scrapes them from the LAN (stacks/monitoring/apps/kube-prometheus-stack-values.yaml:
                // https on 10259/10257 with a token, etcd's plain metrics on 2381; etcd --listen-metrics-urls).
                ["etcd"] = new JsonObject
                {
                    ["advertisedSubnets"] = Strings(network.Cidr),
                    ["extraArgs"] = new JsonObject { ["listen-metrics-urls"] = $"http://0.0.0.0:{EtcdMetricsPort}" },
                },
                ["controllerManager"] = new JsonObject { ["extraArgs"] = new JsonObject { ["bind-address"] = "0.0.0.0" } },
                ["scheduler"] = new JsonObject { ["extraArgs"] = new JsonObject { ["bind-address"] = "0.0.0.0" } },
            },
        };
        var vip = Document("Layer2VIPConfig", new JsonObject { ["name"] = network.Vip, ["link"] = Link });
        return new MachinePatch("controlplane", PatchScope.ControlPlane, [v1alpha1, vip]);
    }

    public static MachinePatch Worker(ClusterSettings cluster) =>
        new("worker", PatchScope.Worker,
        [
            new JsonObject
            {
                ["machine"] = new JsonObject { ["nodeLabels"] = new JsonObject { [WorkerRoleLabel] = "worker" } },
            },
        ]);

    /// <summary>Workers may not label themselves node-role.kubernetes.io/* (NodeRestriction); this prefix is allowed.</summary>
    public const string WorkerRoleLabel = "node.kubernetes.io/role";

    public static MachinePatch Node(string name, NodeSettings node, ClusterSettings cluster)
    {
        var prefix = System.Net.IPNetwork2.Parse(cluster.Network.Cidr).Cidr;
        var documents = new List<JsonObject>();
        var machine = new JsonObject();
        if (node.Labels is { Count: > 0 } labels)
        {
            machine["nodeLabels"] = Map(labels);
        }

        if (node.Taints is { Count: > 0 } taints)
        {
            machine["nodeTaints"] = Map(taints);
        }

        if (machine.Count > 0)
        {
            documents.Add(new JsonObject { ["machine"] = machine });
        }

        // "auto: off" overrides the generated config's stable auto-hostname, which would otherwise win the merge.
        documents.Add(Document("HostnameConfig", new JsonObject { ["hostname"] = name, ["auto"] = "off" }));
        var match = node.Mac is { } mac ? $"mac(link.permanent_addr) == \"{mac.ToLowerInvariant()}\"" : "link.driver == \"virtio_net\"";
        documents.Add(Document("LinkAliasConfig", new JsonObject { ["name"] = Link, ["selector"] = new JsonObject { ["match"] = match } }));
        documents.Add(Document("LinkConfig", new JsonObject
        {
            ["name"] = Link,
            ["up"] = true,
            ["addresses"] = new JsonArray(new JsonObject { ["address"] = $"{node.Ip}/{prefix}" }),
            ["routes"] = new JsonArray(new JsonObject { ["gateway"] = cluster.Network.Gateway }),
        }));
        return new MachinePatch(name, PatchScope.Node, documents);
    }

    private static JsonObject Document(string kind, JsonObject fields)
    {
        var document = new JsonObject { ["apiVersion"] = "v1alpha1", ["kind"] = kind };
        foreach (var (key, value) in fields.ToList())
        {
            fields.Remove(key);
            document[key] = value;
        }

        return document;
    }

    private static JsonArray Strings(params string[] values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    private static JsonObject Map(IReadOnlyDictionary<string, string> values) =>
        new(values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
}
