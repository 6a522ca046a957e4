using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Proxmox;

/// <summary>A datastore as the Proxmox API lists it for one node (bpg data source proxmox_datastores).</summary>
public sealed record DatastoreFacts(string Id, IReadOnlyList<string> ContentTypes, bool Enabled, bool Active);

/// <summary>
/// What must hold on the live Proxmox before anything is created, checked at the start of `pulumi preview` and `up` from
/// the provider's version and datastores data sources (read access only). `plan` cannot see it: it is offline.
/// </summary>
public static partial class ProxmoxPreflightRule
{
    /// <summary>The first release whose download-url accepts "import" content (bpg proxmox/version/capabilities.go
    /// SupportImportContentType).</summary>
    public static readonly Version ImportContentSince = new(8, 4, 0);

    /// <summary>Proxmox's name for the content type of VM disk images.</summary>
    public const string DiskContent = "images";

    /// <param name="version">pve-manager's version as the live Proxmox reports it, e.g. 8.4.1.</param>
    /// <param name="datastores">Each host's datastores.</param>
    public static IEnumerable<Diagnostic> Findings(
        ClusterSettings cluster, string version, IReadOnlyDictionary<string, IReadOnlyList<DatastoreFacts>> datastores)
    {
        var findings = new List<Diagnostic>();
        if (Parse(version) is not { } running || running < ImportContentSince)
        {
            findings.Add(FindingId.ProxmoxPreflight.At(
                "proxmoxve:endpoint",
                $"runs Proxmox VE {version}, which cannot import a disk image through its API",
                $"upgrade Proxmox VE to {ImportContentSince.Major}.{ImportContentSince.Minor} or newer: "
                + "VMs import the Talos disk from \"import\" content, without SSH"));
        }

        foreach (var host in cluster.Nodes.Values.Select(n => n.Host).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var listed = datastores.GetValueOrDefault(host) ?? [];
            findings.AddRange(Require(listed, host, cluster.Proxmox.ImageDatastore, ImageDownload.ContentType, "imageDatastore",
                "enable the content type Import on it (Datacenter > Storage > Edit > Content) or name a file-based datastore that has it"));
            findings.AddRange(Require(listed, host, cluster.Proxmox.VmDatastore, DiskContent, "vmDatastore",
                "name a datastore whose content includes Disk image"));
        }

        return findings;
    }

    private static IEnumerable<Diagnostic> Require(
        IReadOnlyList<DatastoreFacts> listed, string host, string id, string content, string field, string fix)
    {
        var key = ConfigKey.Child(ConfigKey.Child(ConfigKey.Of(ConfigBinder.Cluster), "proxmox"), field);
        var datastore = listed.FirstOrDefault(d => d.Id == id);
        if (datastore is null)
        {
            var known = listed.Count == 0 ? "none" : string.Join(", ", listed.Select(d => d.Id).Order(StringComparer.Ordinal));
            yield return FindingId.ProxmoxPreflight.At(
                key,
                $"{id} is not a datastore of Proxmox host {host} (it has: {known})",
                $"name one of {host}'s datastores");
        }
        else if (!datastore.Enabled || !datastore.Active)
        {
            yield return FindingId.ProxmoxPreflight.At(
                key,
                $"{id} on {host} is {(datastore.Enabled ? "not active" : "disabled")}",
                "enable it, or name an active datastore");
        }
        else if (!datastore.ContentTypes.Contains(content))
        {
            yield return FindingId.ProxmoxPreflight.At(
                key,
                $"{id} on {host} does not hold content type {content} (it "
                + $"holds: {string.Join(", ", datastore.ContentTypes.Order(StringComparer.Ordinal))})",
                fix);
        }
    }

    private static Version? Parse(string version) =>
        Leading().Match(version) is { Success: true } match
            ? new Version(
                int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Success ? match.Groups[3].Value : "0"))
            : null;

    [GeneratedRegex(@"^(\d+)\.(\d+)(?:\.(\d+))?")]
    private static partial Regex Leading();
}
