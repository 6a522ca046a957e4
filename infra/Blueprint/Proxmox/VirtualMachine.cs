using Bootstrap.Blueprint.Config;

namespace Bootstrap.Blueprint.Proxmox;

/// <summary>One Talos VM as Talos' Proxmox guide runs it: q35, OVMF with an EFI disk, CPU host, VirtIO SCSI (not "single",
/// which hangs Talos), no ballooning, cloud-init carrying the static address into maintenance mode.</summary>
/// <param name="Tags">Sorted, as Proxmox stores them, so a refresh shows no diff.</param>
public sealed record VirtualMachine(
    string Name,
    NodeRole Role,
    string Host,
    int VmId,
    int Cores,
    int MemoryMiB,
    int DiskGiB,
    string Datastore,
    string ImportFrom,
    string Bridge,
    int? Vlan,
    string? Mac,
    string Ipv4Address,
    string Gateway,
    IReadOnlyList<string> Nameservers,
    IReadOnlyList<string> Tags,
    bool GuestAgent,
    bool Protect)
{
    public const string Machine = "q35";
    public const string Bios = "ovmf";
    public const string CpuType = "host";
    public const string ScsiHardware = "virtio-scsi-pci";
    public const string DiskInterface = "scsi0";
    public const string EfiDiskType = "4m";

    /// <summary>Talos' nocloud image is not signed for Secure Boot: OVMF must not enroll Microsoft's keys.</summary>
    public const bool EfiPreEnrolledKeys = false;

    public const string EfiDiskFormat = "raw";

    /// <summary>Let the guest's TRIM reach thin-provisioned storage.</summary>
    public const string DiskDiscard = "on";
    public const string OperatingSystem = "l26";
    public const string NetworkModel = "virtio";
    /// <summary>Proxmox's balloon target; 0 removes the balloon device (Talos wants fixed memory).</summary>
    public const int BalloonMiB = 0;

    /// <summary>VM arguments Pulumi stops tracking once the VM exists: a new Talos version brings a new boot image, but nodes
    /// are upgraded in place (talosctl upgrade), never re-created. The provider already ignores a later import_from
    /// (bpg proxmoxtf/resource/vm/disk/schema.go); this keeps `pulumi preview` from showing the change.</summary>
    public static readonly IReadOnlyList<string> IgnoredAfterCreate = ["disks[0].importFrom"];
    public const bool StartOnBoot = true;

    /// <summary>A new host migrates the VM online with its local disks instead of re-creating it, which a changed node_name
    /// forces without <c>migrate</c> (bpg proxmoxtf/resource/vm/vm.go CustomizeDiff, migrateVM). A re-created VM would keep
    /// its fixed vm_id, which create-before-delete cannot create while the old exists, and boot a blank disk.</summary>
    public const bool MigrateOnHostChange = true;

    /// <summary>
    /// The provider reboots a running VM when a change needs it (cores, memory; bpg vm.go reboot_after_update, default true):
    /// kept, because only a Proxmox-side restart applies the change; the vm-ready steps make those reboots roll node by node.
    /// </summary>
    public const bool RebootAfterUpdate = true;
}
