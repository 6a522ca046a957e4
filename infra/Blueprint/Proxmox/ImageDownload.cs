namespace Bootstrap.Blueprint.Proxmox;

/// <summary>The Talos disk image fetched by one Proxmox host from the Image Factory; every VM on that host boots from it.</summary>
public sealed record ImageDownload(string Host, string Datastore, string FileName, string Url, string Decompression)
{
    /// <summary>"iso" content: Proxmox's download-url stores raw images there and VMs import disks from it.</summary>
    public const string ContentType = "iso";

    /// <summary>The Proxmox volume id a VM's disk imports from.</summary>
    public string FileId => $"{Datastore}:{ContentType}/{FileName}";
}
