using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Talos;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary>
/// The API objects of a healthy dev cluster, as the Kubernetes API returns them, for <see cref="FakeCluster"/> to serve.
/// Tests change one thing before <see cref="ServeOn"/>.
/// </summary>
internal sealed class DevClusterApi
{
    public const string NodesPath = "/api/v1/nodes";
    public const string ApplicationsPath = "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications";
    public const string GatewayPath = "/apis/gateway.networking.k8s.io/v1/namespaces/gateway/gateways/platform";

    public List<JsonObject> Nodes { get; } =
    [
        Node("cp-1", "192.168.40.61", controlPlane: true),
        Node("cp-2", "192.168.40.62", controlPlane: true),
        Node("cp-3", "192.168.40.63", controlPlane: true),
        Node("worker-1", "192.168.40.64", controlPlane: false),
        Node("worker-2", "192.168.40.65", controlPlane: false),
    ];

    public JsonObject CiliumDaemonSet { get; } = JsonNode.Parse("""
        {"metadata": {"name": "cilium", "namespace": "kube-system"},
         "status": {"desiredNumberScheduled": 5, "numberReady": 5, "currentNumberScheduled": 5, "numberMisscheduled": 0}}
        """)!.AsObject();

    public List<JsonObject> CiliumPods { get; } = new[] { "cp-1", "cp-2", "cp-3", "worker-1", "worker-2" }
        .Select(n => Pod($"cilium-{n}", n, ready: true))
        .ToList();

    public JsonObject Pool { get; } = JsonNode.Parse("""
        {
          "apiVersion": "cilium.io/v2", "kind": "CiliumLoadBalancerIPPool", "metadata": {"name": "dev"},
          "spec": {"blocks": [{"start": "192.168.40.70", "stop": "192.168.40.89"}]},
          "status": {"conditions": [
            {"type": "cilium.io/IPsAvailable", "status": "Unknown", "message": "18"},
            {"type": "cilium.io/PoolConflict", "status": "False", "reason": "resolved", "message": ""}
          ]}
        }
        """)!.AsObject();

    public List<JsonObject> Services { get; } =
    [
        Service("default", "kubernetes", "ClusterIP"),
        Service("gateway", "cilium-gateway-platform", "LoadBalancer", "192.168.40.70"),
        Service("guestbook", "guestbook", "LoadBalancer", "192.168.40.71"),
    ];

    public JsonObject Gateway { get; } = JsonNode.Parse("""
        {
          "apiVersion": "gateway.networking.k8s.io/v1", "kind": "Gateway", "metadata": {"name": "platform", "namespace": "gateway"},
          "spec": {"gatewayClassName": "cilium", "addresses": [{"type": "IPAddress", "value": "192.168.40.70"}]},
          "status": {"conditions": [
            {"type": "Accepted", "status": "True", "reason": "Accepted"},
            {"type": "Programmed", "status": "True", "reason": "Programmed"}
          ]}
        }
        """)!.AsObject();

    public List<JsonObject> Applications { get; } =
        new[] { "cilium", "cert-manager", "sealed-secrets", "argocd", "root", "guestbook" }.Select(a => Application(a, "Synced", "Healthy")).ToList();

    public JsonObject NodeNamed(string name) => Nodes.Single(n => (string?)n["metadata"]!["name"] == name);

    public JsonObject ApplicationNamed(string name) => Applications.Single(n => (string?)n["metadata"]!["name"] == name);

    /// <summary>ops only: the monitoring stack's workloads and Prometheus' targets, keyed by API path.</summary>
    public Dictionary<string, JsonObject> Monitoring { get; } = [];

    private string PoolName => (string)Pool["metadata"]!["name"]!;

    /// <summary>The same healthy cluster as the ops stack plans it (192.168.50.0/24, pool ops) with its monitoring stack running.</summary>
    public static DevClusterApi Ops()
    {
        var ops = new DevClusterApi();
        foreach (var list in new[] { ops.Nodes, ops.Services })
        {
            for (var i = 0; i < list.Count; i++)
            {
                list[i] = JsonNode.Parse(list[i].ToJsonString().Replace("192.168.40.", "192.168.50.", StringComparison.Ordinal))!.AsObject();
            }
        }

        ops.Pool["metadata"]!["name"] = "ops";
        ops.Applications.Add(Application("monitoring-kube-prometheus-stack", "Synced", "Healthy"));
        ops.Monitoring[$"{MonitoringApps}/statefulsets/prometheus-kube-prometheus-stack-prometheus"] = Workload(1, 1);
        ops.Monitoring[$"{MonitoringApps}/statefulsets/alertmanager-kube-prometheus-stack-alertmanager"] = Workload(1, 1);
        ops.Monitoring[$"{MonitoringApps}/deployments/kube-prometheus-stack-grafana"] = Workload(1, 1);
        ops.Monitoring[TargetsPath] = JsonNode.Parse("""
            {"status": "success", "data": {"activeTargets": [
              {"labels": {"job": "argocd-server-metrics", "instance": "10.244.1.5:8083"}, "scrapePool": "serviceMonitor/monitoring/argocd/0",
               "health": "up", "lastError": ""},
              {"labels": {"job": "kube-etcd", "instance": "192.168.50.61:2381"}, "scrapePool": "kube-etcd", "health": "up", "lastError": ""}
            ], "droppedTargets": []}}
            """)!.AsObject();
        return ops;
    }

    /// <summary>Prometheus' /api/v1/targets through the API server's service proxy (Service port 9090).</summary>
    public const string TargetsPath = "/api/v1/namespaces/monitoring/services/kube-prometheus-stack-prometheus:9090/proxy/api/v1/targets";

    private const string MonitoringApps = "/apis/apps/v1/namespaces/monitoring";

    public FakeCluster ServeOn(FakeCluster fake)
    {
        fake.Serve(NodesPath, List(Nodes))
            .Serve("/apis/apps/v1/namespaces/kube-system/daemonsets/cilium", CiliumDaemonSet)
            .Serve("/api/v1/namespaces/kube-system/pods", List(CiliumPods), labelSelector: "k8s-app=cilium")
            .Serve($"/apis/cilium.io/v2/ciliumloadbalancerippools/{PoolName}", Pool)
            .Serve("/api/v1/services", List(Services))
            .Serve(ApplicationsPath, List(Applications))
            .Serve(GatewayPath, Gateway);
        foreach (var (path, body) in Monitoring)
        {
            fake.Serve(path, body);
        }

        return fake;
    }

    public static JsonObject Workload(int replicas, int ready) => new()
    {
        ["spec"] = new JsonObject { ["replicas"] = replicas },
        ["status"] = new JsonObject { ["replicas"] = replicas, ["readyReplicas"] = ready },
    };

    public static JsonObject List(IEnumerable<JsonObject> items) => new()
    {
        ["metadata"] = new JsonObject { ["resourceVersion"] = "1" },
        ["items"] = new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray()),
    };

    public static JsonObject Node(string name, string ip, bool controlPlane, string ready = "True") => new()
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = new JsonObject
            {
                ["kubernetes.io/hostname"] = name,
                [controlPlane ? "node-role.kubernetes.io/control-plane" : MachinePatches.WorkerRoleLabel] = controlPlane ? "" : "worker",
            },
        },
        ["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(
                new JsonObject { ["type"] = "MemoryPressure", ["status"] = "False" },
                new JsonObject { ["type"] = "Ready", ["status"] = ready }),
            ["addresses"] = new JsonArray(
                new JsonObject { ["type"] = "InternalIP", ["address"] = ip },
                new JsonObject { ["type"] = "Hostname", ["address"] = name }),
        },
    };

    public static JsonObject Pod(string name, string node, bool ready) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "kube-system", ["labels"] = new JsonObject { ["k8s-app"] = "cilium" } },
        ["spec"] = new JsonObject { ["nodeName"] = node, ["containers"] = new JsonArray() },
        ["status"] = new JsonObject { ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False" }) },
    };

    public static JsonObject Service(string ns, string name, string type, string? ip = null) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject { ["type"] = type },
        ["status"] = new JsonObject
        {
            ["loadBalancer"] = ip is null
                ? new JsonObject()
                : new JsonObject { ["ingress"] = new JsonArray(new JsonObject { ["ip"] = ip, ["ipMode"] = "VIP" }) },
        },
    };

    public static JsonObject Application(string name, string sync, string health) => new()
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = "Application",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "argocd", ["resourceVersion"] = "42", ["uid"] = $"uid-{name}" },
        ["spec"] = new JsonObject { ["project"] = name == "guestbook" ? "apps" : "core" },
        ["status"] = new JsonObject { ["sync"] = new JsonObject { ["status"] = sync }, ["health"] = new JsonObject { ["status"] = health } },
    };
}
