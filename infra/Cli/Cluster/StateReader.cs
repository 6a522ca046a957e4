using System.Text.Json.Nodes;
using Bootstrap.Tools.Verify;
using k8s;
using k8s.Models;

namespace Bootstrap.Cli.Cluster;

/// <summary>One poll for <c>verify</c>: reads what the probes need and copies it into plain records; decides nothing.</summary>
internal static class StateReader
{
    public static async Task<ClusterState> Read(ClusterApi api, ClusterExpectation expected, CancellationToken cancel)
    {
        var ns = expected.CiliumNamespace;
        var nodes = await api.Read("list nodes", (k, t) => k.CoreV1.ListNodeAsync(cancellationToken: t), cancel).ConfigureAwait(false);
        var agents = await api.Find(
            $"get daemonset {ns}/{ClusterExpectation.CiliumDaemonSet}",
            (k, t) => k.AppsV1.ReadNamespacedDaemonSetAsync(ClusterExpectation.CiliumDaemonSet, ns, cancellationToken: t),
            cancel).ConfigureAwait(false);
        var pods = await api.Read(
            $"list pods {ClusterExpectation.CiliumAgentSelector} in {ns}",
            (k, t) => k.CoreV1.ListNamespacedPodAsync(ns, labelSelector: ClusterExpectation.CiliumAgentSelector, cancellationToken: t),
            cancel).ConfigureAwait(false);
        var pool = await api.Find(
            $"get ciliumloadbalancerippool {expected.PoolName}",
            (k, t) => k.CustomObjects.GetClusterCustomObjectAsync<JsonObject>("cilium.io", "v2", "ciliumloadbalancerippools", expected.PoolName, t),
            cancel).ConfigureAwait(false);
        var services = await api.Read("list services", (k, t) => k.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: t), cancel)
            .ConfigureAwait(false);
        var applications = await api.Find(
            $"list applications in {expected.ArgoCdNamespace}",
            (k, t) => k.CustomObjects.ListNamespacedCustomObjectAsync<JsonObject>(
                "argoproj.io", "v1alpha1", expected.ArgoCdNamespace, "applications", cancellationToken: t),
            cancel).ConfigureAwait(false);

        var gateway = expected.Gateway is not { } g ? null : await api.Find(
            $"get gateway {g.Namespace}/{g.Name}",
            (k, t) => k.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>(
                "gateway.networking.k8s.io", "v1", g.Namespace, "gateways", g.Name, t),
            cancel).ConfigureAwait(false);
        var monitoring = expected.Monitoring is not { } m ? null : await MonitoringReader.Read(api, m, cancel).ConfigureAwait(false);

        return new ClusterState(
            (nodes.Items ?? []).Select(Node).ToList(),
            agents is null ? null : new ObservedDaemonSet(agents.Status?.DesiredNumberScheduled ?? 0, agents.Status?.NumberReady ?? 0),
            (pods.Items ?? [])
                .Select(p => new ObservedPod(p.Metadata.Name, p.Spec?.NodeName, Conditions(p.Status?.Conditions?.Select(c => (c.Type, c.Status)))))
                .ToList(),
            pool is null ? null : Pool(pool),
            (services.Items ?? []).Select(Service).ToList(),
            applications is null ? null : Json.Items(applications).Select(Application).ToList(),
            gateway is null
                ? null
                : new ObservedGateway(Conditions(Json.Items(gateway["status"]?["conditions"])
                    .Select(c => (Json.Text(c["type"]) ?? "", Json.Text(c["status"]) ?? "")))),
            monitoring);
    }

    private static ObservedNode Node(V1Node node) => new(
        node.Metadata.Name,
        node.Metadata.Labels?.ToDictionary() ?? [],
        Conditions(node.Status?.Conditions?.Select(c => (c.Type, c.Status))),
        node.Status?.Addresses?.Where(a => a.Type == "InternalIP").Select(a => a.Address).ToList() ?? []);

    private static ObservedService Service(V1Service service) => new(
        service.Metadata.NamespaceProperty,
        service.Metadata.Name,
        service.Spec?.Type ?? "ClusterIP",
        service.Spec?.LoadBalancerClass,
        service.Status?.LoadBalancer?.Ingress?.Where(i => i.Ip is not null).Select(i => i.Ip).ToList() ?? []);

    private static ObservedPool Pool(JsonObject pool) => new(
        Json.IsTrue(pool["spec"]?["disabled"]),
        Json.Items(pool["status"]?["conditions"])
            .Select(c => new ObservedCondition(Json.Text(c["type"]) ?? "", Json.Text(c["status"]) ?? "", Json.Text(c["message"])))
            .ToList());

    private static ObservedApplication Application(JsonObject app) => new(
        Json.Text(app["metadata"]?["name"]) ?? "",
        Json.Text(app["status"]?["sync"]?["status"]),
        Json.Text(app["status"]?["health"]?["status"]));

    private static Dictionary<string, string> Conditions(IEnumerable<(string Type, string Status)>? conditions) =>
        conditions?.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.Last().Status) ?? [];
}
