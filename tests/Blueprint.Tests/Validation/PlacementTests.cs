using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Proxmox;
using Bootstrap.Blueprint.Render;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Blueprint.Validation;

namespace Bootstrap.Blueprint.Tests.Validation;

public class PlacementTests
{
    private static readonly string[] InOrder = ["cp-1", "cp-2", "cp-10", "worker-1", "worker-2"];

    private readonly StackInput _input = StackInput.Of("dev");

    [Fact]
    public void Dev_with_every_node_on_pve1_warns_about_quorum_and_workers()
    {
        var findings = _input.FindingsOf(new PlacementRule());

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains("losing Proxmox host pve1 loses the etcd quorum of cluster dev: "
            + "it runs 3 of 3 control planes (cp-1, cp-2, cp-3), and etcd needs 2",
            findings[0].Problem, StringComparison.Ordinal);
        Assert.Contains(
            "losing Proxmox host pve1 stops every worker of cluster dev (worker-1, worker-2)", findings[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Ops_warns_for_pve2_only_it_holds_two_of_three_control_planes()
    {
        var warning = Findings.SingleWarning(
            StackInput.Of("ops").FindingsOf(new PlacementRule()), "bootstrap:cluster.nodes", "host pve2", "2 of 3 control planes");

        Assert.DoesNotContain("pve3", warning.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void One_control_plane_and_one_worker_per_host_survives_any_host()
    {
        Hosts(("cp-1", "pve1"), ("cp-2", "pve2"), ("cp-3", "pve3"), ("worker-1", "pve1"), ("worker-2", "pve2"));

        Assert.Empty(_input.FindingsOf(new PlacementRule()));
    }

    [Theory]
    // etcd's quorum is n/2+1: a host may hold at most n - quorum control planes.
    [InlineData(5, 2, false)]
    [InlineData(5, 3, true)]
    [InlineData(4, 2, true)]
    [InlineData(2, 1, true)]
    public void A_host_holding_more_control_planes_than_quorum_spares_warns(int controlPlanes, int onPve1, bool warns)
    {
        var nodes = new JsonObject();
        for (var i = 1; i <= controlPlanes; i++)
        {
            nodes[$"cp-{i}"] = Node("controlplane", $"192.168.40.{60 + i}", i <= onPve1 ? "pve1" : $"pve{i}", 4060 + i);
        }

        nodes["worker-1"] = Node("worker", "192.168.40.80", "pve2", 4080);
        nodes["worker-2"] = Node("worker", "192.168.40.81", "pve3", 4081);
        _input.Cluster["nodes"] = nodes;
        _input.Network["loadBalancerPool"] = "192.168.40.90-192.168.40.99";

        var quorum = _input.FindingsOf(new PlacementRule())
            .Where(f => f.Problem.Contains("host pve1 loses the etcd quorum", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(warns ? 1 : 0, quorum.Count);
        Assert.All(quorum, f => Assert.Contains($"{onPve1} of {controlPlanes} control planes", f.Problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Workers_on_one_host_warn_even_when_the_control_planes_are_spread()
    {
        Hosts(("cp-1", "pve1"), ("cp-2", "pve2"), ("cp-3", "pve3"), ("worker-1", "pve3"), ("worker-2", "pve3"));

        Findings.SingleWarning(_input.FindingsOf(new PlacementRule()), "bootstrap:cluster.nodes", "losing Proxmox host pve3 stops every worker");
    }

    [Fact]
    public void Spread_puts_control_planes_first_round_robin_and_workers_continue_the_round()
    {
        var nodes = new[]
        {
            ("worker-2", NodeRole.Worker), ("cp-10", NodeRole.ControlPlane), ("cp-2", NodeRole.ControlPlane), ("worker-1", NodeRole.Worker),
            ("cp-1", NodeRole.ControlPlane),
        };

        var three = Placement.Spread(nodes, ["pve1", "pve2", "pve3"]);
        var two = Placement.Spread(nodes, ["a", "b"]);

        Assert.Equal(["pve1", "pve2", "pve3", "pve1", "pve2"], InOrder.Select(n => three[n]));
        Assert.Equal(["a", "b", "a", "b", "a"], InOrder.Select(n => two[n]));
    }

    [Fact]
    public void Plan_shows_each_host_with_its_nodes_and_what_a_failure_leaves()
    {
        var dev = _input.Blueprint();
        var ops = StackInput.Of("ops").Blueprint();

        Assert.Contains("Placement across Proxmox hosts\n  HOST  CONTROL PLANES    WORKERS             SIZE              IF THE HOST FAILS\n"
            + "  pve1  cp-1, cp-2, cp-3  worker-1, worker-2  14 vCPU / 28 GiB  etcd loses quorum (0 control plane(s) left); no worker left\n",
            PlanSummary.Render(dev), StringComparison.Ordinal);
        var summary = PlanSummary.Render(ops);
        Assert.Contains(
            "  pve2  cp-1, cp-2      worker-1  8 vCPU / 16 GiB  etcd loses quorum (1 control plane(s) left); 1 worker(s) left\n",
            summary,
            StringComparison.Ordinal);
        Assert.Contains(
            "  pve3  cp-3            worker-2  6 vCPU / 12 GiB  etcd keeps quorum (2 control planes left); 1 worker(s) left\n",
            summary,
            StringComparison.Ordinal);
        var placement = JsonNode.Parse(PlanJson.Render(ops))!["placement"]!.AsArray();
        Assert.Equal("pve2", (string?)placement[0]!["host"]);
        Assert.False((bool)placement[0]!["ifLost"]!["etcdQuorum"]!);
        Assert.True((bool)placement[1]!["ifLost"]!["etcdQuorum"]!);
        Assert.Equal(1, (int)placement[1]!["ifLost"]!["workersLeft"]!);
    }

    private void Hosts(params (string Node, string Host)[] hosts)
    {
        foreach (var (node, host) in hosts)
        {
            _input.Node(node)["host"] = host;
        }
    }

    private static JsonObject Node(string role, string ip, string host, int vmId) =>
        new() { ["role"] = role, ["ip"] = ip, ["host"] = host, ["vmId"] = vmId, ["cores"] = 4, ["memoryMiB"] = 8192, ["diskGiB"] = 50 };
}
