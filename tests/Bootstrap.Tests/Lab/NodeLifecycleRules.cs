using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Plan;

namespace Bootstrap.Tests.Lab;

/// <summary>
/// The lab's rules for day-2 node changes: removing, moving, resizing and re-imaging nodes. <see cref="All"/> are checked per
/// registration like <see cref="LabRules.All"/>; <see cref="Engine"/> are checked when the engine deletes (see <see cref="Destroy"/>)
/// and after an update (LabRun).
/// </summary>
internal static partial class NodeLifecycleRules
{
    public const string NodesMatch = "nodes-match";
    public const string FixedVmIdCreateBeforeDelete = "fixed-vm-id-create-before-delete";
    public const string VmUpdateReboots = "vm-update-reboots";
    public const string NodeRunsItsSchematic = "node-runs-its-schematic";
    public const string RemovedNodeLeavesCluster = "removed-node-leaves-cluster";
    public const string EtcdLeavesOneAtATime = "etcd-leaves-one-at-a-time";
    public const string ReplacementDoesNotCascade = "replacement-does-not-cascade";

    public static readonly IReadOnlyList<(string Id, string Behaviour, string Source)> Engine =
    [
        (RemovedNodeLeavesCluster,
            "deleting a VM does not remove its node from the cluster: the Node object stays (NotReady) and a control plane's etcd "
            + "member stays, counting against the quorum, until the node is reset gracefully or the member removed",
            "siderolabs/talos internal/app/machined/pkg/runtime/v1alpha1/v1alpha1_sequencer.go Reset (drain, leave etcd only when "
            + "graceful); Talos docs (Scaling down: talosctl reset, kubectl delete node)"),
        (EtcdLeavesOneAtATime,
            "the engine deletes resources that do not depend on each other in parallel; two control planes leaving etcd at once can "
            + "leave it without quorum",
            "pulumi/pulumi pkg/resource/deploy/step_generator.go ScheduleDeletes (antichains run in parallel); etcd docs (runtime "
            + "reconfiguration: remove one member at a time)"),
        (ReplacementDoesNotCascade,
            "a replaced resource does not replace what depends on it: a re-created VM boots the image in maintenance mode and its "
            + "unchanged config apply never runs again",
            "pulumi/pulumi pkg/resource/deploy/step_generator.go (dependents are replaced only when their own diff asks for it); "
            + "siderolabs/talos maintenance mode"),
    ];

    public static readonly IReadOnlyList<LabRule> All =
    [
        new(NodesMatch,
            "talosctl health given node lists requires the Kubernetes nodes and etcd members to be exactly those nodes; a node removed "
            + "from the stack is still a member while the update runs (Pulumi deletes at the end)",
            "siderolabs/talos pkg/cluster/cluster.go NodesMatch (\"unexpected nodes\"), pkg/cluster/check/default.go "
            + "(all k8s nodes to report), check/etcd.go EtcdControlPlaneNodesAssertion; pulumi/pulumi step_generator.go (deletes last)",
            NodesMatchViolation),
        new(FixedVmIdCreateBeforeDelete,
            "a replaced VM is created before the old one is deleted (Pulumi's default); Proxmox refuses a second VM with the same "
            + "fixed vm_id",
            "pulumi/pulumi pkg/resource/deploy/step_generator.go (create-before-delete unless deleteBeforeReplace); "
            + "bpg proxmoxtf/resource/vm/vm.go CustomizeDiff (node_name forces a new VM unless migrate); Proxmox qm create (VM exists)",
            (r, c) => r.Type == Types.Vm && c.Operation == Operation.Replace && c.Old?["vmId"]?.ToString() == r.Text("vmId")
                ? $"unable to create VM {r.Text("vmId")}: VM {r.Text("vmId")} already exists (the VM it replaces is deleted only afterwards)"
                : null),
        new(VmUpdateReboots,
            "a cores or memory change reboots a running VM (reboot_after_update defaults to true) and the provider returns once it "
            + "runs, not once Talos is back; two nodes rebooting together lose etcd quorum or every worker",
            "bpg proxmoxtf/resource/vm/vm.go vmFinalizePowerState, vmRestartRunning (RebootVMAndWaitForRunning), reboot_after_update",
            RebootViolation),
        new(NodeRunsItsSchematic,
            "an extension change keeps the Talos version and changes the schematic; a node upgraded only when its version differs "
            + "keeps the old schematic's extensions",
            "siderolabs/image-factory internal/artifacts/schematic.go (the schematic extension carries the id), "
            + "siderolabs/talos ExtensionStatus (talosctl get extensions)",
            SchematicViolation),
    ];

    /// <summary>Whether a VM update changes what only a restart applies (cores, memory) with the provider allowed to reboot.</summary>
    public static bool Reboots(Registration r, JsonObject? old) =>
        old is not null && r.Inputs["rebootAfterUpdate"]?.ToString() != "false"
        && (old["cpu"]?["cores"]?.ToString() != r.Text("cpu", "cores") || old["memory"]?["dedicated"]?.ToString() != r.Text("memory", "dedicated"));

    /// <summary>Deletes the engine runs together (one antichain): no two control planes may leave etcd in the same one.</summary>
    public static void CheckDeleteChain(IReadOnlyList<StateEntry> chain, LabState lab)
    {
        var leaving = chain.Where(e => e.Type == Types.Command).Select(e => ResetIp(e.Inputs))
            .Where(ip => ip is not null && lab.Members.GetValueOrDefault(ip)).ToList();
        if (leaving.Count > 1)
        {
            throw new LabFailure(EtcdLeavesOneAtATime, string.Join(", ", chain.Select(e => e.Name)),
                $"control planes {string.Join(", ", leaving)} leave etcd at the same time");
        }
    }

    /// <summary>After an update's deletes: every deleted VM's node left the cluster, and every replaced VM's node runs its config.</summary>
    public static void AfterUpdate(ClusterBlueprint blueprint, DestroyResult removed, IReadOnlyList<StateEntry> gone, LabState lab)
    {
        foreach (var vm in gone.Where(e => e.Type == Types.Vm && removed.Deleted.Contains(e.Name)))
        {
            var ip = vm.Inputs["initialization"]?["ipConfigs"]?[0]?["ipv4"]?["address"]?.ToString().Split('/')[0];
            if (ip is not null && lab.Members.TryGetValue(ip, out var controlPlane))
            {
                throw new LabFailure(RemovedNodeLeavesCluster, vm.Name, controlPlane
                    ? $"the VM is gone, but {ip} is still an etcd member and a Node object: etcd counts a dead member"
                    : $"the VM is gone, but the Node object of {ip} stays NotReady");
            }
        }

        foreach (var name in lab.Replaced)
        {
            var vm = lab.Vms[name];
            if (lab.Nodes.GetValueOrDefault(vm.Ip)?.State != NodeState.Configured && blueprint.Nodes.Any(n => n.Ip == vm.Ip))
            {
                throw new LabFailure(ReplacementDoesNotCascade, name,
                    $"{vm.Name} was re-created and boots in maintenance mode: its config apply did not change, so it never ran again");
            }
        }
    }

    private static string? NodesMatchViolation(Registration r, LabContext c)
    {
        if (r.Planned?.Stage != Stages.ClusterHealth || ListedNodes().Matches(r.Text("create") ?? "") is not { Count: > 0 } lists)
        {
            return null;
        }

        var expected = lists.SelectMany(m => m.Groups[1].Value.Split(',')).ToHashSet(StringComparer.Ordinal);
        var unexpected = c.Lab.Members.Keys.Where(ip => !expected.Contains(ip)).Order(StringComparer.Ordinal).ToList();
        return unexpected.Count > 0 ? $"talosctl health: unexpected nodes with IPs [{string.Join(' ', unexpected)}]" : null;
    }

    private static string? RebootViolation(Registration r, LabContext c)
    {
        if (r.Type != Types.Vm || c.Operation != Operation.Update || !Reboots(r, c.Old))
        {
            return null;
        }

        // Every VM this run rebooted before must be known Ready again (its vm-ready step) before this one reboots.
        var together = c.Lab.Rebooted.Where(other => other != r.Name && !r.Comes(other.Replace("vm-", "vm-ready-", StringComparison.Ordinal)))
            .ToList();
        return together.Count > 0 ? $"{r.Text("name")} reboots while {string.Join(", ", together)} may still be rebooting" : null;
    }

    private static string? SchematicViolation(Registration r, LabContext c)
    {
        if (r.Planned?.Kind != ResourceKind.TalosUpgrade || c.Blueprint.Nodes.Single(n => n.Name == r.Planned.Node).Ip is not { } ip
            || c.Lab.Nodes.GetValueOrDefault(ip) is not { State: NodeState.Configured } node)
        {
            return null;
        }

        var wanted = c.Blueprint.Image.Schematic.Id;
        var compares = (r.Text("create") ?? "").Contains("get extensions", StringComparison.Ordinal);
        return node.TalosVersion == c.Blueprint.Talos.TalosVersion && node.Schematic is { } running
            && !wanted.StartsWith(running, StringComparison.Ordinal) && !compares
            ? $"{r.Planned.Node} already runs Talos {node.TalosVersion}: the step stops there and the node keeps schematic {running}"
            : null;
    }

    private static string? ResetIp(JsonObject inputs) =>
        GracefulReset().Match(inputs["delete"]?.ToString() ?? "") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"--(?:control-plane|worker)-nodes ([0-9.,]+)")]
    private static partial Regex ListedNodes();

    [GeneratedRegex(@"--nodes (\S+) reset --graceful")]
    private static partial Regex GracefulReset();
}
