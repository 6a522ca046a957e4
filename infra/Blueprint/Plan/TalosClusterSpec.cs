using Bootstrap.Blueprint.Talos;

namespace Bootstrap.Blueprint.Plan;

/// <summary>The nodes and Talos on them: machine secrets (generated or restored), each node's VM and steps, the Kubernetes
/// upgrade, the etcd bootstrap and the admin kubeconfig.</summary>
/// <param name="RestoredSecrets">The secrets come from bootstrap:talosSecrets: nothing is generated.</param>
public sealed record TalosClusterSpec(
    TalosClusterPlan Cluster,
    PlannedResource Secrets,
    bool RestoredSecrets,
    IReadOnlyList<TalosNodeSpec> Nodes,
    ScriptStep KubernetesUpgrade,
    ScriptStep EtcdBootstrap,
    PlannedResource Kubeconfig)
{
    /// <summary>Every node's IP, as the talosconfig for people lists them.</summary>
    public IReadOnlyList<string> NodeIps => [.. Nodes.Select(n => n.Node.Ip)];

    public static TalosClusterSpec For(ClusterBlueprint blueprint) => new(
        blueprint.Talos,
        blueprint.Plan.Resource(Stages.TalosSecrets),
        blueprint.Plan.Resource(Stages.TalosSecrets).Kind == ResourceKind.RestoredTalosSecrets,
        [.. blueprint.Nodes.Select(node => TalosNodeSpec.For(blueprint, node))],
        ScriptStep.Of(blueprint, Stages.KubernetesUpgrade),
        ScriptStep.Of(blueprint, Stages.EtcdBootstrap),
        blueprint.Plan.Resource(Stages.Kubeconfig));
}

/// <summary>One node, in creation order (control planes first, the bootstrap node first of all): its VM and its steps.</summary>
/// <param name="Patches">The machine-config patches in the order Talos applies them.</param>
public sealed record TalosNodeSpec(
    NodePlan Node,
    PlannedResource Vm,
    ScriptStep VmReady,
    ScriptStep TalosUpgrade,
    PlannedResource ConfigApply,
    IReadOnlyList<MachinePatch> Patches,
    ScriptStep Removal)
{
    public static TalosNodeSpec For(ClusterBlueprint blueprint, NodePlan node) => new(
        node,
        blueprint.Plan.Resource(Stages.Vm, node.Name),
        ScriptStep.Of(blueprint, Stages.VmReady, node.Name),
        ScriptStep.Of(blueprint, Stages.TalosUpgrade, node.Name),
        blueprint.Plan.Resource(Stages.TalosApply, node.Name),
        blueprint.Talos.PatchesFor(node),
        ScriptStep.Of(blueprint, Stages.NodeRemoval, node.Name));
}
