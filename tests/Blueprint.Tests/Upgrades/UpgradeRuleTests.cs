using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Blueprint.Upgrades;

namespace Bootstrap.Blueprint.Tests.Upgrades;

public class UpgradeRuleTests
{
    private static List<Diagnostic> UpgradeFindings(
        string installedTalos, string installedKubernetes, string talos = "v1.13.9", string kubernetes = "1.36.3")
    {
        var input = StackInput.Of("dev");
        input.Cluster["talosVersion"] = talos;
        input.Cluster["kubernetesVersion"] = kubernetes;
        return UpgradeRule.Findings(new InstalledVersions(installedTalos, installedKubernetes), input.Config().Cluster).ToList();
    }

    [Theory]
    [InlineData("v1.13.9", "1.36.3")]
    [InlineData("v1.13.2", "1.36.1")]
    [InlineData("v1.12.6", "1.35.4")]
    public void Same_patch_or_next_minor_upgrades_are_allowed(string talos, string kubernetes)
    {
        Assert.Empty(UpgradeFindings(talos, kubernetes));
    }

    [Fact]
    public void A_talos_downgrade_is_refused_and_points_to_rollback()
    {
        Findings.SingleError(
            UpgradeFindings("v1.13.10", "1.36.3"),
            "bootstrap:cluster.talosVersion",
            "v1.13.9 is a downgrade from the installed v1.13.10",
            "talosctl rollback");
    }

    [Fact]
    public void A_kubernetes_downgrade_is_refused()
    {
        Findings.SingleError(
            UpgradeFindings("v1.13.9", "1.36.4"),
            "bootstrap:cluster.kubernetesVersion",
            "1.36.3 is a downgrade from the installed 1.36.4",
            "keep 1.36.4");
    }

    [Fact]
    public void Skipping_a_talos_minor_is_refused()
    {
        Findings.SingleError(
            UpgradeFindings("v1.11.5", "1.34.2", kubernetes: "1.34.2"),
            "bootstrap:cluster.talosVersion",
            "skips a minor release after the installed v1.11.5",
            "first to the newest v1.12.x");
    }

    [Fact]
    public void Skipping_a_kubernetes_minor_is_refused()
    {
        Findings.SingleError(
            UpgradeFindings("v1.13.9", "1.34.2"),
            "bootstrap:cluster.kubernetesVersion",
            "1.36.3 skips a minor release after the installed 1.34.2",
            "first to the newest 1.35.x");
    }

    [Fact]
    public void The_new_talos_must_still_run_the_old_kubernetes()
    {
        var findings = UpgradeFindings("v1.12.6", "1.30.9", kubernetes: "1.31.2");

        Findings.SingleError(
            findings,
            "bootstrap:cluster.talosVersion",
            "Talos v1.13.9 does not run Kubernetes 1.30.9",
            "upgrade Kubernetes to 1.31.0 – 1.36.x in an earlier `pulumi up`");
    }

    [Fact]
    public void Installed_versions_come_from_the_stack_outputs()
    {
        var installed = InstalledVersions.Parse(
            """{"apiEndpoint":"https://x:6443","talosVersion":"v1.13.2","kubernetesVersion":"1.36.1"}""", "outputs.json");

        Assert.Equal(new InstalledVersions("v1.13.2", "1.36.1"), installed);
        Assert.Null(InstalledVersions.Parse("{}", "outputs.json"));
        var error = Assert.Throws<BlueprintException>(() => InstalledVersions.Parse("""{"talosVersion":"v1.13.2"}""", "outputs.json"));
        Findings.SingleError(
            error.Diagnostics, "outputs.json", "has no talosVersion and kubernetesVersion stack outputs", "pulumi stack output --json");
    }
}
