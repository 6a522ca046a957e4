using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Validation;

/// <summary>What Proxmox will accept: VM ids unique and in range, host, datastore and bridge names, VLAN tags, MAC
/// addresses, the API endpoint.</summary>
public sealed partial class ProxmoxRule : IRule<ConfigContext>
{
    /// <summary>
    /// Proxmox VE accepts VM ids 100–999999999 (pve-common src/PVE/JSONSchema.pm, pve_verify_vmid: ^[1-9][0-9]{2,8}$);
    /// the bpg provider alone would pass up to 2147483647 (proxmoxtf/resource/vm/validators.go, VMIDValidator).
    /// </summary>
    public const int MinVmId = 100;
    public const int MaxVmId = 999_999_999;

    public IEnumerable<Diagnostic> Findings(ConfigContext context)
    {
        var config = context.Config;
        var cluster = config.Cluster;
        foreach (var (name, node) in cluster.Nodes)
        {
            if (node.VmId is < MinVmId or > MaxVmId)
            {
                yield return FindingId.ProxmoxSettings.At(
                    Keys.Node(name, "vmId"),
                    $"{node.VmId} is outside Proxmox's VM id range",
                    $"use an id from {MinVmId} to {MaxVmId}");
            }

            if (!HostName().IsMatch(node.Host))
            {
                yield return FindingId.ProxmoxSettings.At(
                    Keys.Node(name, "host"),
                    $"\"{node.Host}\" is not a Proxmox host name",
                    "use the node name shown in the Proxmox UI (letters, digits, '-'), e.g. pve1");
            }

            if (node.Mac is { } mac && !UnicastMac().IsMatch(mac))
            {
                yield return FindingId.ProxmoxSettings.At(
                    Keys.Node(name, "mac"),
                    $"\"{mac}\" is not a unicast MAC address",
                    "write six hex pairs separated by ':' with an even first octet, e.g. BC:24:11:00:00:61");
            }
        }

        foreach (var group in cluster.Nodes.GroupBy(n => n.Value.VmId).Where(g => g.Count() > 1))
        {
            foreach (var duplicate in group.Skip(1))
            {
                yield return FindingId.ProxmoxSettings.At(
                    Keys.Node(duplicate.Key, "vmId"),
                    $"{group.Key} is also the vmId of {group.First().Key}",
                    "give every node its own vmId");
            }
        }

        foreach (var group in cluster.Nodes
            .Where(n => n.Value.Mac is not null)
            .GroupBy(n => n.Value.Mac!.ToLowerInvariant())
            .Where(g => g.Count() > 1))
        {
            foreach (var duplicate in group.Skip(1))
            {
                yield return FindingId.ProxmoxSettings.At(
                    Keys.Node(duplicate.Key, "mac"),
                    $"{duplicate.Value.Mac} is also the MAC of {group.First().Key}",
                    "give every node its own MAC address or leave mac out");
            }
        }

        foreach (var (field, value) in new[] { ("vmDatastore", cluster.Proxmox.VmDatastore), ("imageDatastore", cluster.Proxmox.ImageDatastore) })
        {
            if (!StorageId().IsMatch(value))
            {
                yield return FindingId.ProxmoxSettings.At(
                    Keys.Proxmox(field),
                    $"\"{value}\" is not a Proxmox storage id",
                    "use a storage name from Datacenter → Storage, e.g. local-lvm or local");
            }
        }

        if (!Bridge().IsMatch(cluster.Network.Bridge))
        {
            yield return FindingId.ProxmoxSettings.At(
                Keys.Network("bridge"),
                $"\"{cluster.Network.Bridge}\" is not a Linux bridge name",
                "use the Proxmox bridge the VMs attach to, e.g. vmbr0 (at most 15 characters)");
        }

        // qemu-server src/PVE/QemuServer/Network.pm: net tag minimum 1, maximum 4094.
        if (cluster.Network.Vlan is < 1 or > 4094)
        {
            yield return FindingId.ProxmoxSettings.At(
                Keys.Network("vlan"),
                $"{cluster.Network.Vlan} is not a VLAN id",
                "use 1–4094, or leave vlan out for an untagged bridge port");
        }

        if (!Uri.TryCreate(config.Proxmox.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            yield return FindingId.ProxmoxSettings.At(
                "proxmoxve:endpoint",
                $"\"{config.Proxmox.Endpoint}\" is not an https URL",
                "use the Proxmox API URL, e.g. https://pve1.example.internal:8006/");
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$")]
    private static partial Regex HostName();

    [GeneratedRegex("^[0-9a-fA-F][02468aceACE](:[0-9a-fA-F]{2}){5}$")]
    private static partial Regex UnicastMac();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9._-]*$")]
    private static partial Regex StorageId();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_.-]{0,14}$")]
    private static partial Regex Bridge();
}
