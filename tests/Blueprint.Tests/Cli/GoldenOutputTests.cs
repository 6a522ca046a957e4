using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary>
/// What users read: the text plan, lint and verify print, pinned in Golden/cli/ as &lt;case&gt;.stdout and &lt;case&gt;.stderr
/// (normalised as <see cref="CliSession"/> says). A change in wording, order or layout shows up as a reviewed diff.
/// Refresh with BOOTSTRAP_UPDATE_GOLDEN=1 dotnet test --filter FullyQualifiedName~Golden, then read the diff.
/// </summary>
public sealed class GoldenOutputTests : CliSession
{
    /// <summary>Every case, here and in BackupCommandTests (backup-*: it needs a fake talosctl on PATH).</summary>
    private static readonly string[] Cases =
    [
        "plan-dev", "plan-ops", "plan-dev-upgrade", "lint", "verify-dev-healthy", "verify-dev-node-not-ready", "verify-ops-healthy",
        "backup-dev", "backup-dev-without-talosctl",
    ];

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public void Plan_prints_the_golden_summary(string stack)
    {
        Assert.Equal(ExitCodes.Ok, Run("plan", stack));
        AssertGolden($"plan-{stack}");
    }

    [Fact]
    public void Plan_with_the_installed_versions_prints_the_golden_upgrade_path()
    {
        Repository.Write("installed.json", """{"talosVersion":"v1.12.6","kubernetesVersion":"1.36.3"}""");

        Assert.Equal(ExitCodes.Ok, Run("plan", "dev", "--installed", Repository.File("installed.json")));
        AssertGolden("plan-dev-upgrade");
    }

    [Fact]
    public void Lint_prints_the_golden_report()
    {
        Assert.Equal(ExitCodes.Ok, Run("lint"));
        AssertGolden("lint");
    }

    [Fact]
    public void Verify_of_a_healthy_dev_cluster_prints_the_golden_report()
    {
        using var fake = new FakeCluster();
        new DevClusterApi().ServeOn(fake);

        Assert.Equal(ExitCodes.Ok, Verify(fake, "dev"));
        AssertGolden("verify-dev-healthy");
    }

    [Fact]
    public void Verify_of_a_dev_cluster_with_a_NotReady_node_prints_the_golden_report()
    {
        using var fake = new FakeCluster();
        var dev = new DevClusterApi();
        dev.Nodes[4] = DevClusterApi.Node("worker-2", "192.168.40.65", controlPlane: false, ready: "False");
        dev.ServeOn(fake);

        Assert.Equal(ExitCodes.Invalid, Verify(fake, "dev"));
        AssertGolden("verify-dev-node-not-ready");
    }

    [Fact]
    public void Verify_of_a_healthy_ops_cluster_prints_the_golden_report_with_monitoring()
    {
        using var fake = new FakeCluster();
        DevClusterApi.Ops().ServeOn(fake);

        Assert.Equal(ExitCodes.Ok, Verify(fake, "ops"));
        AssertGolden("verify-ops-healthy");
    }

    /// <summary>A case's own files are checked by the case (Golden.Match fails where one is missing); a file no case writes is stale.</summary>
    [Fact]
    public void Every_golden_file_belongs_to_a_case()
    {
        var cases = Cases.SelectMany(c => new[] { $"{c}.stderr", $"{c}.stdout" }).ToHashSet(StringComparer.Ordinal);
        var stale = Directory.GetFiles(Path.Combine(Golden.Folder, "cli")).Where(f => !cases.Contains(Path.GetFileName(f))).ToList();
        if (Golden.Updating)
        {
            stale.ForEach(File.Delete);
            stale.Clear();
        }

        Assert.Empty(stale);
    }

    /// <summary>One poll (--timeout 0s): how many progress lines a longer wait prints depends on the machine's speed.</summary>
    private int Verify(FakeCluster fake, string stack) => Run("verify", "--kubeconfig", fake.Kubeconfig, "--stack", stack, "--timeout", "0s");
}
