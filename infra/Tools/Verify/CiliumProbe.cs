namespace Bootstrap.Tools.Verify;

/// <summary>A ready Cilium agent on every planned node: the DaemonSet counts match the plan and each node has a ready agent pod.</summary>
public static class CiliumProbe
{
    public const string Name = "cilium";

    public static ProbeResult Run(ClusterExpectation expected, ClusterState state)
    {
        var where = $"{expected.CiliumNamespace}/{ClusterExpectation.CiliumDaemonSet}";
        var nodes = expected.Nodes.Count;
        if (state.CiliumAgents is not { } agents)
        {
            return new ProbeResult(Name, "", [$"DaemonSet {where} not found"], []);
        }

        // Extra nodes (noted by the node probe) raise desired above the plan; that alone is no failure.
        var wanted = Math.Max(agents.Desired, nodes);
        var missing = new List<string>();
        if (agents.Ready < wanted)
        {
            missing.Add($"{agents.Ready}/{wanted} agents ready ({where}: desired {agents.Desired}, ready {agents.Ready}, planned nodes {nodes})");
        }

        var readyOn = state.CiliumPods.Where(p => p.Ready && p.NodeName is not null).Select(p => p.NodeName!).ToHashSet(StringComparer.Ordinal);
        missing.AddRange(expected.Nodes.Where(n => !readyOn.Contains(n.Name)).Select(n => $"no ready agent on {n.Name}"));
        return new ProbeResult(Name, $"{agents.Ready}/{wanted} agents ready ({where})", missing, []);
    }
}
