using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Talos;

namespace Bootstrap.Blueprint.Validation;

/// <summary>Image Factory extensions, install disk and time servers as Talos expects them.</summary>
public sealed partial class TalosSettingsRule : IRule<ConfigContext>
{
    public IEnumerable<Diagnostic> Findings(ConfigContext context)
    {
        var config = context.Config;
        var cluster = config.Cluster;
        var extensions = cluster.Extensions;
        var listed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < extensions.Count; i++)
        {
            if (!Extension().IsMatch(extensions[i]))
            {
                yield return FindingId.TalosSettings.At(
                    ConfigKey.Item(Keys.Of("imageExtensions"), i),
                    $"\"{extensions[i]}\" is not an Image Factory extension name",
                    "write owner/name as listed by the Image Factory, e.g. siderolabs/qemu-guest-agent");
            }
            else if (!listed.Add(extensions[i]))
            {
                yield return FindingId.TalosSettings.At(
                    ConfigKey.Item(Keys.Of("imageExtensions"), i),
                    $"{extensions[i]} is listed twice",
                    "list each extension once");
            }
        }

        if (!extensions.Contains(Schematic.GuestAgent))
        {
            yield return FindingId.NoGuestAgent.At(
                Keys.Of("imageExtensions"),
                $"does not include {Schematic.GuestAgent}: the VMs run without the QEMU guest agent, "
                + "so Proxmox cannot show their IPs or shut them down cleanly",
                $"add {Schematic.GuestAgent}");
        }

        if (!InstallDisk().IsMatch(cluster.InstallDisk))
        {
            yield return FindingId.TalosSettings.At(
                Keys.Of("installDisk"),
                $"\"{cluster.InstallDisk}\" is not a device path",
                "use the VM's boot disk as Talos sees it: /dev/sda on VirtIO SCSI");
        }

        var servers = cluster.Network.TimeServers ?? [];
        for (var i = 0; i < servers.Count; i++)
        {
            if (!TimeServer().IsMatch(servers[i]))
            {
                yield return FindingId.TalosSettings.At(
                    ConfigKey.Item(Keys.Network("timeServers"), i),
                    $"\"{servers[i]}\" is not a host name or IP address",
                    "use an NTP server such as time.cloudflare.com");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*$")]
    private static partial Regex Extension();

    [GeneratedRegex("^/dev/[a-z0-9/_-]+$")]
    private static partial Regex InstallDisk();

    [GeneratedRegex(@"^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$")]
    private static partial Regex TimeServer();
}
