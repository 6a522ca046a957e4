namespace Bootstrap.Blueprint.Talos;

/// <summary>
/// The Talos images one schematic and version imply: the nocloud disk image Proxmox boots (so cloud-init's static
/// address reaches Talos in maintenance mode) and the installer carrying the same schematic (or extensions vanish on install).
/// </summary>
public sealed record TalosImage(Schematic Schematic, string Version)
{
    public const string Factory = "factory.talos.dev";
    public const string Platform = "nocloud";
    public const string Architecture = "amd64";

    /// <summary>gzip, because Proxmox's download-url can decompress gz (not xz).</summary>
    public const string Decompression = "gz";

    public string DiskImageUrl => $"https://{Factory}/image/{Schematic.Id}/{Version}/{Platform}-{Architecture}.raw.{Decompression}";

    /// <summary>The platform-aware installer the Image Factory offers for nocloud images.</summary>
    public string InstallerImage => $"{Factory}/{Platform}-installer/{Schematic.Id}:{Version}";

    /// <summary>The file name on the Proxmox image datastore; carries schematic and version so a change downloads a new file.</summary>
    public string FileName => $"talos-{Version}-{Schematic.Id[..12]}-{Platform}-{Architecture}.img";
}
