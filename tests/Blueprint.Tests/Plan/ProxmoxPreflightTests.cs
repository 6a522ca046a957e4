using Bootstrap.Blueprint.Proxmox;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Plan;

public class ProxmoxPreflightTests
{
    private static readonly Bootstrap.Blueprint.Config.ClusterSettings Ops = StackInput.Of("ops").Config().Cluster;

    private static readonly string[] Hosts = ["pve2", "pve3"];

    private static Dictionary<string, IReadOnlyList<DatastoreFacts>> Lab(params string[] importContent) =>
        Hosts.ToDictionary(h => h, h => (IReadOnlyList<DatastoreFacts>)
        [
            new DatastoreFacts("local", importContent.Contains(h) ? ["iso", "vztmpl", "import"] : ["iso", "vztmpl"], true, true),
            new DatastoreFacts("local-lvm", ["images", "rootdir"], true, true),
        ]);

    private static List<Bootstrap.Blueprint.Diagnostics.Diagnostic> Preflight(
        string version, Dictionary<string, IReadOnlyList<DatastoreFacts>> datastores) =>
        ProxmoxPreflightRule.Findings(Ops, version, datastores).ToList();

    [Fact]
    public void A_lab_on_proxmox_8_4_with_import_content_everywhere_passes()
    {
        Assert.Empty(Preflight("8.4.1", Lab("pve2", "pve3")));
        Assert.Empty(Preflight("9.0.3", Lab("pve2", "pve3")));
    }

    [Theory]
    [InlineData("8.3.5")]
    [InlineData("7.4-17")]
    [InlineData("unknown")]
    public void Proxmox_before_8_4_is_refused_with_the_version_it_runs(string version)
    {
        var finding = Assert.Single(Preflight(version, Lab("pve2", "pve3")));

        Assert.Equal("proxmoxve:endpoint", finding.Key);
        Assert.Contains($"runs Proxmox VE {version}", finding.Problem, StringComparison.Ordinal);
        Assert.Contains("8.4 or newer", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_whose_image_datastore_lacks_import_content_is_named()
    {
        var finding = Assert.Single(Preflight("8.4.1", Lab("pve2")));

        Assert.Equal("bootstrap:cluster.proxmox.imageDatastore", finding.Key);
        Assert.Equal("local on pve3 does not hold content type import (it holds: iso, vztmpl)", finding.Problem);
    }

    [Fact]
    public void A_datastore_a_host_does_not_have_is_named_with_the_ones_it_has()
    {
        var lab = Lab("pve2", "pve3");
        lab["pve3"] = [new DatastoreFacts("local", ["iso", "import"], true, true)];

        var finding = Assert.Single(Preflight("8.4.1", lab));

        Assert.Equal("bootstrap:cluster.proxmox.vmDatastore", finding.Key);
        Assert.Equal("local-lvm is not a datastore of Proxmox host pve3 (it has: local)", finding.Problem);
    }
}
