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

    /// <summary>Uncompressed qcow2: Proxmox imports a disk through its API (no SSH) only from an uncompressed "import" image
    /// (bpg/terraform-provider-proxmox docs/resources/virtual_environment_vm.md, import_from); the Image Factory serves
    /// <c>&lt;platform&gt;-&lt;arch&gt;.qcow2</c> raw (siderolabs/image-factory internal/profile/profile.go).</summary>
    public const string DiskFormat = "qcow2";

    public string DiskImageUrl => $"https://{Factory}/image/{Schematic.Id}/{Version}/{Platform}-{Architecture}.{DiskFormat}";

    /// <summary>The platform-aware installer the Image Factory offers for nocloud images.</summary>
    public string InstallerImage => $"{Factory}/{Platform}-installer/{Schematic.Id}:{Version}";

    /// <summary>
    /// The file name on the Proxmox image datastore; carries schematic and version so a change downloads a new file, and
    /// ends in .qcow2, the extension Proxmox's import content requires to know the format.
    /// </summary>
    public string FileName => $"talos-{Version}-{Schematic.Id[..12]}-{Platform}-{Architecture}.{DiskFormat}";
}
