using Bootstrap.Tools.Verify;

namespace Bootstrap.Blueprint.Tests.Verify;

public class ApplicationProbeTests
{
    private static ProbeResult Probe(ClusterState state) => ApplicationProbe.Run(HealthyCluster.Dev, state);

    private static ClusterState With(params ObservedApplication[] changed)
    {
        var state = HealthyCluster.State();
        var names = changed.Select(c => c.Name).ToHashSet();
        return state with { Applications = [.. state.Applications!.Where(a => !names.Contains(a.Name)), .. changed] };
    }

    [Fact]
    public void Every_Application_Synced_and_Healthy_passes()
    {
        var result = Probe(HealthyCluster.State());

        Assert.True(result.Passed);
        Assert.Equal("5 core and 1 other Application(s) Synced and Healthy", result.Summary);
    }

    [Fact]
    public void OutOfSync_and_Degraded_Applications_are_named_core_first()
    {
        var result = Probe(With(
            new ObservedApplication("guestbook", "Synced", "Degraded"),
            new ObservedApplication("aaa-first-alphabetically", "OutOfSync", "Healthy"),
            new ObservedApplication("sealed-secrets", "OutOfSync", "Healthy"),
            new ObservedApplication("cilium", "Synced", "Progressing")));

        Assert.Equal(
            [
                "cilium: Synced, Progressing",
                "sealed-secrets: OutOfSync, Healthy",
                "aaa-first-alphabetically: OutOfSync, Healthy",
                "guestbook: Synced, Degraded"],
            result.Missing);
    }

    [Fact]
    public void A_missing_core_Application_fails()
    {
        var state = HealthyCluster.State();
        state = state with { Applications = state.Applications!.Where(a => a.Name != "root").ToList() };

        Assert.Equal(["root: no Application in argocd"], Probe(state).Missing);
    }

    [Fact]
    public void An_Application_Argo_CD_has_not_assessed_yet_is_not_healthy()
    {
        Assert.Equal(["guestbook: sync unknown, health unknown"], Probe(With(new ObservedApplication("guestbook", null, null))).Missing);
    }

    [Fact]
    public void Without_the_Application_CRD_Argo_CD_is_not_running()
    {
        Assert.Equal(
            ["the Application CRD (argoproj.io/v1alpha1) is not installed: Argo CD is not running"],
            Probe(HealthyCluster.State() with { Applications = null }).Missing);
    }
}
