using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Scripts;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Readiness;

/// <summary>The readiness gates, run by bash against a fake API (curl) and talosctl that answer like the cluster in a given state.</summary>
public sealed class ReadinessGateTests : IDisposable
{
    private readonly ScriptBench _bench = new();
    private readonly ClusterBlueprint _dev = StackInput.Of("dev").Blueprint();

    public void Dispose() => _bench.Dispose();

    private LocalScript Gate(string key) => _dev.Scripts[key];

    [Fact]
    public void The_api_gate_passes_once_readyz_answers_on_the_vip_with_the_admin_certificates()
    {
        var result = _bench.Run(Gate(Stages.ApiReady));

        Assert.Equal(0, result.Exit);
        var call = Assert.Single(result.Calls);
        Assert.EndsWith("https://192.168.40.60:6443/readyz?pretty=false", call, StringComparison.Ordinal);
        Assert.Contains("--fail", call, StringComparison.Ordinal);
        Assert.Contains("--cert", call, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_gate_times_out_with_the_endpoint_and_what_to_check()
    {
        var result = _bench.Run(Gate(Stages.ApiReady), ("FAKE_READYZ", "fail"));

        Assert.Equal(1, result.Exit);
        Assert.Contains(
            "api-ready: kube-apiserver did not answer https://192.168.40.60:6443/readyz within 0s: curl: (22) The requested URL returned error: 500",
            result.Output,
            StringComparison.Ordinal);
        Assert.Contains("talosctl -n 192.168.40.61 service kube-apiserver", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_curl_is_named()
    {
        using var noCurl = new ScriptBench("talosctl");

        var result = noCurl.Run(Gate(Stages.ApiReady));

        Assert.Equal(1, result.Exit);
        Assert.Contains("api-ready: curl is not on PATH; install it where pulumi runs", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cilium_gate_waits_for_every_crd_the_pool_and_policy_need()
    {
        Assert.Equal(
            0, _bench.Run(Gate(Stages.CiliumCrds), ("FAKE_CRDS", "ciliumloadbalancerippools.cilium.io ciliuml2announcementpolicies.cilium.io")).Exit);
        var result = _bench.Run(Gate(Stages.CiliumCrds), ("FAKE_CRDS", "ciliumloadbalancerippools.cilium.io"));

        Assert.Equal(1, result.Exit);
        Assert.Contains(
            "cilium-crds: cilium-operator has not registered ciliuml2announcementpolicies.cilium.io within 0s",
            result.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_health_gate_needs_talos_healthy_and_every_planned_node_ready()
    {
        const string all = "cp-1 cp-2 cp-3 worker-1 worker-2";
        var healthy = _bench.Run(Gate(Stages.ClusterHealth), ("FAKE_TALOS_MODE", "configured"), ("FAKE_READY_NODES", all));
        var notReady = _bench.Run(Gate(Stages.ClusterHealth), ("FAKE_TALOS_MODE", "configured"), ("FAKE_READY_NODES", "cp-1 cp-2 cp-3 worker-1"));
        var unhealthy = _bench.Run(Gate(Stages.ClusterHealth), ("FAKE_TALOS_MODE", "configured"), ("FAKE_READY_NODES", all), ("FAKE_HEALTH", "fail"));

        Assert.Equal(0, healthy.Exit);
        Assert.Contains(
            "talosctl --endpoints 192.168.40.61 --nodes 192.168.40.61 health --wait-timeout 0s",
            healthy.Calls);
        Assert.Equal(1, notReady.Exit);
        Assert.Contains("cluster-health: node worker-2 is not Ready within 0s", notReady.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, unhealthy.Exit);
        Assert.DoesNotContain(unhealthy.Calls, c => c.StartsWith("curl", StringComparison.Ordinal));
    }

    [Fact]
    public void Credentials_reach_the_scripts_only_through_their_environment()
    {
        Assert.All(_dev.Scripts.Values, s =>
        {
            Assert.DoesNotContain("BEGIN", s.Script, StringComparison.Ordinal);
            Assert.Equal(
                s.Credentials.HasFlag(ScriptCredentials.Kubeconfig),
                s.Script.Contains($"${LocalScript.KubeconfigVariable}", StringComparison.Ordinal));
            Assert.Equal(
                s.Credentials.HasFlag(ScriptCredentials.Talosconfig),
                s.Script.Contains($"${LocalScript.TalosconfigVariable}", StringComparison.Ordinal));
        });
    }
}
