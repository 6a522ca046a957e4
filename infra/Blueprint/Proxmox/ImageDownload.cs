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

    /// <summary>The Proxmox volume id a VM's disk imports from.</summary>
    public string FileId => $"{Datastore}:{ContentType}/{FileName}";
}
