using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Talos;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Tests.Talos;

public class MachinePatchTests
{
    private readonly Bootstrap.Blueprint.Plan.ClusterBlueprint _dev = StackInput.Of("dev").Blueprint();

    private static JsonObject Kind(MachinePatch patch, string kind) =>
        patch.Documents.Single(d => (string?)d["kind"] == kind);

    private static JsonObject V1Alpha1(MachinePatch patch) => patch.Documents.Single(d => d["kind"] is null);

    [Fact]
    public void Common_patch_installs_the_schematic_installer_and_hands_networking_to_cilium()
    {
        var v1 = V1Alpha1(_dev.Talos.Common);

        Assert.Equal(_dev.Image.InstallerImage, (string?)v1["machine"]!["install"]!["image"]);
        Assert.Equal("/dev/sda", (string?)v1["machine"]!["install"]!["disk"]);
        Assert.Equal("none", (string?)v1["cluster"]!["network"]!["cni"]!["name"]);
        Assert.True((bool)v1["cluster"]!["proxy"]!["disabled"]!);
        Assert.Equal(7445, (int)v1["machine"]!["features"]!["kubePrism"]!["port"]!);
        Assert.Equal("192.168.40.0/24", (string?)v1["machine"]!["kubelet"]!["nodeIP"]!["validSubnets"]![0]);
    }

    [Fact]
    public void Resolvers_and_time_servers_are_typed_documents_not_v1alpha1_network()
    {
        var common = _dev.Talos.Common;

        Assert.Null(V1Alpha1(common)["machine"]!["network"]);
        Assert.Equal("192.168.40.1", (string?)Kind(common, "ResolverConfig")["nameservers"]![0]!["address"]);
        Assert.Equal("time.cloudflare.com", (string?)Kind(common, "TimeSyncConfig")["ntp"]!["servers"]![0]);
    }

    [Fact]
    public void Control_planes_share_the_vip_and_keep_workloads_off()
    {
        var patch = _dev.Talos.ControlPlane;
        var v1 = V1Alpha1(patch);

        Assert.Equal("192.168.40.60", (string?)Kind(patch, "Layer2VIPConfig")["name"]);
        Assert.Equal(MachinePatches.Link, (string?)Kind(patch, "Layer2VIPConfig")["link"]);
        Assert.Contains("192.168.40.60", v1["cluster"]!["apiServer"]!["certSANs"]!.AsArray().Select(n => (string?)n));
        Assert.False((bool)v1["cluster"]!["allowSchedulingOnControlPlanes"]!);
        Assert.Equal("192.168.40.0/24", (string?)v1["cluster"]!["etcd"]!["advertisedSubnets"]![0]);
    }

    [Fact]
    public void Each_node_gets_its_hostname_static_address_and_default_route()
    {
        var patch = _dev.Nodes.Single(n => n.Name == "worker-2").Patch;
        var link = Kind(patch, "LinkConfig");

        Assert.Equal("worker-2", (string?)Kind(patch, "HostnameConfig")["hostname"]);
        Assert.Equal("192.168.40.65/24", (string?)link["addresses"]![0]!["address"]);
        Assert.Equal("192.168.40.1", (string?)link["routes"]![0]!["gateway"]);
        Assert.Null(link["routes"]![0]!["destination"]);
        Assert.Equal(MachinePatches.Link, (string?)Kind(patch, "LinkAliasConfig")["name"]);
    }

    [Fact]
    public void A_fixed_mac_selects_the_nic_by_mac()
    {
        var input = StackInput.Of("dev");
        input.Node("cp-1")["mac"] = "BC:24:11:00:00:61";

        var patch = input.Blueprint().Nodes.Single(n => n.Name == "cp-1").Patch;

        Assert.Equal("mac(link.permanent_addr) == \"bc:24:11:00:00:61\"", (string?)Kind(patch, "LinkAliasConfig")["selector"]!["match"]);
    }

    [Fact]
    public void Node_labels_and_taints_go_to_that_node_only()
    {
        var input = StackInput.Of("dev");
        input.Node("worker-1")["labels"] = new JsonObject { ["example.com/tier"] = "gold" };
        input.Node("worker-1")["taints"] = new JsonObject { ["dedicated"] = "gpu:NoSchedule" };

        var blueprint = input.Blueprint();
        var worker1 = V1Alpha1(blueprint.Nodes.Single(n => n.Name == "worker-1").Patch);

        Assert.Equal("gold", (string?)worker1["machine"]!["nodeLabels"]!["example.com/tier"]);
        Assert.Equal("gpu:NoSchedule", (string?)worker1["machine"]!["nodeTaints"]!["dedicated"]);
        Assert.DoesNotContain(blueprint.Nodes.Single(n => n.Name == "worker-2").Patch.Documents, d => d["kind"] is null);
    }

    [Fact]
    public void Endpoints_use_the_vip_for_kubernetes_and_node_ips_for_talos()
    {
        Assert.Equal("https://192.168.40.60:6443", _dev.Talos.Endpoint);
        Assert.Equal(["192.168.40.61", "192.168.40.62", "192.168.40.63"], _dev.Talos.ClientEndpoints);
        Assert.DoesNotContain(_dev.Vip, _dev.Talos.ClientEndpoints);
        Assert.Equal("v1.13", _dev.Talos.ConfigContract);
    }

    [Fact]
    public void The_bootstrap_node_is_the_first_control_plane_by_name()
    {
        var input = StackInput.Of("dev");
        input.Nodes["cp-0"] = input.Node("cp-1").DeepClone();
        input.Node("cp-0")["ip"] = "192.168.40.66";
        input.Node("cp-0")["vmId"] = 4060;

        Assert.Equal("cp-0", input.Blueprint().Talos.BootstrapNode);
        Assert.Equal("cp-1", _dev.Talos.BootstrapNode);
    }

    [Fact]
    public void Patches_are_applied_common_then_role_then_node()
    {
        var worker = _dev.Nodes.Single(n => n.Name == "worker-1");

        Assert.Equal(["common", "worker", "worker-1"], _dev.Talos.PatchesFor(worker).Select(p => p.Name));
    }

    [Fact]
    public void Patch_yaml_reads_back_to_the_same_documents()
    {
        var patch = _dev.Talos.ControlPlane;

        var reread = YamlReader.ParseAll(patch.Yaml, "controlplane.yaml");

        Assert.Equal(patch.Documents.Count, reread.Count);
        Assert.All(patch.Documents.Zip(reread), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second), pair.First.ToJsonString()));
    }
}
