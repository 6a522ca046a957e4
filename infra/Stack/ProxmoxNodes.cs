using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Proxmox;
using Pulumi;
using Pulumi.ProxmoxVE;
using Pulumi.ProxmoxVE.Download;
using Pulumi.ProxmoxVE.Inputs;
using Pulumiverse.Talos.ImageFactory;

namespace Bootstrap.Stack;

/// <summary>The Proxmox provider and preflight, the Image Factory schematic, the Talos image once per Proxmox host, and one VM per node.</summary>
public sealed class ProxmoxNodes : ComponentResource
{
    public ProxmoxNodes(string name, ClusterBlueprint blueprint, ResourceWiring wiring)
        : base("bootstrap:index:ProxmoxNodes", name)
    {
        foreach (var planned in blueprint.Plan.OwnedBy(Component.ProxmoxNodes))
        {
            switch (planned.Kind)
            {
                case ResourceKind.ProxmoxProvider:
                    wiring.Add(planned, new Provider(planned.Name, new ProviderArgs
                    {
                        Endpoint = blueprint.Config.Proxmox.Endpoint,
                        Insecure = blueprint.Config.Proxmox.Insecure,
                        ApiToken = new Pulumi.Config("proxmoxve").RequireSecret("apiToken"),
                    }, new CustomResourceOptions { Parent = this }));
                    break;
                case ResourceKind.ProxmoxPreflight:
                    wiring.Add(planned, Preflight(blueprint, wiring, planned));
                    break;
                case ResourceKind.ImageSchematic:
                    wiring.Add(planned, new Schematic(
                        planned.Name, new SchematicArgs { SchematicData = blueprint.Image.Schematic.Yaml }, wiring.Options(planned, this)));
                    break;
                case ResourceKind.ImageDownload:
                    var download = blueprint.Downloads.Single(d => d.Host == planned.Host);
                    wiring.Add(planned, new Pulumi.ProxmoxVE.Download.File(planned.Name, new FileArgs
                    {
                        NodeName = download.Host,
                        DatastoreId = download.Datastore,
                        ContentType = ImageDownload.ContentType,
                        Url = download.Url,
                        FileName = download.FileName,
                        Overwrite = false,
                        OverwriteUnmanaged = ImageDownload.OverwriteUnmanaged,
                    }, wiring.Options(planned, this, Stages.ProxmoxProvider)));
                    break;
                case ResourceKind.VirtualMachine:
                    var vm = blueprint.Nodes.Single(n => n.Name == planned.Node).Vm;
                    var options = wiring.Options(planned, this, Stages.ProxmoxProvider);
                    options.IgnoreChanges = VirtualMachine.IgnoredAfterCreate.ToList();
                    wiring.Add(planned, new VmLegacy(planned.Name, Args(vm), options));
                    break;
                default:
                    throw ResourceWiring.Unmapped(planned);
            }
        }

        RegisterOutputs();
    }

    /// <summary>
    /// Reads the Proxmox version and each host's datastores (read access, so `pulumi preview` runs it too) and stops the run
    /// before anything is created when the Blueprint's preflight finds a problem.
    /// </summary>
    private Output<Resource> Preflight(ClusterBlueprint blueprint, ResourceWiring wiring, PlannedResource planned)
    {
        var options = new InvokeOutputOptions { Parent = this, Provider = wiring.Provider(Stages.ProxmoxProvider) };
        var version = GetVersion.Invoke(options).Apply(v => v.Version);
        var hosts = blueprint.Downloads.Select(d => d.Host).ToList();
        var datastores = Output.All(hosts.Select(host => GetDatastores.Invoke(new GetDatastoresInvokeArgs { NodeName = host }, options)
            .Apply(result => (host, (IReadOnlyList<DatastoreFacts>)result.Datastores
                .Select(d => new DatastoreFacts(d.Id, d.ContentTypes, d.Enabled ?? true, d.Active ?? true)).ToList()))));
        // Dependents wait for the provider once the checks passed (never for this component: it is their parent).
        var provider = wiring.Provider(Stages.ProxmoxProvider);
        return Output.Tuple(version, datastores).Apply(facts =>
        {
            var findings = ProxmoxPreflightRule
                .Findings(blueprint.Config.Cluster, facts.Item1, facts.Item2.ToDictionary(p => p.host, p => p.Item2))
                .ToList();
            return findings.Count == 0
                ? (Resource)provider
                : throw new RunException(
                    $"Proxmox cannot hold this stack; nothing was changed:{Environment.NewLine}{string.Join(Environment.NewLine, findings)}");
        });
    }

    private static VmLegacyArgs Args(VirtualMachine vm) => new()
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
