using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Blueprint.Validation;

namespace Bootstrap.Blueprint.Tests.Validation;

public class NodeRulesTests
{
    private readonly StackInput _input = StackInput.Of("dev");

    [Fact]
    public void No_control_plane_is_an_error()
    {
        foreach (var name in new[] { "cp-1", "cp-2", "cp-3" })
        {
            _input.Node(name)["role"] = "worker";
        }

        Findings.SingleError(_input.FindingsOf(new ControlPlaneRule()), "bootstrap:cluster.nodes", "has no control plane");
    }

    [Fact]
    public void A_single_control_plane_is_a_warning_not_an_error()
    {
        _input.Node("cp-2")["role"] = "worker";
        _input.Node("cp-3")["role"] = "worker";

        Findings.SingleWarning(_input.FindingsOf(new ControlPlaneRule()), "bootstrap:cluster.nodes", "single control plane");
    }

    [Fact]
    public void An_even_number_of_control_planes_is_a_warning()
    {
        _input.Node("worker-1")["role"] = "controlplane";

        Findings.SingleWarning(_input.FindingsOf(new ControlPlaneRule()), "bootstrap:cluster.nodes", "4 control planes", "odd number");
    }

    [Theory]
    [InlineData("CP-1")]
    [InlineData("cp_1")]
    [InlineData("-cp1")]
    public void Hostnames_are_dns_labels(string name)
    {
        _input.Nodes[name] = _input.Node("cp-1").DeepClone();
        _input.Nodes.Remove("cp-1");

        Findings.SingleError(_input.FindingsOf(new NameRule()), $"bootstrap:cluster.nodes.{name}", "is not a DNS-1123 label");
    }

    [Fact]
    public void The_cluster_name_is_a_dns_label()
    {
        _input.Cluster["name"] = "Dev Cluster";

        Findings.SingleError(_input.FindingsOf(new NameRule()), "bootstrap:cluster.name", "is not a DNS-1123 label");
    }

    [Fact]
    public void Vm_ids_are_unique()
    {
        _input.Node("cp-2")["vmId"] = 4061;

        Findings.SingleError(_input.FindingsOf(new ProxmoxRule()), "bootstrap:cluster.nodes.cp-2.vmId", "4061 is also the vmId of cp-1");
    }

    [Theory]
    [InlineData(99)]
    [InlineData(1_000_000_000)]
    public void Vm_ids_are_in_proxmox_range(int vmId)
    {
        _input.Node("worker-2")["vmId"] = vmId;

        Findings.SingleError(
            _input.FindingsOf(new ProxmoxRule()), "bootstrap:cluster.nodes.worker-2.vmId", "outside Proxmox's VM id range", "100 to 999999999");
    }

    [Fact]
    public void The_host_must_be_a_proxmox_node_name()
    {
        _input.Node("worker-2")["host"] = "pve1.lab.internal";

        Findings.SingleError(_input.FindingsOf(new ProxmoxRule()), "bootstrap:cluster.nodes.worker-2.host", "is not a Proxmox host name");
    }

    [Theory]
    [InlineData("BC:24:11:00:00:6")]
    [InlineData("01:24:11:00:00:61")]
    public void Macs_are_unicast_addresses(string mac)
    {
        _input.Node("cp-1")["mac"] = mac;

        Findings.SingleError(_input.FindingsOf(new ProxmoxRule()), "bootstrap:cluster.nodes.cp-1.mac", "is not a unicast MAC address");
    }

    [Fact]
    public void Macs_are_unique()
    {
        _input.Node("cp-1")["mac"] = "BC:24:11:00:00:61";
        _input.Node("cp-2")["mac"] = "bc:24:11:00:00:61";

        Findings.SingleError(_input.FindingsOf(new ProxmoxRule()), "bootstrap:cluster.nodes.cp-2.mac", "is also the MAC of cp-1");
    }

    [Fact]
    public void Vlan_bridge_datastores_and_endpoint_are_checked()
    {
        _input.Network["vlan"] = 4095;
        _input.Network["bridge"] = "vmbr0-with-a-long-name";
        ((JsonObject)_input.Cluster["proxmox"]!)["vmDatastore"] = "local lvm";
        _input.Set("proxmoxve:endpoint", "http://pve1:8006/");

        var findings = _input.FindingsOf(new ProxmoxRule());

        Findings.SingleError(findings, "bootstrap:cluster.network.vlan", "4095 is not a VLAN id");
        Findings.SingleError(findings, "bootstrap:cluster.network.bridge", "is not a Linux bridge name");
        Findings.SingleError(findings, "bootstrap:cluster.proxmox.vmDatastore", "is not a Proxmox storage id");
        Findings.SingleError(findings, "proxmoxve:endpoint", "is not an https URL");
    }

    [Fact]
    public void Sizes_below_talos_minimum_are_errors()
    {
        _input.Node("cp-1")["memoryMiB"] = 1024;
        _input.Node("worker-1")["diskGiB"] = 8;

        var findings = _input.FindingsOf(new SizeRule());

        Findings.SingleError(findings, "bootstrap:cluster.nodes.cp-1.memoryMiB", "1024 MiB is below Talos's minimum of 2048 MiB for a control plane");
        Findings.SingleError(findings, "bootstrap:cluster.nodes.worker-1.diskGiB", "8 GiB is below Talos's minimum of 10 GiB for a worker");
    }

    [Fact]
    public void Sizes_above_what_the_proxmox_provider_takes_are_errors_and_its_maxima_pass()
    {
        _input.Node("cp-1")["cores"] = 2305;
        _input.Node("cp-2")["memoryMiB"] = 268_435_457;
        _input.Node("worker-1")["cores"] = 2304;
        _input.Node("worker-2")["memoryMiB"] = 268_435_456;

        var findings = _input.FindingsOf(new SizeRule());

        Findings.SingleError(
            findings,
            "bootstrap:cluster.nodes.cp-1.cores",
            "2305 cores is more than Proxmox (the bpg provider) accepts for a VM, at most 2304 cores");
        Findings.SingleError(findings, "bootstrap:cluster.nodes.cp-2.memoryMiB", "at most 268435456 MiB");
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void More_nodes_than_Kubernetes_supports_is_an_error()
    {
        var worker = _input.Node("worker-1");
        for (var i = 0; i < ControlPlaneRule.MaxNodes - 4; i++)
        {
            _input.Nodes[$"w-{i}"] = worker.DeepClone();
        }

        Findings.SingleError(
            _input.FindingsOf(new ControlPlaneRule()), "bootstrap:cluster.nodes", "has 5001 nodes, more than the 5000 Kubernetes supports");
        _input.Nodes.Remove("w-0");
        Assert.Empty(_input.FindingsOf(new ControlPlaneRule()));
    }

    [Fact]
    public void Sizes_below_the_recommendation_are_warnings()
    {
        _input.Node("worker-2")["cores"] = 2;

        var finding = Findings.SingleWarning(
            _input.FindingsOf(new SizeRule()), "bootstrap:cluster.nodes.worker-2.cores", "below the recommended 4 cores for a worker");
        Assert.Equal(Bootstrap.Blueprint.Diagnostics.Severity.Warning, finding.Severity);
    }

    [Fact]
    public void The_seed_sizes_raise_nothing()
    {
        Assert.Empty(_input.FindingsOf(new SizeRule()));
    }

    [Fact]
    public void Node_labels_must_pass_node_restriction()
    {
        _input.Node("worker-1")["labels"] = new JsonObject
        {
            ["node-role.kubernetes.io/worker"] = "",
            ["node.kubernetes.io/pool"] = "general",
            ["example.com/tier"] = "gold",
        };

        var findings = _input.FindingsOf(new NodeLabelRule());

        Findings.SingleError(findings, "bootstrap:cluster.nodes.worker-1.labels.node-role.kubernetes.io/worker", "NodeRestriction");
        Assert.Single(findings);
    }

    [Fact]
    public void Labels_and_taints_must_be_valid()
    {
        _input.Node("worker-1")["labels"] = new JsonObject { ["bad key!"] = "x", ["ok"] = "not valid value" };
        _input.Node("worker-1")["taints"] = new JsonObject { ["dedicated"] = "gpu:NoScheduling" };

        var findings = _input.FindingsOf(new NodeLabelRule());

        Findings.SingleError(findings, "bootstrap:cluster.nodes.worker-1.labels.bad key!", "is not a valid label key");
        Findings.SingleError(findings, "bootstrap:cluster.nodes.worker-1.labels.ok", "is not a valid label value");
        Findings.SingleError(findings, "bootstrap:cluster.nodes.worker-1.taints.dedicated", "is not value:Effect");
    }
}
