using Bootstrap.Blueprint.Proxmox;
using Pulumi;
using Pulumi.ProxmoxVE;
using Pulumi.ProxmoxVE.Inputs;

namespace Bootstrap.Stack;

/// <summary>A node's VM as the bpg provider takes it: every field from the Blueprint's <see cref="VirtualMachine"/>.</summary>
internal static class VmArgs
{
    public static VmLegacyArgs For(VirtualMachine vm) => new()
    {
        NodeName = vm.Host,
        VmId = vm.VmId,
        Name = vm.Name,
        Tags = vm.Tags.ToList(),
        OnBoot = VirtualMachine.StartOnBoot,
        Started = true,
        Migrate = VirtualMachine.MigrateOnHostChange,
        RebootAfterUpdate = VirtualMachine.RebootAfterUpdate,
        Machine = VirtualMachine.Machine,
        Bios = VirtualMachine.Bios,
        EfiDisk = new VmLegacyEfiDiskArgs
        {
            DatastoreId = vm.Datastore,
            Type = VirtualMachine.EfiDiskType,
            FileFormat = VirtualMachine.EfiDiskFormat,
            PreEnrolledKeys = VirtualMachine.EfiPreEnrolledKeys,
        },
        Cpu = new VmLegacyCpuArgs { Cores = vm.Cores, Type = VirtualMachine.CpuType },
        Memory = new VmLegacyMemoryArgs { Dedicated = vm.MemoryMiB, Floating = VirtualMachine.BalloonMiB },
        ScsiHardware = VirtualMachine.ScsiHardware,
        Disks =
        {
            new VmLegacyDiskArgs
            {
                Interface = VirtualMachine.DiskInterface,
                DatastoreId = vm.Datastore,
                ImportFrom = vm.ImportFrom,
                Size = vm.DiskGiB,
                Discard = VirtualMachine.DiskDiscard,
            },
        },
        NetworkDevices =
        {
            new VmLegacyNetworkDeviceArgs
            {
                Bridge = vm.Bridge,
                VlanId = vm.Vlan,
                MacAddress = vm.Mac is null ? null : (Input<string>)vm.Mac,
                Model = VirtualMachine.NetworkModel,
            },
        },
        Agent = new VmLegacyAgentArgs { Enabled = vm.GuestAgent },
        OperatingSystem = new VmLegacyOperatingSystemArgs { Type = VirtualMachine.OperatingSystem },
        Initialization = new VmLegacyInitializationArgs
        {
            DatastoreId = vm.Datastore,
            IpConfigs =
            {
                new VmLegacyInitializationIpConfigArgs
                {
                    Ipv4 = new VmLegacyInitializationIpConfigIpv4Args { Address = vm.Ipv4Address, Gateway = vm.Gateway },
                },
            },
            Dns = new VmLegacyInitializationDnsArgs { Servers = vm.Nameservers.ToList() },
        },
    };
}
