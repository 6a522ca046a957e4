using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Plan;

public class ProxmoxPlanTests
{
    [Fact]
    public void One_image_download_per_proxmox_host_not_per_vm()
    {
        var dev = StackInput.Of("dev").Blueprint();
        var ops = StackInput.Of("ops").Blueprint();

        Assert.Equal(["pve1"], dev.Downloads.Select(d => d.Host));
        Assert.Equal(["pve2", "pve3"], ops.Downloads.Select(d => d.Host));
        Assert.All(ops.Nodes, n => Assert.Equal(ops.Downloads.Single(d => d.Host == n.Vm.Host).FileId, n.Vm.ImportFrom));
    }

    [Fact]
    public void Vms_carry_the_node_size_address_and_network()
    {
        var vm = StackInput.Of("dev").Blueprint().Nodes.Single(n => n.Name == "worker-1").Vm;

        Assert.Equal((4064, "pve1", 4, 8192, 50), (vm.VmId, vm.Host, vm.Cores, vm.MemoryMiB, vm.DiskGiB));
        Assert.Equal(("192.168.40.64/24", "192.168.40.1", "vmbr0", (int?)40), (vm.Ipv4Address, vm.Gateway, vm.Bridge, vm.Vlan));
        Assert.Equal(["192.168.40.1"], vm.Nameservers);
        Assert.Equal("local:import/dev-talos-v1.13.9-ce4c980550dd-nocloud-amd64.qcow2", vm.ImportFrom);
        Assert.Equal("local-lvm", vm.Datastore);
        Assert.Equal(["dev", "talos", "worker"], vm.Tags);
        Assert.True(vm.GuestAgent);
        Assert.False(vm.Protect);
    }

    [Fact]
    public void Ops_vms_are_protected()
    {
        Assert.All(StackInput.Of("ops").Blueprint().Nodes, n => Assert.True(n.Vm.Protect));
    }

    [Fact]
    public void Without_the_guest_agent_extension_the_agent_is_off()
    {
        var input = StackInput.Of("dev");
        input.Cluster["imageExtensions"] = new System.Text.Json.Nodes.JsonArray();

        var blueprint = input.Blueprint();

        Assert.All(blueprint.Nodes, n => Assert.False(n.Vm.GuestAgent));
        Findings.SingleWarning(blueprint.Warnings, "bootstrap:cluster.imageExtensions", "QEMU guest agent");
    }

    [Fact]
    public void Nodes_are_ordered_control_planes_first_then_by_name_as_people_read_it()
    {
        var input = StackInput.Of("dev");
        foreach (var (name, ip, vmId) in new[] { ("worker-10", "192.168.40.66", 4066), ("worker-3", "192.168.40.67", 4067) })
        {
            input.Nodes[name] = input.Node("worker-1").DeepClone();
            input.Node(name)["ip"] = ip;
            input.Node(name)["vmId"] = vmId;
        }

        var names = input.Blueprint().Nodes.Select(n => n.Name);

        Assert.Equal(["cp-1", "cp-2", "cp-3", "worker-1", "worker-2", "worker-3", "worker-10"], names);
    }
}
