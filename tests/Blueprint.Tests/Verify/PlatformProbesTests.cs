using Bootstrap.Tools.Verify;

namespace Bootstrap.Blueprint.Tests.Verify;

/// <summary>The Gateway and monitoring probes on cluster states that miss one thing each.</summary>
public class PlatformProbesTests
{
    [Fact]
    public void A_gateway_cilium_has_not_programmed_is_missing()
    {
        var state = HealthyCluster.State() with
        {
            Gateway = new ObservedGateway(new Dictionary<string, string> { ["Accepted"] = "True", ["Programmed"] = "False" }),
            Services = [new ObservedService("gateway", "cilium-gateway-platform", "LoadBalancer", null, [])],
        };

        var result = GatewayProbe.Run(HealthyCluster.Dev, state);

        Assert.Equal(
            [
                "Gateway gateway/platform is not Programmed yet (status Programmed: False)",
                "Service gateway/cilium-gateway-platform has no address yet; it must get 192.168.40.70 from the Gateway's own pool",
            ],
            result.Missing);
    }

    [Fact]
    public void A_cluster_without_the_gateway_says_what_to_look_at()
    {
        var result = GatewayProbe.Run(HealthyCluster.Dev, HealthyCluster.State() with { Gateway = null, Services = [] });

        Assert.StartsWith(
            "Gateway gateway/platform not found (Argo CD has not synced the gateway Application", result.Missing[0], StringComparison.Ordinal);
        Assert.StartsWith("Service gateway/cilium-gateway-platform not found", result.Missing[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_monitoring_workloads_are_named()
    {
        var state = HealthyCluster.State(HealthyCluster.Ops) with { Monitoring = new ObservedMonitoring([], null, "403 Forbidden") };

        var result = MonitoringProbe.Run(HealthyCluster.Ops, state);

        Assert.Equal(
            [
                "StatefulSet monitoring/prometheus-kube-prometheus-stack-prometheus not found (has Argo CD synced the monitoring stack?)",
                "StatefulSet monitoring/alertmanager-kube-prometheus-stack-alertmanager not found (has Argo CD synced the monitoring stack?)",
                "Deployment monitoring/kube-prometheus-stack-grafana not found (has Argo CD synced the monitoring stack?)",
            ],
            result.Missing);
        Assert.Equal(["scrape targets not checked: 403 Forbidden"], result.Notes);
    }
}
