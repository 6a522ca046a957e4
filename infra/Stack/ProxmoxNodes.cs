using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Proxmox;
using Pulumi;
using Pulumi.ProxmoxVE;
using Pulumi.ProxmoxVE.Download;
using Pulumi.ProxmoxVE.Inputs;
using Pulumiverse.Talos.ImageFactory;

namespace Bootstrap.Stack;

/// <summary>The Image Factory schematic, the Talos image once per Proxmox host, and one VM per node.</summary>
public sealed class ProxmoxNodes : ComponentResource
{
    public ProxmoxNodes(ClusterBlueprint blueprint, ResourceWiring wiring, Pulumi.ProxmoxVE.Provider proxmox)
        : base("bootstrap:index:ProxmoxNodes", "proxmox")
    {
        wiring.Add(ResourcePlan.Schematic, new Schematic(
            wiring[ResourcePlan.Schematic].Name,
            new SchematicArgs { SchematicData = blueprint.Image.Schematic.Yaml },
            wiring.Options(ResourcePlan.Schematic, this)));

        foreach (var download in blueprint.Downloads)
        {
            var key = ResourcePlan.Image(download.Host);
            wiring.Add(key, new Pulumi.ProxmoxVE.Download.File(wiring[key].Name, new FileArgs
            {
                NodeName = download.Host,
                DatastoreId = download.Datastore,
                ContentType = ImageDownload.ContentType,
                Url = download.Url,
                FileName = download.FileName,
                DecompressionAlgorithm = download.Decompression,
                Overwrite = false,
            }, wiring.Options(key, this, proxmox)));
        }

        foreach (var node in blueprint.Nodes)
        {
            var key = ResourcePlan.Vm(node.Name);
            var options = wiring.Options(key, this, proxmox);
            options.Protect = node.Vm.Protect;
            options.IgnoreChanges = VirtualMachine.IgnoredAfterCreate.ToList();
            wiring.Add(key, new VmLegacy(wiring[key].Name, Args(node.Vm), options));
        }

        RegisterOutputs();
    }

    private static VmLegacyArgs Args(VirtualMachine vm) => new()
    {
        NodeName = vm.Host,
        VmId = vm.VmId,
        Name = vm.Name,
        Tags = vm.Tags.ToList(),
        OnBoot = VirtualMachine.StartOnBoot,
        Started = true,
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
                FileId = vm.ImageFileId,
                Size = vm.DiskGiB,
                Discard = VirtualMachine.DiskDiscard,
            },
        },
        NetworkDevices =
        {
            new VmLegacyNetworkDeviceArgs { Bridge = vm.Bridge, VlanId = vm.Vlan, MacAddress = vm.Mac is null ? null : (Input<string>)vm.Mac, Model = VirtualMachine.NetworkModel },
        },
        Agent = new VmLegacyAgentArgs { Enabled = vm.GuestAgent },
        OperatingSystem = new VmLegacyOperatingSystemArgs { Type = VirtualMachine.OperatingSystem },
        Initialization = new VmLegacyInitializationArgs
        {
            DatastoreId = vm.Datastore,
            IpConfigs = { new VmLegacyInitializationIpConfigArgs { Ipv4 = new VmLegacyInitializationIpConfigIpv4Args { Address = vm.Ipv4Address, Gateway = vm.Gateway } } },
            Dns = new VmLegacyInitializationDnsArgs { Servers = vm.Nameservers.ToList() },
        },
    };
}
