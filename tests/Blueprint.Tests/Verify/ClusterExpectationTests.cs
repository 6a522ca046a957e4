using Bootstrap.Blueprint.Config;
using Bootstrap.Tools.Verify;

namespace Bootstrap.Blueprint.Tests.Verify;

public class ClusterExpectationTests
{
    [Fact]
    public void The_dev_blueprint_expects_its_nodes_pool_and_core_applications()
    {
        var dev = HealthyCluster.Dev;

        Assert.Equal(["cp-1", "cp-2", "cp-3", "worker-1", "worker-2"], dev.Nodes.Select(n => n.Name));
        Assert.Equal(3, dev.Nodes.Count(n => n.Role == NodeRole.ControlPlane));
        Assert.Equal("192.168.40.64", dev.Nodes.Single(n => n.Name == "worker-1").Ip);
        Assert.Equal("kube-system", dev.CiliumNamespace);
        Assert.Equal("dev", dev.PoolName);
        Assert.Equal("192.168.40.70-192.168.40.89", dev.Pool.ToString());
        Assert.Equal("argocd", dev.ArgoCdNamespace);
        Assert.Equal(["cilium", "cert-manager", "sealed-secrets", "argocd", "root"], dev.CoreApplications);
    }

    [Fact]
    public void A_healthy_cluster_passes_every_probe()
    {
        var report = HealthReport.Of(HealthyCluster.Dev, HealthyCluster.State());

        Assert.True(report.Healthy, report.Render());
        Assert.Equal(["nodes", "cilium", "load balancer", "gateway", "applications"], report.Probes.Select(c => c.Name));
    }

    [Fact]
    public void Ops_runs_the_monitoring_stack_and_dev_does_not()
    {
        var ops = HealthyCluster.Ops;

        Assert.Null(HealthyCluster.Dev.Monitoring);
        Assert.Equal(new Bootstrap.Blueprint.GitOps.MonitoringPlan("monitoring", "kube-prometheus-stack"), ops.Monitoring);
        Assert.Equal("prometheus-kube-prometheus-stack-prometheus", ops.Monitoring!.PrometheusStatefulSet);
        Assert.Equal("192.168.50.70", ops.Gateway!.Address);
        var report = HealthReport.Of(ops, HealthyCluster.State(ops));
        Assert.True(report.Healthy, report.Render());
        Assert.Equal(["nodes", "cilium", "load balancer", "gateway", "applications", "monitoring"], report.Probes.Select(c => c.Name));
    }
}
