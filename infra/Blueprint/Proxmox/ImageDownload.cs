namespace Bootstrap.Blueprint.Proxmox;

/// <summary>The Talos disk image fetched by one Proxmox host from the Image Factory; every VM on that host imports its disk from it.</summary>
public sealed record ImageDownload(string Host, string Datastore, string FileName, string Url)
{
    /// <summary>
    /// "import" content: a VM imports its disk from it through the Proxmox API (import_from), which needs no SSH access to the
    /// node, where a disk from "iso" content (file_id) is imported with `qm disk import` over SSH
    /// (bpg/terraform-provider-proxmox proxmoxtf/resource/vm/disk/disk.go createCustomDisk). Proxmox VE 8.4 or newer
    /// (bpg proxmox/version/capabilities.go SupportImportContentType), with "import" enabled on the datastore.
    /// </summary>
    public const string ContentType = "import";

    /// <summary>
    /// A file of this name already on the datastore (left by `pulumi stack rm`, or by a download that failed after the
    /// file landed) is deleted and downloaded again instead of failing with "File already exists in the datastore"
    /// (bpg fwprovider/nodes/resource_download_file.go Create: overwrite_unmanaged, default false). Safe because the
    /// name carries the cluster (<see cref="FileNameFor"/>): no other stack writes, reads or deletes this file.
    /// </summary>
    public const bool OverwriteUnmanaged = true;

    /// <summary>
    /// One file per cluster and host: deleting a stack deletes its File resource's file (bpg resource_download_file.go
    /// Delete), so two stacks on one host must never share one, or destroying one would take the image of the other
    /// (its next VM on that host would import from a file that is gone).
    /// </summary>
    public static string FileNameFor(string cluster, string imageFileName) => $"{cluster}-{imageFileName}";

    /// <summary>The Proxmox volume id a VM's disk imports from.</summary>
    public string FileId => $"{Datastore}:{ContentType}/{FileName}";
}
