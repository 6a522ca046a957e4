namespace Bootstrap.Tests.Lab;

/// <summary>A datastore of one Proxmox host, as the Proxmox API lists it.</summary>
internal sealed record LabDatastore(string Id, string Type, IReadOnlyList<string> ContentTypes);

/// <summary>What the empty lab is before any `pulumi up`: the Proxmox version and each host's datastores.</summary>
internal sealed record LabFacts(string ProxmoxVersion, IReadOnlyDictionary<string, IReadOnlyList<LabDatastore>> Datastores)
{
    /// <summary>A lab that holds the plan: Proxmox VE 8.4 with "import" enabled on local, as the README asks.</summary>
    public static LabFacts Ready(params string[] hosts) => new("8.4.1", hosts.ToDictionary(
        h => h,
        h => (IReadOnlyList<LabDatastore>)
        [
            new LabDatastore("local", "dir", ["iso", "vztmpl", "backup", "import"]),
            new LabDatastore("local-lvm", "lvmthin", ["images", "rootdir"]),
        ]));

    /// <summary>A stock Proxmox install: "import" is not enabled by default (bpg docs/resources/download_file.md).</summary>
    public static LabFacts Stock(params string[] hosts) => Ready(hosts) with
    {
        Datastores = hosts.ToDictionary(h => h, h => (IReadOnlyList<LabDatastore>)
        [
            new LabDatastore("local", "dir", ["iso", "vztmpl", "backup"]),
            new LabDatastore("local-lvm", "lvmthin", ["images", "rootdir"]),
        ]),
    };
}
