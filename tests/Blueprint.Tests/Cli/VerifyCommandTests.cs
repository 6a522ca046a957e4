using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary><c>verify</c> against a fake API on 127.0.0.1, with timeouts short enough to keep the suite fast.</summary>
public sealed class VerifyCommandTests : CliSession, IDisposable
{
    private readonly FakeCluster _fake = new();
    private readonly DevClusterApi _dev = new();

    void IDisposable.Dispose()
    {
        _fake.Dispose();
        Dispose();
    }

    private string Output => Out.ToString() + Err.ToString();

    private int Verify(string timeout = "300ms", string? kubeconfig = null, string stack = "dev") =>
        Run("verify", "--kubeconfig", kubeconfig ?? _fake.Kubeconfig, "--stack", stack, "--timeout", timeout, "--interval", "100ms");

    private int VerifyServed(Action<DevClusterApi> change)
    {
        change(_dev);
        _dev.ServeOn(_fake);
        return Verify();
    }

    [Fact]
    public void A_NotReady_node_exits_1_and_is_named()
    {
        var exit = VerifyServed(d => d.Nodes[4] = DevClusterApi.Node("worker-2", "192.168.40.65", controlPlane: false, ready: "False"));

        // The report is pinned in Golden/cli/verify-dev-node-not-ready; here verify polls until the timeout passes.
        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("verify: dev is not healthy after 300ms: 1 of 5 checks fail", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_node_exits_1_and_is_named()
    {
        Assert.Equal(ExitCodes.Invalid, VerifyServed(d => d.Nodes.RemoveAt(1)));
        Assert.Contains("missing: cp-2 is not registered", Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_worker_without_its_role_label_exits_1()
    {
        Assert.Equal(
            ExitCodes.Invalid, VerifyServed(d => d.NodeNamed("worker-1")["metadata"]!["labels"]!.AsObject().Remove("node.kubernetes.io/role")));
        Assert.Contains("missing: worker-1 lacks the label node.kubernetes.io/role=worker", Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Four_of_five_cilium_agents_ready_exits_1()
    {
        var exit = VerifyServed(d =>
        {
            d.CiliumDaemonSet["status"]!["numberReady"] = 4;
            d.CiliumPods[3] = DevClusterApi.Pod("cilium-worker-1", "worker-1", ready: false);
        });

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains(
            "✗ cilium\n    missing: 4/5 agents ready (kube-system/cilium: desired 5, ready 4, planned nodes 5)\n"
            + "    missing: no ready agent on worker-1\n",
            Out.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_LoadBalancer_Service_without_an_IP_exits_1()
    {
        Assert.Equal(ExitCodes.Invalid, VerifyServed(d => d.Services.Add(DevClusterApi.Service("shop", "web", "LoadBalancer"))));
        Assert.Contains("missing: Service shop/web has no LoadBalancer IP yet (pending)", Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_conflicting_pool_exits_1()
    {
        var exit = VerifyServed(
            d => d.Pool["status"]!["conditions"]![1] = new JsonObject
            {
                ["type"] = "cilium.io/PoolConflict", ["status"] = "True", ["message"] = "overlaps pool 'old'",
            });

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains(
            "missing: CiliumLoadBalancerIPPool dev (192.168.40.70-192.168.40.89) is in conflict: overlaps pool 'old'",
            Out.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void OutOfSync_and_Degraded_applications_exit_1_core_first()
    {
        var exit = VerifyServed(d =>
        {
            d.Applications[5] = DevClusterApi.Application("guestbook", "Synced", "Degraded");
            d.Applications[1] = DevClusterApi.Application("cert-manager", "OutOfSync", "Healthy");
        });

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains(
            "✗ applications\n    missing: cert-manager: OutOfSync, Healthy\n    missing: guestbook: Synced, Degraded\n",
            Out.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_pool_and_Argo_CD_both_checks_fail()
    {
        // Nothing served for the pool or the Application CRD: the fake API answers 404, as a cluster without them does.
        _fake.Serve(DevClusterApi.NodesPath, DevClusterApi.List(_dev.Nodes))
            .Serve("/apis/apps/v1/namespaces/kube-system/daemonsets/cilium", _dev.CiliumDaemonSet)
            .Serve("/api/v1/namespaces/kube-system/pods", DevClusterApi.List(_dev.CiliumPods))
            .Serve("/api/v1/services", DevClusterApi.List(_dev.Services));

        Assert.Equal(ExitCodes.Invalid, Verify());
        Assert.Contains("missing: CiliumLoadBalancerIPPool dev (192.168.40.70-192.168.40.89) not found", Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("missing: the Application CRD (argoproj.io/v1alpha1) is not installed", Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void It_waits_until_the_cluster_becomes_healthy()
    {
        var notReady = new DevClusterApi();
        notReady.Nodes[3] = DevClusterApi.Node("worker-1", "192.168.40.64", controlPlane: false, ready: "False");
        _dev.ServeOn(_fake);
        _fake.ServeInTurn(DevClusterApi.NodesPath, DevClusterApi.List(notReady.Nodes), DevClusterApi.List(_dev.Nodes));

        var exit = Verify(timeout: "10s");

        Assert.Equal(ExitCodes.Ok, exit);
        var progress = Out.ToString().Split('\n').Where(l => l.Contains("waiting for", StringComparison.Ordinal)).ToList();
        Assert.Matches(@"^\[\d\d:\d\d\] waiting for nodes: worker-1 is NotReady$", Assert.Single(progress));
        Assert.Equal(2, _fake.Requests(DevClusterApi.NodesPath));
        Assert.Contains("verify: dev is healthy", Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_server_is_named_without_a_stack_trace()
    {
        using var folder = new TempFolder();
        var kubeconfig = FakeCluster.Unreachable(folder, out var url);

        var exit = Verify(timeout: "1s", kubeconfig: kubeconfig);

        Assert.Equal(ExitCodes.Unreachable, exit);
        Assert.Contains($"error: cannot reach the Kubernetes API at {url}", Err.ToString(), StringComparison.Ordinal);
        Assert.Contains("; retrying", Out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_credentials_stop_at_once_and_the_token_is_never_printed()
    {
        _fake.Refuse(401);

        var exit = Verify(timeout: "10s");

        Assert.Equal(ExitCodes.Unreachable, exit);
        Assert.Contains(
            $"error: the Kubernetes API at {_fake.Url} refused the kubeconfig's credentials (401 Unauthorized)",
            Err.ToString(),
            StringComparison.Ordinal);
        Assert.Equal(1, _fake.Requests(DevClusterApi.NodesPath));
        Assert.DoesNotContain(FakeCluster.Token, Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_error_is_retried_within_the_poll()
    {
        _dev.ServeOn(_fake);
        _fake.ServeInTurn(
            "/api/v1/services", new JsonObject { ["kind"] = "Status", ["code"] = 503 }, DevClusterApi.List(_dev.Services), firstStatus: 503);

        Assert.True(ExitCodes.Ok == Verify(timeout: "10s"), Output);
        Assert.DoesNotContain("waiting for", Out.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, _fake.Requests("/api/v1/services"));
    }

    [Fact]
    public void A_server_that_is_not_a_Kubernetes_API_is_named_without_a_stack_trace()
    {
        _dev.ServeOn(_fake);
        _fake.Serve(DevClusterApi.NodesPath, JsonValue.Create("<html>proxy login</html>")!);

        Assert.True(ExitCodes.Unreachable == Verify(), Output);
        Assert.True(
            Output.Contains(
                $"error: the server at {_fake.Url} answered list nodes with something that is not Kubernetes JSON", StringComparison.Ordinal),
            Output);
        Assert.DoesNotContain("   at ", Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--timeout", "15x")]
    [InlineData("--interval", "0s")]
    [InlineData("--interval", "soon")]
    public void A_bad_duration_is_a_usage_error(string option, string value)
    {
        var exit = Run("verify", "--kubeconfig", _fake.Kubeconfig, "--stack", "dev", option, value);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"error: {option} {value}: not a", Err.ToString(), StringComparison.Ordinal);
        Assert.Contains("e.g. 15m, 5s or 1h30m", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_kubeconfig_it_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.Usage, Run("verify", "--stack", "dev"));
        Assert.Contains("--kubeconfig", Err.ToString(), StringComparison.Ordinal);
        Assert.Contains("Run 'bootstrap verify --help'", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_kubeconfig_is_a_usage_error()
    {
        using var folder = new TempFolder();
        folder.Write("kubeconfig", "clusters: [\n");

        Assert.Equal(ExitCodes.Usage, Verify(kubeconfig: folder.File("kubeconfig")));
        Assert.Contains($"error: --kubeconfig {folder.File("kubeconfig")}: not a usable kubeconfig", Err.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, Verify(kubeconfig: folder.File("missing")));
        Assert.Contains("no such file; pass the file from `pulumi stack output kubeconfig --show-secrets`", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_stack_in_a_repository_of_several_stacks_it_asks_for_one()
    {
        var exit = Run("verify", "--kubeconfig", _fake.Kubeconfig);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("error: --stack is required: this repository has the stacks dev, ops", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_repository_with_one_stack_needs_no_stack_option()
    {
        Repository.Delete("Pulumi.ops.yaml");
        _dev.ServeOn(_fake);

        var exit = Run("verify", "--kubeconfig", _fake.Kubeconfig, "--timeout", "1s");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.StartsWith($"verify dev at {_fake.Url}", Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_gateway_service_at_another_address_fails_verify()
    {
        var exit = VerifyServed(d => d.Services[1] = DevClusterApi.Service("gateway", "cilium-gateway-platform", "LoadBalancer", "192.168.40.77"));

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains(
            "missing: Service gateway/cilium-gateway-platform has 192.168.40.77, not the pinned 192.168.40.70 the DNS records point at",
            Out.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Ops_verify_reads_the_monitoring_targets_once()
    {
        DevClusterApi.Ops().ServeOn(_fake);

        // The report is pinned in Golden/cli/verify-ops-healthy; here: Prometheus' targets are read once per poll.
        Assert.Equal(ExitCodes.Ok, VerifyOps());
        Assert.Equal(1, _fake.Requests(DevClusterApi.TargetsPath));
    }

    [Fact]
    public void A_down_target_and_an_unready_grafana_fail_ops_verify()
    {
        var ops = DevClusterApi.Ops();
        ops.Monitoring["/apis/apps/v1/namespaces/monitoring/deployments/kube-prometheus-stack-grafana"] = DevClusterApi.Workload(1, 0);
        ops.Monitoring[DevClusterApi.TargetsPath]["data"]!["activeTargets"]![1]!["health"] = "down";
        ops.Monitoring[DevClusterApi.TargetsPath]["data"]!["activeTargets"]![1]!["lastError"] = "connection refused";
        ops.ServeOn(_fake);

        Assert.Equal(ExitCodes.Invalid, VerifyOps());
        Assert.Contains(
            "✗ monitoring\n    missing: Deployment monitoring/kube-prometheus-stack-grafana: 0/1 ready\n"
            + "    missing: target kube-etcd 192.168.50.61:2381 is down: connection refused\n",
            Out.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_targets_are_a_note_not_a_failure()
    {
        var ops = DevClusterApi.Ops();
        ops.Monitoring.Remove(DevClusterApi.TargetsPath);
        ops.ServeOn(_fake);

        Assert.Equal(ExitCodes.Ok, VerifyOps());
        Assert.Contains(
            "✓ monitoring: Prometheus, Alertmanager and Grafana ready in monitoring\n"
            + "    note: scrape targets not checked: Service monitoring/kube-prometheus-stack-prometheus not found through the API server proxy\n",
            Out.ToString(),
            StringComparison.Ordinal);
    }

    private int VerifyOps() => Verify(stack: "ops");
}
