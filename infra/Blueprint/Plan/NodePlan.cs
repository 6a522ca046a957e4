using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Proxmox;
using Bootstrap.Blueprint.Talos;

namespace Bootstrap.Blueprint.Plan;

/// <summary>A node with everything decided about it: its VM and its own machine-config patch.</summary>
public sealed record NodePlan(string Name, NodeSettings Settings, VirtualMachine Vm, MachinePatch Patch)
{
    public NodeRole Role => Settings.Role;

    public string Ip => Settings.Ip;

    /// <summary>Talos' machine type for this node.</summary>
    public string MachineType => MachinePatches.MachineType(Role);
}

/// <summary>The Talos cluster: endpoints, versions and the patches shared by all nodes or one role.</summary>
public sealed record TalosClusterPlan(
    string Name,
    string Endpoint,
    string TalosVersion,
    string KubernetesVersion,
    string ConfigContract,
    string BootstrapNode,
    string BootstrapIp,
    IReadOnlyList<string> ClientEndpoints,
    IReadOnlyList<string> WorkerIps,
    MachinePatch Common,
    MachinePatch ControlPlane,
    MachinePatch Worker)
{
    /// <summary>The patches a node gets, in the order Talos applies them: common, its role, its own.</summary>
    public IReadOnlyList<MachinePatch> PatchesFor(NodePlan node) =>
        [Common, node.Role == NodeRole.ControlPlane ? ControlPlane : Worker, node.Patch];
}
