using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Talos;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Tools.Verify;

namespace Bootstrap.Blueprint.Tests.Verify;

/// <summary>The dev stack's expectation and a cluster state that meets it, for tests to break one thing at a time.</summary>
internal static class HealthyCluster
{
    public static ClusterExpectation Dev { get; } = ClusterExpectation.For(StackInput.Of("dev").Blueprint());

    public static ClusterExpectation Ops { get; } = ClusterExpectation.For(StackInput.Of("ops").Blueprint());

    public static ClusterState State(ClusterExpectation? expected = null)
    {
        expected ??= Dev;
        return new ClusterState(
            expected.Nodes.Select(Node).ToList(),
            new ObservedDaemonSet(expected.Nodes.Count, expected.Nodes.Count),
            expected.Nodes.Select(n => new ObservedPod($"cilium-{n.Name}", n.Name, Ready)).ToList(),
            new ObservedPool(false, [new ObservedCondition(LoadBalancerProbe.ConflictCondition, "False", null)]),
            [
                new ObservedService("gateway", "cilium-gateway-platform", "LoadBalancer", null, [expected.Gateway!.Address]),
                new ObservedService("default", "kubernetes", "ClusterIP", null, []),
            ],
            [
                .. expected.CoreApplications.Select(a => new ObservedApplication(a, "Synced", "Healthy")),
                new ObservedApplication("guestbook", "Synced", "Healthy")],
            new ObservedGateway(new Dictionary<string, string> { ["Accepted"] = "True", ["Programmed"] = "True" }),
            expected.Monitoring is not { } monitoring ? null : new ObservedMonitoring(
                [
                    new ObservedWorkload("StatefulSet", monitoring.PrometheusStatefulSet, 1, 1),
                    new ObservedWorkload("StatefulSet", monitoring.AlertmanagerStatefulSet, 1, 1),
                    new ObservedWorkload("Deployment", monitoring.GrafanaDeployment, 1, 1),
                ],
                [
                    new ObservedTarget("argocd-server-metrics", "10.244.1.5:8083", "up", null),
                    new ObservedTarget("kube-etcd", "192.168.50.61:2381", "up", null)]));
    }

    public static ObservedNode Node(ExpectedNode node) => new(
        node.Name,
        node.Role == NodeRole.ControlPlane
            ? new Dictionary<string, string> { [ClusterExpectation.ControlPlaneLabel] = "" }
            : new Dictionary<string, string> { [MachinePatches.WorkerRoleLabel] = "worker" },
        Ready,
        [node.Ip]);

    public static IReadOnlyDictionary<string, string> Ready { get; } = new Dictionary<string, string> { ["Ready"] = "True" };

    /// <summary>The state with one node replaced.</summary>
    public static ClusterState WithNode(this ClusterState state, string name, Func<ObservedNode, ObservedNode> change) =>
        state with { Nodes = state.Nodes.Select(n => n.Name == name ? change(n) : n).ToList() };
}
