using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Tests.Lab;
using Bootstrap.Tests.Support;
using Pulumi;

namespace Bootstrap.Tests;

/// <summary>How the program maps the Blueprint to resources: every planned resource, exactly its arguments and options.</summary>
[Collection(SerialPulumi.Name)]
public class ProgramTests
{
    private static Task<LabRun> Up(string stack, Dictionary<string, string>? config = null) =>
        LabRun.Of(stack, new LabState(stack == "dev" ? LabFacts.Ready("pve1") : LabFacts.Ready("pve2", "pve3")), config: config);

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task Every_planned_resource_is_created_once_and_nothing_else(string stack)
    {
        var run = await Up(stack);

        Assert.True(run.Failure is null, run.Failure);
        var custom = run.State.Entries.Where(e => !e.Type.StartsWith("bootstrap:", StringComparison.Ordinal))
            .Select(e => e.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(run.Blueprint.Plan.Resources.Where(r => r.Kind.CreatesResource()).Select(r => r.Name).Order(StringComparer.Ordinal), custom);
    }

    [Fact]
    public async Task A_planned_resource_no_component_creates_stops_the_program_naming_it()
    {
        // A stage added to the plan (a new core add-on) before any component creates it.
        var run = await LabRun.Of("dev", new LabState(LabFacts.Ready("pve1")), adjust: b => b with
        {
            Plan = b.Plan with
            {
                Resources = [.. b.Plan.Resources, b.Plan.Resource(Stages.CertManager) with { Key = "trust-manager", Stage = "trust-manager" }],
            },
        });

        Assert.Contains("planned but never created: trust-manager", run.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task Vms_created_under_talos_keep_the_urn_they_had_under_proxmox(string stack)
    {
        var run = await Up(stack);

        var proxmox = run.Resources.Single(r => r.GetResourceName() == "proxmox");
        foreach (var node in run.Blueprint.Nodes)
        {
            var vm = run.RegisteredAs(run.Blueprint.Plan.Resource(Stages.Vm, node.Name).Name);
            Assert.Equal("talos", vm.Options.Parent?.GetResourceName());
            var alias = await LabRun.Value(Assert.Single(vm.Options.Aliases).Apply(a => a));
            Assert.Same(proxmox, alias.Parent);
            Assert.Null(alias.Name);
            Assert.Null(alias.Type);
        }
        // The alias as the SDK collapses it (Alias.Parent: same name and type under that parent): the URN earlier states hold.
        Assert.EndsWith(
            "bootstrap:index:ProxmoxNodes$proxmoxve:index/vmLegacy:VmLegacy::vm-cp-1",
            await LabRun.Value(Urn.Create("vm-cp-1", "proxmoxve:index/vmLegacy:VmLegacy", proxmox, null, null, null)),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task Each_vm_is_the_blueprint_node_with_its_disk_imported_from_the_image(string stack)
    {
        var run = await Up(stack);

        foreach (var node in run.Blueprint.Nodes)
        {
            var name = run.Blueprint.Plan.Resource(Stages.Vm, node.Name).Name;
            var vm = run.Inputs(name);
            Assert.Equal(node.Vm.Host, (string?)vm["nodeName"]);
            Assert.Equal(node.Vm.VmId, (int)(double)vm["vmId"]!);
            Assert.Equal(node.Vm.Cores, (int)(double)vm["cpu"]!["cores"]!);
            Assert.Equal("host", (string?)vm["cpu"]!["type"]);
            Assert.Equal(node.Vm.MemoryMiB, (int)(double)vm["memory"]!["dedicated"]!);
            Assert.Equal(0, (int)(double)vm["memory"]!["floating"]!);
            Assert.Equal(node.Vm.DiskGiB, (int)(double)vm["disks"]![0]!["size"]!);
            Assert.Equal(node.Vm.ImportFrom, (string?)vm["disks"]![0]!["importFrom"]);
            Assert.Null(vm["disks"]![0]!["fileId"]);
            Assert.Equal(node.Vm.Vlan, (int?)(double?)vm["networkDevices"]![0]!["vlanId"]);
            Assert.Equal(node.Vm.Ipv4Address, (string?)vm["initialization"]!["ipConfigs"]![0]!["ipv4"]!["address"]);
            Assert.Equal(("q35", "ovmf", "virtio-scsi-pci"), ((string?)vm["machine"], (string?)vm["bios"], (string?)vm["scsiHardware"]));
            Assert.True((bool)vm["agent"]!["enabled"]!);
            Assert.Equal(node.Vm.Protect, run.RegisteredAs(name).Options.Protect ?? false);
            Assert.Equal(["disks[0].importFrom"], run.RegisteredAs(name).Options.IgnoreChanges);
        }
    }

    [Fact]
    public async Task The_image_is_downloaded_once_per_proxmox_host_as_uncompressed_import_content()
    {
        var run = await Up("ops");

        var downloads = run.OfType(Types.File);
        Assert.Equal(["pve2", "pve3"], downloads.Select(d => (string)d.Inputs["nodeName"]!).Order());
        Assert.All(downloads, d =>
        {
            Assert.Equal(run.Blueprint.Image.DiskImageUrl, (string?)d.Inputs["url"]);
            Assert.Equal("import", (string?)d.Inputs["contentType"]);
            Assert.Null(d.Inputs["decompressionAlgorithm"]);
        });
    }

    [Theory]
    [InlineData("dev", false)]
    [InlineData("ops", false)]
    [InlineData("dev", true)]
    public async Task Every_resource_waits_for_exactly_the_blueprint_dependencies(string stack, bool restore)
    {
        // restore: every optional stage (restored Talos secrets, sealed-secrets keys, Git credentials) is in the plan.
        var run = await Up(stack, restore ? WithEverySecret(stack) : null);

        Assert.True(run.Failure is null, run.Failure);
        foreach (var planned in run.Blueprint.Plan.Resources.Where(r => r.Kind.CreatesResource()))
        {
            var dependsOn = await LabRun.Value((Output<ImmutableArray<Resource>>)run.RegisteredAs(planned.Name).Options.DependsOn);
            var expected = planned.DependsOn.SelectMany(key => Registered(run.Blueprint.Plan, key)).Order();
            Assert.True(
                expected.SequenceEqual(dependsOn.Select(r => r.GetResourceName()).Order()),
                $"{planned.Name} waits for [{string.Join(", ", dependsOn.Select(r => r.GetResourceName()))}], "
                + $"planned [{string.Join(", ", expected)}]");
        }
    }

    [Fact]
    public async Task Releases_are_handed_to_argo_cd_and_only_cilium_is_not_awaited()
    {
        var run = await Up("dev");

        var releases = run.OfType(Types.Release);
        Assert.Equal(4, releases.Count);
        Assert.All(releases, r =>
        {
            var options = run.RegisteredAs(r.Name).Options;
            Assert.True(options.RetainOnDelete);
            Assert.Equal(Blueprint.Addons.HelmRelease.HandOffIgnoredProperties, options.IgnoreChanges);
            Assert.Equal(r.Name == "cilium", r.Inputs["skipAwait"] is JsonValue skip && skip.GetValue<bool>());
        });
        var root = run.RegisteredAs("root-application").Options;
        Assert.True(root.RetainOnDelete);
        Assert.Equal(["spec"], root.IgnoreChanges);
        var cilium = run.Inputs("cilium");
        Assert.Equal(("cilium", "1.20.0", "kube-system"), ((string?)cilium["chart"], (string?)cilium["version"], (string?)cilium["namespace"]));
        Assert.Equal(run.Blueprint.Addons.GatewayApiCrds.Url, (string?)run.Inputs("gateway-api-crds")["files"]![0]);
    }

    [Fact]
    public async Task Kubeconfig_talosconfig_and_secret_inputs_are_secret()
    {
        var config = LabRun.Config("dev");
        config["bootstrap:argocdAdminPassword"] = "correct horse";
        config["bootstrap:gitopsCredentials"] = """{"username":"git","password":"ghp_token"}""";
        var run = await Up("dev", config);

        Assert.True(await Output.IsSecretAsync(run.Stack.Kubeconfig));
        Assert.True(await Output.IsSecretAsync(run.Stack.Talosconfig));
        var proxmox = (Pulumi.ProxmoxVE.ProviderArgs)run.RegisteredAs("proxmox-provider").Args!;
        Assert.True(await Output.IsSecretAsync((Output<string>)proxmox.ApiToken!));
        foreach (var name in new[] { "argocd-secret", "argocd-repository" })
        {
            var secret = (Pulumi.Kubernetes.Types.Inputs.Core.V1.SecretArgs)run.RegisteredAs(name).Args!;
            Assert.True(await Output.IsSecretAsync((Output<ImmutableDictionary<string, string>>)secret.StringData), name);
        }

        foreach (var gate in new[] { "api-ready", "cluster-health", "talos-upgrade-cp-1" })
        {
            var command = (Pulumi.Command.Local.CommandArgs)run.RegisteredAs(gate).Args!;
            Assert.True(await Output.IsSecretAsync((Output<ImmutableDictionary<string, string>>)command.Environment), gate);
        }

        var data = await LabRun.Value(
            (Output<ImmutableDictionary<string, string>>)((Pulumi.Kubernetes.Types.Inputs.Core.V1.SecretArgs)run.RegisteredAs("argocd-secret").Args!)
                .StringData);
        Assert.True(BCrypt.Net.BCrypt.Verify("correct horse", data["admin.password"]));
    }

    [Fact]
    public async Task Resource_names_come_from_node_names_not_positions()
    {
        var config = LabRun.Config("dev");
        var forward = VmIds(await Up("dev", config));
        var cluster = JsonNode.Parse(config["bootstrap:cluster"])!.AsObject();
        var nodes = cluster["nodes"]!.AsObject();
        cluster["nodes"] = new JsonObject(nodes.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).ToList());
        config["bootstrap:cluster"] = cluster.ToJsonString();

        var reversed = VmIds(await Up("dev", config));

        Assert.Equal(forward, reversed);
        Assert.Equal(4061, forward["vm-cp-1"]);
    }

    [Fact]
    public async Task Local_commands_run_the_blueprint_scripts_with_their_credentials_from_the_environment()
    {
        var run = await Up("dev");

        var commands = run.OfType(Types.Command);
        Assert.Equal(
            run.Blueprint.Scripts.Keys.Select(k => k.Replace('/', '-')).Order(StringComparer.Ordinal),
            commands.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(commands, c =>
        {
            var key = run.Blueprint.Plan.Resources.Single(r => r.Name == c.Name).Key;
            Assert.Equal(run.Blueprint.Scripts[key].Script, (string?)c.Inputs["create"]);
            Assert.Equal(run.Blueprint.Scripts[key].Triggers, c.Inputs["triggers"]!.AsArray().Select(t => (string?)t));
        });
        Assert.Equal("1.36.3", (string?)run.Inputs("kubernetes-upgrade")["triggers"]![0]);
    }

    [Fact]
    public async Task The_stack_records_its_versions_for_the_next_upgrade()
    {
        var run = await Up("dev");

        Assert.Equal("v1.13.9", await LabRun.Value(run.Stack.TalosVersion));
        Assert.Equal("1.36.3", await LabRun.Value(run.Stack.KubernetesVersion));
        Assert.Equal("192.168.40.70", await LabRun.Value(run.Stack.GatewayAddress));
    }

    private static Dictionary<string, int> VmIds(LabRun run) =>
        run.OfType(Types.Vm).ToDictionary(v => v.Name, v => (int)(double)v.Inputs["vmId"]!);

    /// <summary>What waiting for a planned resource means: the resource, or for a step that creates nothing, what it waits for.</summary>
    private static IEnumerable<string> Registered(BootstrapPlan plan, string key) =>
        plan.Resource(key) is var planned && planned.Kind.CreatesResource() ? [planned.Name] : planned.DependsOn.SelectMany(d => Registered(plan, d));

    private static Dictionary<string, string> WithEverySecret(string stack)
    {
        var config = LabRuleTests.WithKeys(stack);
        config["bootstrap:talosSecrets"] = Day2Lab.WithSavedSecrets(stack)["bootstrap:talosSecrets"];
        config["bootstrap:gitopsCredentials"] = """{"username":"git","password":"ghp_token"}""";
        return config;
    }
}
