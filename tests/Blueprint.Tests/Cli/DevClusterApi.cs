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

    public List<JsonObject> Nodes { get; } =
    [
        Node("cp-1", "192.168.40.61", controlPlane: true),
        Node("cp-2", "192.168.40.62", controlPlane: true),
        Node("cp-3", "192.168.40.63", controlPlane: true),
        Node("worker-1", "192.168.40.64", controlPlane: false),
        Node("worker-2", "192.168.40.65", controlPlane: false),
    ];

    public JsonObject CiliumDaemonSet { get; } = JsonNode.Parse("""
        {"metadata": {"name": "cilium", "namespace": "kube-system"}, "status": {"desiredNumberScheduled": 5, "numberReady": 5, "currentNumberScheduled": 5, "numberMisscheduled": 0}}
        """)!.AsObject();

    public List<JsonObject> CiliumPods { get; } = new[] { "cp-1", "cp-2", "cp-3", "worker-1", "worker-2" }.Select(n => Pod($"cilium-{n}", n, ready: true)).ToList();

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
        Service("kube-system", "cilium-ingress", "LoadBalancer", "192.168.40.70"),
        Service("guestbook", "guestbook", "LoadBalancer", "192.168.40.71"),
    ];

    public List<JsonObject> Applications { get; } =
        new[] { "cilium", "cert-manager", "sealed-secrets", "argocd", "root", "guestbook" }.Select(a => Application(a, "Synced", "Healthy")).ToList();

    public JsonObject NodeNamed(string name) => Nodes.Single(n => (string?)n["metadata"]!["name"] == name);

    public JsonObject ApplicationNamed(string name) => Applications.Single(n => (string?)n["metadata"]!["name"] == name);

    public FakeCluster ServeOn(FakeCluster fake) =>
        fake.Serve(NodesPath, List(Nodes))
            .Serve("/apis/apps/v1/namespaces/kube-system/daemonsets/cilium", CiliumDaemonSet)
            .Serve("/api/v1/namespaces/kube-system/pods", List(CiliumPods), labelSelector: "k8s-app=cilium")
            .Serve("/apis/cilium.io/v2/ciliumloadbalancerippools/dev", Pool)
            .Serve("/api/v1/services", List(Services))
            .Serve(ApplicationsPath, List(Applications));

    public static JsonObject List(IEnumerable<JsonObject> items) =>
        new() { ["metadata"] = new JsonObject { ["resourceVersion"] = "1" }, ["items"] = new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray()) };

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
            ["loadBalancer"] = ip is null ? new JsonObject() : new JsonObject { ["ingress"] = new JsonArray(new JsonObject { ["ip"] = ip, ["ipMode"] = "VIP" }) },
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
