using Bootstrap.Tests.Lab;
using Bootstrap.Tests.Support;
using Xunit.Abstractions;

namespace Bootstrap.Tests;

/// <summary>
/// Day-2 node changes over dev and ops against the lab: removing, moving, resizing and re-imaging nodes. ops is protected:
/// a removal there starts with `pulumi state unprotect` of the node's resources, as the changing-nodes runbook says.
/// Each test prints the changes in the engine's order (registrations, then the deletes at the end).
/// </summary>
[Collection(SerialPulumi.Name)]
public class NodeLifecycleScenarioTests(ITestOutputHelper output)
{
    private async Task<(LabState Lab, LabRun First, LabRun Run)> Change(
        string stack, Func<string, Dictionary<string, string>> config, bool spareHost = false, params string[] unprotect)
    {
        var lab = ClusterEdit.EmptyLab(stack, spareHost);
        var first = await LabRun.Of(stack, lab);
        Assert.True(first.Failure is null, first.Failure);
        var state = stack == "ops" && unprotect.Length > 0 ? ClusterEdit.Unprotected(first.State, unprotect) : first.State;
        var run = await LabRun.Of(stack, lab, state, config(stack));
        output.WriteLine(string.Join("\n", run.Changed));
        Assert.True(run.Failure is null, run.Failure);
        return (lab, first, run);
    }

    private static string Ip(LabRun run, string node) => run.Blueprint.Nodes.Single(n => n.Name == node).Ip;

    private static int At(LabRun run, string change) =>
        run.Changed.ToList().IndexOf(change) is >= 0 and var i
            ? i
            : throw new Xunit.Sdk.XunitException($"no '{change}' in {string.Join(", ", run.Changed)}");

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task Removing_a_worker_drains_resets_and_deletes_it_before_its_vm_goes(string stack)
    {
        var (lab, first, run) = await Change(stack, s => ClusterEdit.Without(s, "worker-2"), unprotect: "worker-2");

        Assert.Equal(
            ["delete node-removal-worker-2", "delete talos-apply-worker-2", "delete talos-upgrade-worker-2", "delete vm-ready-worker-2",
                "delete vm-worker-2", "replace cluster-health"],
            run.Changed.Order(StringComparer.Ordinal));
        Assert.True(At(run, "delete node-removal-worker-2") < At(run, "delete vm-worker-2"));
        Assert.DoesNotContain(Ip(first, "worker-2"), lab.Members.Keys);
        Assert.DoesNotContain(lab.Vms.Values, v => v.Name == "worker-2");
        Assert.Equal(run.Blueprint.Nodes.Count, lab.Members.Count);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task Removing_a_control_plane_leaves_etcd_with_the_others(string stack)
    {
        var (lab, first, run) = await Change(stack, s => ClusterEdit.Without(s, "cp-3"), unprotect: "cp-3");

        Assert.True(At(run, "delete node-removal-cp-3") < At(run, "delete vm-cp-3"));
        Assert.DoesNotContain(Ip(first, "cp-3"), lab.Members.Keys);
        Assert.Equal(2, lab.Members.Count(m => m.Value));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task Removing_two_control_planes_in_one_update_takes_them_out_of_etcd_one_after_the_other(string stack)
    {
        var (lab, first, run) = await Change(stack, s => ClusterEdit.Without(s, "cp-2", "cp-3"), unprotect: ["cp-2", "cp-3"]);

        // cp-3's removal waits for cp-2's in the plan, so the engine deletes cp-3's first, then cp-2's (dependents first).
        Assert.True(At(run, "delete node-removal-cp-3") < At(run, "delete node-removal-cp-2"));
        Assert.True(At(run, "delete node-removal-cp-2") < At(run, "delete vm-cp-2"));
        Assert.Equal([Ip(first, "cp-1")], lab.Members.Where(m => m.Value).Select(m => m.Key));
    }

    [Theory]
    [InlineData("dev", "pve2")]
    [InlineData("ops", "pve2")]
    public async Task Moving_a_node_to_another_host_migrates_its_vm_and_keeps_the_node(string stack, string host)
    {
        var (lab, first, run) = await Change(stack, s => ClusterEdit.Node(s, "worker-2", "host", host), spareHost: true);

        Assert.Contains("update vm-worker-2", run.Changed);
        Assert.DoesNotContain(run.Changed, c => c.StartsWith("replace vm-", StringComparison.Ordinal) || c.Contains("talos-apply"));
        Assert.Equal(host, lab.Vms["vm-worker-2"].Host);
        Assert.Equal(NodeState.Configured, lab.Nodes[Ip(first, "worker-2")].State);
        Assert.Contains(Ip(first, "worker-2"), lab.Members.Keys);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task Resizing_every_control_plane_reboots_them_one_at_a_time_each_ready_before_the_next(string stack)
    {
        var (lab, _, run) = await Change(stack, s => ClusterEdit.ControlPlanes(s, "cores", 4));

        Assert.Equal(["vm-cp-1", "vm-cp-2", "vm-cp-3"], lab.Rebooted);
        Assert.Equal(
            ["update vm-cp-1", "replace vm-ready-cp-1", "update vm-cp-2", "replace vm-ready-cp-2", "update vm-cp-3", "replace vm-ready-cp-3"],
            run.Changed.Where(c => c.Contains("vm-")));
        Assert.All(run.Blueprint.Nodes, n => Assert.Equal(NodeState.Configured, lab.Nodes[n.Ip].State));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task Adding_an_image_extension_upgrades_every_node_in_place_to_the_new_schematic(string stack)
    {
        var (lab, first, run) = await Change(stack, s => ClusterEdit.WithExtension(s, "siderolabs/iscsi-tools"));

        Assert.NotEqual(first.Blueprint.Image.Schematic.Id, run.Blueprint.Image.Schematic.Id);
        Assert.Contains("replace schematic", run.Changed);
        Assert.Equal(
            run.Blueprint.Nodes.Select(n => $"replace talos-upgrade-{n.Name}"),
            run.Changed.Where(c => c.StartsWith("replace talos-upgrade-", StringComparison.Ordinal)));
        Assert.DoesNotContain(run.Changed, c => c.StartsWith("replace vm-", StringComparison.Ordinal) || c == "replace cluster-health");
        Assert.All(run.Blueprint.Nodes, n => Assert.Equal(run.Blueprint.Image.Schematic.Id[..12], lab.Nodes[n.Ip].Schematic));
        Assert.Equal(run.Blueprint.Nodes.Count, lab.Members.Count);
    }
}
