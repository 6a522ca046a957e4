using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Network;
using Bootstrap.Blueprint.Plan;

namespace Bootstrap.Tools.Verify;

public sealed record ExpectedNode(string Name, NodeRole Role, string Ip);

/// <summary>What a healthy cluster looks like for one stack, taken from its Blueprint; also tells the CLI where to look.</summary>
public sealed record ClusterExpectation(
    string Stack,
    IReadOnlyList<ExpectedNode> Nodes,
    string CiliumNamespace,
    string PoolName,
    Ipv4Range Pool,
    string ArgoCdNamespace,
    IReadOnlyList<string> CoreApplications,
    GatewayPlan? Gateway = null,
    MonitoringPlan? Monitoring = null)
{
    /// <summary>The Cilium chart names its agent DaemonSet "cilium" whatever the release is called.</summary>
    public const string CiliumDaemonSet = "cilium";

    /// <summary>The label the Cilium chart puts on every agent pod.</summary>
    public const string CiliumAgentSelector = "k8s-app=cilium";

    public const string ControlPlaneLabel = "node-role.kubernetes.io/control-plane";

    public static ClusterExpectation For(ClusterBlueprint blueprint)
    {
        var cluster = blueprint.Config.Cluster;
        return new ClusterExpectation(
            blueprint.Config.Stack,
            blueprint.Nodes.Select(n => new ExpectedNode(n.Name, n.Role, n.Ip)).ToList(),
            blueprint.Addons.Release("cilium").Namespace,
            (string)LoadBalancerPool.Pool(cluster).Body["metadata"]!["name"]!,
            Ipv4Range.Parse(cluster.Network.LoadBalancerPool),
            blueprint.Addons.Release(BootstrapReleases.ArgoCd).Namespace,
            // The releases Pulumi installed come first, in install order, then the root Application that syncs the rest.
            [.. BootstrapReleases.Apps, RootApplication.Name],
            blueprint.Platform.Gateway.Address.Length > 0 ? blueprint.Platform.Gateway : null,
            blueprint.Platform.Monitoring);
    }
}
