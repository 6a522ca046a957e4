using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Talos;

namespace Bootstrap.Tools.Verify;

/// <summary>Every planned node is registered, Ready, at its planned address and labelled for its role; unknown nodes are noted.</summary>
public static class NodeProbe
{
    public const string Name = "nodes";

    public static ProbeResult Run(ClusterExpectation expected, ClusterState state)
    {
        var observed = state.Nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var node in expected.Nodes)
        {
            if (!observed.TryGetValue(node.Name, out var seen))
            {
                missing.Add($"{node.Name} is not registered");
                continue;
            }

            if (!seen.Ready)
            {
                missing.Add($"{node.Name} is NotReady");
            }

            if (seen.InternalIps.Count > 0 && !seen.InternalIps.Contains(node.Ip))
            {
                missing.Add($"{node.Name} has InternalIP {string.Join(", ", seen.InternalIps)}, the plan says {node.Ip}");
            }

            missing.AddRange(RoleProblems(node, seen));
        }

        var planned = expected.Nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var notes = state.Nodes
            .Where(n => !planned.Contains(n.Name))
            .Select(n => $"{n.Name} is registered but not in the {expected.Stack} blueprint")
            .Order(StringComparer.Ordinal)
            .ToList();
        var controlPlanes = expected.Nodes.Count(n => n.Role == NodeRole.ControlPlane);
        var summary = $"{expected.Nodes.Count}/{expected.Nodes.Count} nodes Ready with their roles ({controlPlanes} control "
            + $"plane(s), {expected.Nodes.Count - controlPlanes} worker(s))";
        return new ProbeResult(Name, summary, missing, notes);
    }

    private static IEnumerable<string> RoleProblems(ExpectedNode node, ObservedNode seen)
    {
        var controlPlane = seen.Labels.ContainsKey(ClusterExpectation.ControlPlaneLabel);
        if (node.Role == NodeRole.ControlPlane)
        {
            if (!controlPlane)
            {
                yield return $"{node.Name} lacks the label {ClusterExpectation.ControlPlaneLabel}";
            }

            yield break;
        }

        if (!seen.Labels.TryGetValue(MachinePatches.WorkerRoleLabel, out var role) || role != "worker")
        {
            yield return $"{node.Name} lacks the label {MachinePatches.WorkerRoleLabel}=worker";
        }

        if (controlPlane)
        {
            yield return $"{node.Name} is a worker but carries {ClusterExpectation.ControlPlaneLabel}";
        }
    }
}
