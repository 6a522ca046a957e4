using Bootstrap.Tools.Verify;

namespace Bootstrap.Blueprint.Tests.Verify;

public class LoadBalancerProbeTests
{
    private const string Pool = "CiliumLoadBalancerIPPool dev (192.168.40.70-192.168.40.89)";

    private static ProbeResult Probe(ClusterState state) => LoadBalancerProbe.Run(HealthyCluster.Dev, state);

    private static ClusterState WithService(ObservedService service)
    {
        var state = HealthyCluster.State();
        return state with { Services = [.. state.Services, service] };
    }

    [Fact]
    public void A_pool_without_conflict_and_services_inside_it_pass()
    {
        var result = Probe(HealthyCluster.State());

        Assert.True(result.Passed);
        Assert.Equal($"{Pool} allocates; 1 LoadBalancer Service(s) have addresses in it", result.Summary);
    }

    [Fact]
    public void A_missing_pool_fails()
    {
        Assert.Equal([$"{Pool} not found"], Probe(HealthyCluster.State() with { Pool = null }).Missing);
    }

    [Fact]
    public void A_conflicting_pool_fails_with_Ciliums_message()
    {
        var state = HealthyCluster.State() with
        {
            Pool = new ObservedPool(
                false, [new ObservedCondition(LoadBalancerProbe.ConflictCondition, "True", "Pool overlaps with CIDR of 'other'")]),
        };

        Assert.Equal([$"{Pool} is in conflict: Pool overlaps with CIDR of 'other'"], Probe(state).Missing);
    }

    [Fact]
    public void A_disabled_pool_fails()
    {
        Assert.Equal([$"{Pool} is disabled (spec.disabled: true)"], Probe(HealthyCluster.State() with { Pool = new ObservedPool(true, []) }).Missing);
    }

    [Fact]
    public void A_LoadBalancer_Service_without_an_address_is_pending()
    {
        var result = Probe(WithService(new ObservedService("default", "guestbook", "LoadBalancer", null, [])));

        Assert.Equal(["Service default/guestbook has no LoadBalancer IP yet (pending)"], result.Missing);
    }

    [Fact]
    public void An_address_outside_the_pool_fails()
    {
        var result = Probe(WithService(new ObservedService("default", "guestbook", "LoadBalancer", "io.cilium/l2-announcer", ["192.168.40.90"])));

        Assert.Equal(["Service default/guestbook got 192.168.40.90, outside 192.168.40.70-192.168.40.89"], result.Missing);
    }

    [Fact]
    public void A_Service_of_another_load_balancer_class_is_noted_not_checked()
    {
        var result = Probe(WithService(new ObservedService("metal", "web", "LoadBalancer", "example.com/other", [])));

        Assert.True(result.Passed);
        Assert.Equal(["metal/web has loadBalancerClass example.com/other: not Cilium's, not checked"], result.Notes);
    }
}
