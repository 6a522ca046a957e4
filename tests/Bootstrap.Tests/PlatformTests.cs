using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Tests.Support;
using Pulumi;

namespace Bootstrap.Tests;

[Collection(SerialPulumi.Name)]
public class PlatformTests
{
    private const string Vm = "proxmoxve:index/vmLegacy:VmLegacy";
    private const string Image = "proxmoxve:download/file:File";
    private const string HelmRelease = "kubernetes:helm.sh/v3:Release";

    [Theory]
    [InlineData("dev", 1)]
    [InlineData("ops", 2)]
    public async Task Creates_the_resources_the_blueprint_plans(string stack, int hosts)
    {
        var run = await PulumiRun.Of(stack);

        var counts = run.Created.GroupBy(r => r.Type!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int>
        {
            ["pulumi:providers:proxmoxve"] = 1,
            ["pulumi:providers:kubernetes"] = 1,
            ["talos:imageFactory/schematic:Schematic"] = 1,
            [Image] = hosts,
            [Vm] = 5,
            ["talos:machine/secrets:Secrets"] = 1,
            ["talos:machine/configurationApply:ConfigurationApply"] = 5,
            ["talos:machine/bootstrap:Bootstrap"] = 1,
            ["talos:cluster/kubeconfig:Kubeconfig"] = 1,
            [HelmRelease] = 4,
            ["kubernetes:yaml/v2:ConfigGroup"] = 1,
            ["kubernetes:core/v1:Namespace"] = 1,
            ["kubernetes:core/v1:Secret"] = 1,
            ["kubernetes:argoproj.io/v1alpha1:Application"] = 1,
            ["command:local:Command"] = 6,
        }, counts.Where(c => !c.Key.StartsWith("bootstrap:", StringComparison.Ordinal)).ToDictionary());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task Each_vm_is_the_blueprint_node(string stack)
    {
        var run = await PulumiRun.Of(stack);

        foreach (var node in run.Blueprint.Nodes)
        {
            var name = run.Blueprint.Plan.Resource(ResourcePlan.Vm(node.Name)).Name;
            var vm = run.Named(name).Inputs;
            Assert.Equal(node.Vm.Host, vm["nodeName"]);
            Assert.Equal(node.Vm.VmId, Int(vm["vmId"]));
            Assert.Equal(node.Vm.Cores, Int(Map(vm["cpu"])["cores"]));
            Assert.Equal("host", Map(vm["cpu"])["type"]);
            Assert.Equal(node.Vm.MemoryMiB, Int(Map(vm["memory"])["dedicated"]));
            Assert.Equal(0, Int(Map(vm["memory"])["floating"]));
            Assert.Equal(node.Vm.DiskGiB, Int(Map(List(vm["disks"])[0])["size"]));
            Assert.Equal(node.Vm.ImageFileId, Map(List(vm["disks"])[0])["fileId"]);
            Assert.Equal(node.Vm.Vlan, Int(Map(List(vm["networkDevices"])[0])["vlanId"]));
            Assert.Equal(node.Vm.Bridge, Map(List(vm["networkDevices"])[0])["bridge"]);
            Assert.Equal(node.Vm.Ipv4Address, Map(Map(List(Map(vm["initialization"])["ipConfigs"])[0])["ipv4"])["address"]);
            Assert.Equal(("q35", "ovmf", "virtio-scsi-pci"), (vm["machine"], vm["bios"], vm["scsiHardware"]));
            Assert.Equal(true, Map(vm["agent"])["enabled"]);
            Assert.Equal(node.Vm.Protect, run.RegisteredAs(name).Options.Protect ?? false);
            Assert.Equal(["disks[0].fileId"], run.RegisteredAs(name).Options.IgnoreChanges);
        }

        Assert.Equal(stack == "ops", run.Blueprint.Nodes.All(n => n.Vm.Protect));
    }

    [Fact]
    public async Task The_image_is_downloaded_once_per_proxmox_host()
    {
        var run = await PulumiRun.Of("ops");

        var downloads = run.OfType(Image);
        Assert.Equal(["pve2", "pve3"], downloads.Select(d => (string)d.Inputs["nodeName"]).Order());
        Assert.All(downloads, d => Assert.Equal(run.Blueprint.Image.DiskImageUrl, d.Inputs["url"]));
        Assert.All(downloads, d => Assert.Equal("gz", d.Inputs["decompressionAlgorithm"]));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task Every_resource_waits_for_exactly_the_blueprint_dependencies(string stack)
    {
        var run = await PulumiRun.Of(stack);

        foreach (var planned in run.Blueprint.Plan.Resources)
        {
            var registered = run.RegisteredAs(planned.Name);
            var dependsOn = await PulumiRun.Value((Output<ImmutableArray<Resource>>)registered.Options.DependsOn);
            var expected = planned.DependsOn.Select(key => run.Blueprint.Plan.Resource(key).Name).Order();
            Assert.True(expected.SequenceEqual(dependsOn.Select(r => r.GetResourceName()).Order()), $"{planned.Name} waits for [{string.Join(", ", dependsOn.Select(r => r.GetResourceName()))}], planned [{string.Join(", ", expected)}]");
        }
    }

    [Fact]
    public async Task A_config_apply_waits_for_its_own_vm_and_the_root_application_comes_last()
    {
        var run = await PulumiRun.Of("dev");

        var apply = await PulumiRun.Value((Output<ImmutableArray<Resource>>)run.RegisteredAs("talos-apply-worker-1").Options.DependsOn);
        Assert.Equal(["kubernetes-upgrade", "talos-secrets", "vm-worker-1"], apply.Select(r => r.GetResourceName()).Order());
        var root = await PulumiRun.Value((Output<ImmutableArray<Resource>>)run.RegisteredAs("root-application").Options.DependsOn);
        Assert.Equal(["release-argocd", "release-cert-manager", "release-sealed-secrets"], root.Select(r => r.GetResourceName()).Order());
    }

    [Fact]
    public async Task Every_release_is_handed_to_argocd()
    {
        var run = await PulumiRun.Of("dev");

        var releases = run.Registered.Where(r => r.Resource.GetResourceType() == HelmRelease).ToList();
        Assert.Equal(4, releases.Count);
        Assert.All(releases, r =>
        {
            Assert.True(r.Options.RetainOnDelete);
            Assert.Equal(Blueprint.Addons.HelmRelease.HandOffIgnoredProperties, r.Options.IgnoreChanges);
        });
        var root = run.RegisteredAs("root-application").Options;
        Assert.True(root.RetainOnDelete);
        Assert.Equal(["spec"], root.IgnoreChanges);
        var cilium = run.Named("release-cilium").Inputs;
        Assert.Equal(("cilium", "1.20.0", "kube-system"), (cilium["chart"], cilium["version"], cilium["namespace"]));
    }

    [Fact]
    public async Task Kubeconfig_talosconfig_and_secret_inputs_are_secret()
    {
        var config = PulumiRun.Config("dev");
        config["bootstrap:argocdAdminPassword"] = "correct horse";
        config["bootstrap:gitopsCredentials"] = """{"username":"git","password":"ghp_token"}""";
        var run = await PulumiRun.Of("dev", config);

        Assert.True(await Output.IsSecretAsync(run.Stack.Kubeconfig));
        Assert.True(await Output.IsSecretAsync(run.Stack.Talosconfig));
        var proxmox = (Pulumi.ProxmoxVE.ProviderArgs)run.RegisteredAs("proxmoxve").Args!;
        Assert.True(await Output.IsSecretAsync((Output<string>)proxmox.ApiToken!));
        foreach (var name in new[] { "argocd-secret", "argocd-repository" })
        {
            var secret = (Pulumi.Kubernetes.Types.Inputs.Core.V1.SecretArgs)run.RegisteredAs(name).Args!;
            Assert.True(await Output.IsSecretAsync((Output<ImmutableDictionary<string, string>>)secret.StringData), name);
        }

        var data = await PulumiRun.Value((Output<ImmutableDictionary<string, string>>)((Pulumi.Kubernetes.Types.Inputs.Core.V1.SecretArgs)run.RegisteredAs("argocd-secret").Args!).StringData);
        Assert.True(BCrypt.Net.BCrypt.Verify("correct horse", data["admin.password"]));
    }

    [Fact]
    public async Task Restored_sealed_secrets_keys_are_applied_before_the_controller()
    {
        var config = PulumiRun.Config("dev");
        config["bootstrap:sealedSecretsKeys"] = "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nmetadata: {name: sealed-secrets-key1}\ndata: {tls.crt: Q1JU, tls.key: S0VZ}\n";
        var run = await PulumiRun.Of("dev", config);

        var keys = run.Named("sealed-secrets-keys");
        Assert.Contains("sealedsecrets.bitnami.com/sealed-secrets-key: active", (string)keys.Inputs["yaml"], StringComparison.Ordinal);
        var controller = await PulumiRun.Value((Output<ImmutableArray<Resource>>)run.RegisteredAs("release-sealed-secrets").Options.DependsOn);
        Assert.Contains("sealed-secrets-keys", controller.Select(r => r.GetResourceName()));
    }

    [Fact]
    public async Task Resource_names_come_from_node_names_not_positions()
    {
        var config = PulumiRun.Config("dev");
        var forward = VmIdsByName(await PulumiRun.Of("dev", config));
        var cluster = JsonNode.Parse(config["bootstrap:cluster"])!.AsObject();
        var nodes = cluster["nodes"]!.AsObject();
        cluster["nodes"] = new JsonObject(nodes.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).ToList());
        config["bootstrap:cluster"] = cluster.ToJsonString();

        var reversed = VmIdsByName(await PulumiRun.Of("dev", config));

        Assert.Equal(forward, reversed);
        Assert.Equal(4061, forward["vm-cp-1"]);
    }

    [Fact]
    public async Task Invalid_config_stops_before_any_resource_is_created()
    {
        var config = PulumiRun.Config("dev");
        config["bootstrap:cluster"] = config["bootstrap:cluster"].Replace("192.168.40.62", "192.168.41.62", StringComparison.Ordinal);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => PulumiRun.Of("dev", config));

        Assert.Contains("bootstrap:cluster.nodes.cp-2.ip: 192.168.41.62 is outside network.cidr 192.168.40.0/24", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrades_run_node_by_node_then_kubernetes_with_the_talosconfig_as_a_secret()
    {
        var run = await PulumiRun.Of("dev");

        var steps = run.OfType("command:local:Command");
        Assert.Equal(["kubernetes-upgrade", "talos-upgrade-cp-1", "talos-upgrade-cp-2", "talos-upgrade-cp-3", "talos-upgrade-worker-1", "talos-upgrade-worker-2"], steps.Select(s => s.Name!).Order(StringComparer.Ordinal));
        var cp2 = await PulumiRun.Value((Output<ImmutableArray<Resource>>)run.RegisteredAs("talos-upgrade-cp-2").Options.DependsOn);
        Assert.Equal(["talos-upgrade-cp-1", "vm-cp-2"], cp2.Select(r => r.GetResourceName()).Order());
        var args = (Pulumi.Command.Local.CommandArgs)run.RegisteredAs("talos-upgrade-worker-1").Args!;
        Assert.True(await Output.IsSecretAsync((Output<ImmutableDictionary<string, string>>)args.Environment));
        Assert.Contains("talosctl --nodes 192.168.40.64 upgrade --image factory.talos.dev/nocloud-installer/", (string)run.Named("talos-upgrade-worker-1").Inputs["create"], StringComparison.Ordinal);
        Assert.Equal("1.36.3", List(run.Named("kubernetes-upgrade").Inputs["triggers"])[0]);
    }

    [Fact]
    public async Task The_stack_records_its_versions_for_the_next_upgrade()
    {
        var run = await PulumiRun.Of("dev");

        Assert.Equal("v1.13.9", await PulumiRun.Value(run.Stack.TalosVersion));
        Assert.Equal("1.36.3", await PulumiRun.Value(run.Stack.KubernetesVersion));
    }

    [Fact]
    public async Task Preview_runs_the_same_program()
    {
        var run = await PulumiRun.Of("ops", preview: true);

        Assert.Equal(5, run.OfType(Vm).Count);
    }

    private static Dictionary<string, int> VmIdsByName(PulumiRun run) =>
        run.OfType(Vm).ToDictionary(v => v.Name!, v => Int(v.Inputs["vmId"]));

    /// <summary>Mocks see numbers as doubles, as they travel over Pulumi's wire format.</summary>
    private static int Int(object value) => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);

    private static IReadOnlyDictionary<string, object> Map(object value) => (IReadOnlyDictionary<string, object>)value;

    private static IReadOnlyList<object> List(object value) => (IReadOnlyList<object>)value;
}
