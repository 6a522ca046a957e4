using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Config;

/// <summary>
/// A number written the way Pulumi would pass it is judged the same by `plan` (StackFile → binder) and by `pulumi up`
/// (PULUMI_CONFIG → PulumiConfig.Parse → binder), so the two never disagree.
/// </summary>
public class SameNumbersBothPathsTests
{
    /// <summary>
    /// Each edit: a field as written in Pulumi.dev.yaml and the JSON Pulumi hands the program for it (go-yaml v3 resolves the
    /// scalar, encoding/json writes it: 1e9 is a float written 1000000000, 0x1000 and 017 are ints), then a finding both
    /// paths must report. The binder stops before the rules, so binder-level and rule-level numbers are separate cases.
    /// </summary>
    public static TheoryData<string[], string[]> Cases => new()
    {
        {
            ["cp-1|cores: 2|cores: 1e9|1000000000", "cp-1|memoryMiB: 4096|memoryMiB: 4096.0|4096", "cp-1|vmId: 4061|vmId: 0x1000|4096",
                "worker-2|vmId: 4065|vmId: 017|15", "network|vlan: 40|vlan: 5e3|5000"],
            [
                "error BP018: bootstrap:cluster.nodes.cp-1.cores: 1000000000 cores is more than Proxmox (the bpg provider) "
                + "accepts for a VM, at most 2304 cores",
                "error BP017: bootstrap:cluster.nodes.worker-2.vmId: 15 is outside Proxmox's VM id range",
                "error BP017: bootstrap:cluster.network.vlan: 5000 is not a VLAN id",
            ]
        },
        {
            ["worker-1|cores: 4|cores: 1e10|10000000000", "worker-2|memoryMiB: 8192|memoryMiB: 8192.5|8192.5",
                "cp-3|diskGiB: 20|diskGiB: \" 20\"|\" 20\"", "cp-2|diskGiB: 20|diskGiB: \"20\"|\"20\""],
            [
                "error BP003: bootstrap:cluster.nodes.worker-1.cores: expected a whole number, got 10000000000",
                "error BP003: bootstrap:cluster.nodes.worker-2.memoryMiB: expected a whole number, got 8192.5",
                "error BP003: bootstrap:cluster.nodes.cp-3.diskGiB: expected a whole number, got \" 20\"",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Numbers_as_Pulumi_passes_them_give_the_same_findings_on_both_paths(string[] edits, string[] expected)
    {
        using var copy = new RepoCopy();
        var pulumi = StackInput.Of("dev");
        foreach (var (where, find, write, json) in edits.Select(e => e.Split('|')).Select(p => (p[0], p[1], p[2], p[3])))
        {
            var line = File.ReadAllLines(copy.File("Pulumi.dev.yaml"))
                .First(l => l.TrimStart().StartsWith($"{(where == "network" ? find : where + ":")}", StringComparison.Ordinal));
            copy.Edit("Pulumi.dev.yaml", line, line.Replace(find, write, StringComparison.Ordinal));
            (where == "network" ? pulumi.Network : pulumi.Node(where))[find.Split(':')[0]] = JsonNode.Parse(json);
        }

        var fromFile = Findings(() => Planner.Load("dev", StackFile.Read(copy.Path, "dev").Values, copy));
        var fromPulumi = Findings(() => Planner.Load("dev", PulumiConfig.Parse(pulumi.AsPulumiConfig(), "[]"), Repo.Directory));

        Assert.Equal(fromPulumi, fromFile);
        foreach (var finding in expected)
        {
            Assert.Contains(fromFile, f => f.StartsWith(finding, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Numbers_Pulumi_passes_as_whole_numbers_bind_on_both_paths()
    {
        using var copy = new RepoCopy();
        copy.Edit(
            "Pulumi.dev.yaml", "vmId: 4061, cores: 2, memoryMiB: 4096, diskGiB: 20", "vmId: 0xFDD, cores: 2.0, memoryMiB: 4_096, diskGiB: \"20\"");

        var node = Planner.Load("dev", StackFile.Read(copy.Path, "dev").Values, copy).Nodes.Single(n => n.Name == "cp-1");

        Assert.Equal((4061, 2, 4096, 20), (node.Vm.VmId, node.Vm.Cores, node.Vm.MemoryMiB, node.Vm.DiskGiB));
    }

    private static List<string> Findings(Func<ClusterBlueprint> load)
    {
        try
        {
            return load().Warnings.Select(f => f.ToString()).Order(StringComparer.Ordinal).ToList();
        }
        catch (BlueprintException e)
        {
            return e.Diagnostics.Select(f => f.ToString()).Order(StringComparer.Ordinal).ToList();
        }
    }
}
