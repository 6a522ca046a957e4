using Bootstrap.Cli;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Cli;

public sealed class CliTests : CliSession
{
    private string OutDir => Repository.File("out/dev");

    /// <summary>What plan prints is pinned in Golden/cli/plan-dev (<see cref="GoldenOutputTests"/>); here, what it writes.</summary>
    [Fact]
    public void Plan_writes_the_plan_files()
    {
        var exit = Run("plan", "dev");

        Assert.Equal(ExitCodes.Ok, exit);
        string[] files =
        [
            "plan.json", "topology.md", "talos/common.yaml", "talos/node-worker-2.yaml", "values/cilium.yaml", "manifests/root.yaml",
            "manifests/cilium-load-balancer-pool.yaml",
        ];
        foreach (var file in files)
        {
            Assert.True(File.Exists(Path.Combine(OutDir, file)), file);
        }
    }

    [Fact]
    public void Rerunning_plan_is_byte_identical_and_removes_stale_files()
    {
        Run("plan", "dev");
        var first = Snapshot();
        File.WriteAllText(Path.Combine(OutDir, "talos", "node-old.yaml"), "stale");

        Run("plan", "dev");

        Assert.Equal(first, Snapshot());
    }

    [Fact]
    public void Invalid_config_exits_1_names_the_key_and_writes_nothing()
    {
        Repository.Edit("Pulumi.dev.yaml", "ip: 192.168.40.62", "ip: 192.168.41.62");
        Repository.Edit("Pulumi.dev.yaml", "vmId: 4065", "vmId: 4064");

        var exit = Run("plan", "dev");

        Assert.Equal(ExitCodes.Invalid, exit);
        var err = Err.ToString();
        Assert.Contains(
            "error BP007: bootstrap:cluster.nodes.cp-2.ip: 192.168.41.62 is outside network.cidr 192.168.40.0/24", err, StringComparison.Ordinal);
        Assert.Contains("error BP017: bootstrap:cluster.nodes.worker-2.vmId: 4064 is also the vmId of worker-1", err, StringComparison.Ordinal);
        Assert.Contains("2 error(s)", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(OutDir));
    }

    [Fact]
    public void Warnings_are_printed_but_do_not_fail()
    {
        Repository.Edit(
            "Pulumi.dev.yaml",
            "cores: 4, memoryMiB: 8192, diskGiB: 50 }\n  bootstrap:gitops",
            "cores: 2, memoryMiB: 8192, diskGiB: 50 }\n  bootstrap:gitops");

        Assert.Equal(ExitCodes.Ok, Run("plan", "dev"));
        Assert.Contains("warning BP019: bootstrap:cluster.nodes.worker-2.cores", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_stack_lists_the_known_ones()
    {
        Assert.Equal(ExitCodes.Invalid, Run("plan", "prod"));
        Assert.Contains("known stacks: dev, ops", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_yaml_is_reported_with_file_and_line_not_a_stack_trace()
    {
        File.WriteAllText(Repository.File("Pulumi.dev.yaml"), "config:\n  bootstrap:cluster: [\n");

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));
        Assert.StartsWith("error BP006: Pulumi.dev.yaml:", Err.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_checks_every_stack()
    {
        Repository.Edit("gitops/clusters/ops/core/cilium.yaml", "targetRevision: main", "targetRevision: release");
        Assert.Equal(ExitCodes.Invalid, Run("lint"));
        Assert.Contains("gitops/clusters/ops/core/cilium.yaml: spec.sources[values].targetRevision", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_refuses_a_downgrade_against_the_installed_versions()
    {
        File.WriteAllText(Repository.File("installed.json"), """{"talosVersion":"v1.13.9","kubernetesVersion":"1.36.5"}""");

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev", "--installed", Repository.File("installed.json")));
        Assert.Contains(
            "error BP039: bootstrap:cluster.kubernetesVersion: 1.36.3 is a downgrade from the installed 1.36.5",
            Err.ToString(),
            StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, Run("plan", "dev", "--installed", Repository.File("nope.json")));
    }

    [Fact]
    public void A_missing_argument_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.Usage, Run("plan"));
        Assert.Contains("error: Required argument missing for command: 'plan'", Err.ToString(), StringComparison.Ordinal);
        Assert.Contains("Run 'bootstrap plan --help'", Err.ToString(), StringComparison.Ordinal);
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(OutDir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(OutDir, f), File.ReadAllText);
}
