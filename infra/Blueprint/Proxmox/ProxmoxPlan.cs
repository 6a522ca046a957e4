using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Talos;

namespace Bootstrap.Blueprint.Proxmox;

/// <summary>Turns the stack's nodes into VMs and the image downloads they need: one per Proxmox host, not per VM.</summary>
public static class ProxmoxPlan
{
    public static IReadOnlyList<ImageDownload> Downloads(ClusterSettings cluster, TalosImage image) =>
        cluster.Nodes.Values
            .Select(n => n.Host)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(host => new ImageDownload(
                host, cluster.Proxmox.ImageDatastore, ImageDownload.FileNameFor(cluster.Name, image.FileName), image.DiskImageUrl))
            .ToList();

    public static VirtualMachine Vm(string name, NodeSettings node, ClusterSettings cluster, TalosImage image, ImageDownload download)
    {
        var prefix = System.Net.IPNetwork2.Parse(cluster.Network.Cidr).Cidr;
        var role = node.Role == NodeRole.ControlPlane ? "controlplane" : "worker";
        return new VirtualMachine(
            name,
            node.Role,
            node.Host,
            node.VmId,
            node.Cores,
            node.MemoryMiB,
            node.DiskGiB,
            cluster.Proxmox.VmDatastore,
            download.FileId,
            cluster.Network.Bridge,
            cluster.Network.Vlan,
            node.Mac?.ToUpperInvariant(),
            $"{node.Ip}/{prefix}",
            cluster.Network.Gateway,
            cluster.Network.Nameservers,
            new[] { "talos", cluster.Name, role }.Order(StringComparer.Ordinal).ToList(),
            image.Schematic.HasGuestAgent,
            cluster.Proxmox.Protect);
    }
}
