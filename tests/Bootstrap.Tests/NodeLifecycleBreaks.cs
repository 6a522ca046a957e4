using Bootstrap.Blueprint.Plan;
using Bootstrap.Tests.Lab;
using Bootstrap.Tests.Support;
using Pulumi.ProxmoxVE;

namespace Bootstrap.Tests;

/// <summary>One way to break each node-lifecycle rule of the lab (see <see cref="NodeLifecycleRules"/>), used by LabRuleTests.</summary>
internal static class NodeLifecycleBreaks
{
    public static readonly IReadOnlyDictionary<string, Func<Task<LabRun>>> All = new Dictionary<string, Func<Task<LabRun>>>
    {
        // The old health check: talosctl health with the stack's node lists while the removed worker still runs.
        [NodeLifecycleRules.NodesMatch] = () => Dev(second: ClusterEdit.Without("dev", "worker-2"), adjustSecond: ClusterEdit.Scripts(
            Stages.ClusterHealth, s => s with
            {
                Script = s.Script.Replace(" health --wait-timeout", " health --control-plane-nodes 192.168.40.61,192.168.40.62,192.168.40.63 "
                    + "--worker-nodes 192.168.40.64 --wait-timeout", StringComparison.Ordinal),
            })),
        // A move without migrate: node_name forces a new VM with the same vm_id.
        [NodeLifecycleRules.FixedVmIdCreateBeforeDelete] = () => Dev(
            second: ClusterEdit.Node("dev", "worker-2", "host", "pve2"),
            spareHost: true,
            transform: args =>
            {
                if (args.Args is VmLegacyArgs vm)
                {
                    vm.Migrate = false;
                }
            }),
        // Resizing every control plane with the VMs no longer waiting for the previous node's vm-ready.
        [NodeLifecycleRules.VmUpdateReboots] = () => Dev(
            second: ClusterEdit.ControlPlanes("dev", "cores", 4), transform: Rewire.Without(Stages.Vm, Stages.VmReady)),
        // An extension change with an upgrade step that compares only the Talos version.
        [NodeLifecycleRules.NodeRunsItsSchematic] = () => Dev(
            second: ClusterEdit.WithExtension("dev", "siderolabs/iscsi-tools"),
            adjustSecond: ClusterEdit.Scripts(Stages.TalosUpgrade, s => s with
            {
                Script = s.Script.Replace(" get extensions ", " get nothing ", StringComparison.Ordinal),
            })),
        // No delete script: removing the worker deletes its VM and leaves its Node object behind.
        [NodeLifecycleRules.RemovedNodeLeavesCluster] = () => Dev(
            second: ClusterEdit.Without("dev", "worker-2"),
            adjustFirst: ClusterEdit.Scripts(Stages.NodeRemoval, s => s with { DeleteScript = null })),
        // Removal steps not chained node by node: two control planes leave etcd together.
        [NodeLifecycleRules.EtcdLeavesOneAtATime] = () => Dev(
            second: ClusterEdit.Without("dev", "cp-2", "cp-3"),
            rewireBoth: Rewire.Without(Stages.NodeRemoval, Stages.NodeRemoval)),
        // A new vm_id re-creates the VM; its unchanged config apply does not run again.
        [NodeLifecycleRules.ReplacementDoesNotCascade] = () => Dev(second: ClusterEdit.Node("dev", "worker-1", "vmId", 4074)),
    };

    private static async Task<LabRun> Dev(
        Dictionary<string, string> second,
        Func<ClusterBlueprint, ClusterBlueprint>? adjustFirst = null,
        Func<ClusterBlueprint, ClusterBlueprint>? adjustSecond = null,
        Action<Pulumi.ResourceTransformationArgs>? transform = null,
        bool spareHost = false,
        Action<Pulumi.ResourceTransformationArgs>? rewireBoth = null)
    {
        var lab = ClusterEdit.EmptyLab("dev", spareHost);
        var first = await LabRun.Of("dev", lab, adjust: adjustFirst, transform: rewireBoth);
        return first.Failure is not null
            ? first
            : await LabRun.Of(
                "dev", lab, first.State, second, adjust: adjustSecond ?? adjustFirst, transform: Rewire.Both(rewireBoth, transform));
    }
}
