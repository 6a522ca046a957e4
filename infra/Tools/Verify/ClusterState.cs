namespace Bootstrap.Tools.Verify;

// What one poll of the cluster saw: only the fields the probes read, copied from the API objects as they are.
// The CLI fills these; every decision about them is made by the probes, so they are tested without a cluster.

/// <summary>One poll's view of the cluster. Null means the object (or its CRD) does not exist.</summary>
public sealed record ClusterState(
    IReadOnlyList<ObservedNode> Nodes,
    ObservedDaemonSet? CiliumAgents,
    IReadOnlyList<ObservedPod> CiliumPods,
    ObservedPool? Pool,
    IReadOnlyList<ObservedService> Services,
    IReadOnlyList<ObservedApplication>? Applications,
    ObservedGateway? Gateway = null,
    ObservedMonitoring? Monitoring = null);

/// <summary>A Node: its labels, condition statuses by type (Ready → True) and InternalIP addresses.</summary>
public sealed record ObservedNode(
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Conditions,
    IReadOnlyList<string> InternalIps)
{
    public bool Ready => Conditions.TryGetValue("Ready", out var status) && status == "True";
}

/// <summary>The Cilium agent DaemonSet's status counts.</summary>
public sealed record ObservedDaemonSet(int Desired, int Ready);

/// <summary>A Cilium agent pod: where it runs and its condition statuses by type.</summary>
public sealed record ObservedPod(string Name, string? NodeName, IReadOnlyDictionary<string, string> Conditions)
{
    public bool Ready => Conditions.TryGetValue("Ready", out var status) && status == "True";
}

/// <summary>The CiliumLoadBalancerIPPool: spec.disabled and status.conditions.</summary>
public sealed record ObservedPool(bool Disabled, IReadOnlyList<ObservedCondition> Conditions);

public sealed record ObservedCondition(string Type, string Status, string? Message);

/// <summary>A Service: spec.type, spec.loadBalancerClass and the addresses in status.loadBalancer.ingress.</summary>
public sealed record ObservedService(string Namespace, string Name, string Type, string? LoadBalancerClass, IReadOnlyList<string> IngressIps);

/// <summary>An Argo CD Application: status.sync.status and status.health.status (null while Argo CD has not looked yet).</summary>
public sealed record ObservedApplication(string Name, string? Sync, string? Health);

/// <summary>The shared Gateway: its status conditions by type (Accepted, Programmed → True/False).</summary>
public sealed record ObservedGateway(IReadOnlyDictionary<string, string> Conditions);

/// <summary>A StatefulSet or Deployment: how many replicas it wants and how many are ready.</summary>
public sealed record ObservedWorkload(string Kind, string Name, int Replicas, int Ready);

/// <summary>One of Prometheus' active scrape targets (GET /api/v1/targets): job, instance, "up"/"down"/"unknown", the last error.</summary>
public sealed record ObservedTarget(string Job, string Instance, string Health, string? LastError);

/// <summary>
/// The monitoring stack's workloads (absent ones left out) and Prometheus' targets; null targets with
/// <see cref="TargetsUnreadable"/> saying why when Prometheus could not be asked through the API server.
/// </summary>
public sealed record ObservedMonitoring(
    IReadOnlyList<ObservedWorkload> Workloads, IReadOnlyList<ObservedTarget>? Targets, string? TargetsUnreadable = null);
