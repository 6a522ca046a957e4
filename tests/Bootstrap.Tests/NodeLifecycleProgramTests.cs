using Bootstrap.Blueprint.Scripts;
using Bootstrap.Tests.Lab;
using Bootstrap.Tests.Support;

namespace Bootstrap.Tests;

/// <summary>How the program maps the node lifecycle decisions: delete scripts, migration, reboots and the VM chain.</summary>
[Collection(SerialPulumi.Name)]
public class NodeLifecycleProgramTests
{
    [Fact]
    public async Task Node_removal_steps_carry_the_delete_script_and_both_credentials_only_in_their_environment()
    {
        var run = await LabRun.Of("dev", ClusterEdit.EmptyLab("dev"));

        Assert.True(run.Failure is null, run.Failure);
        Assert.All(run.Blueprint.Nodes, n =>
        {
            var inputs = run.Inputs($"node-removal-{n.Name}");
            var script = run.Blueprint.Scripts[$"node-removal/{n.Name}"];
            Assert.Equal(script.DeleteScript, (string?)inputs["delete"]);
            Assert.Equal(
                [LocalScript.KubeconfigVariable, LocalScript.TalosconfigVariable],
                inputs["environment"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        });
        Assert.All(run.OfType(Types.Command).Where(c => !c.Name.StartsWith("node-removal-", StringComparison.Ordinal)), c =>
            Assert.Null(c.Inputs["delete"]));
    }

    [Fact]
    public async Task Vms_migrate_on_a_host_change_reboot_to_apply_a_resize_and_each_waits_for_the_previous_node()
    {
        var run = await LabRun.Of("dev", ClusterEdit.EmptyLab("dev"));

        Assert.All(run.OfType(Types.Vm), vm =>
        {
            Assert.Equal("true", vm.Inputs["migrate"]?.ToString());
            Assert.Equal("true", vm.Inputs["rebootAfterUpdate"]?.ToString());
        });
        Assert.Equal(["vm-ready-cp-3"], run.State.Find("vm-worker-1")!.DependsOn.Where(d => d.StartsWith("vm-ready-", StringComparison.Ordinal)));
    }
}
