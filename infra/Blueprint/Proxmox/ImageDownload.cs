namespace Bootstrap.Blueprint.Proxmox;

/// <summary>The Talos disk image fetched by one Proxmox host from the Image Factory; every VM on that host imports its disk from it.</summary>
public sealed record ImageDownload(string Host, string Datastore, string FileName, string Url)
{
    /// <summary>"import" content: a VM imports its disk through the Proxmox API (import_from), with no SSH, where "iso" content
    /// needs `qm disk import` over SSH (bpg/terraform-provider-proxmox proxmoxtf/resource/vm/disk/disk.go createCustomDisk).
    /// Needs Proxmox VE 8.4+ (bpg proxmox/version/capabilities.go SupportImportContentType) and "import" on the datastore.</summary>
    public const string ContentType = "import";

    /// <summary>A same-named file already on the datastore (left by `pulumi stack rm` or a failed download) is replaced instead of
    /// failing with "File already exists" (bpg resource_download_file.go Create: overwrite_unmanaged, default false). Safe
    /// because the name carries the cluster (<see cref="FileNameFor"/>), so no other stack uses the file.</summary>
    public const bool OverwriteUnmanaged = true;

    /// <summary>One file per cluster and host: deleting a stack deletes its File resource's file (bpg/terraform-provider-proxmox
    /// fwprovider/nodes/resource_download_file.go Delete), so stacks sharing one would take each other's image.</summary>
    public static string FileNameFor(string cluster, string imageFileName) => $"{cluster}-{imageFileName}";

    /// <summary>The Proxmox volume id a VM's disk imports from.</summary>
    public string FileId => $"{Datastore}:{ContentType}/{FileName}";
}
