using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Tests.Lab;
using Bootstrap.Tests.Support;
using Pulumi;
using Pulumi.ProxmoxVE;
using Pulumi.ProxmoxVE.Inputs;

namespace Bootstrap.Tests;

/// <summary>
/// Each rule of the lab, broken on purpose: the program (or its blueprint) is changed the way a later edit could, and the
/// run fails with that rule, as the real system would. Every rule has a case here.
/// </summary>
[Collection(SerialPulumi.Name)]
public partial class LabRuleTests
{
    public static TheoryData<string> Rules() => [.. AllBreaks.Keys];

    /// <summary>One way to break each rule: how to run, starting from an empty dev lab.</summary>
    private static readonly Dictionary<string, Func<Task<LabRun>>> Breaks = new(NodeLifecycleBreaks.All)
    {
        [LabRules.DiskImportNeedsSsh] = () => Dev(transform: args =>
        {
            if (args.Args is VmLegacyArgs vm)
            {
                // file_id instead of import_from: the provider would import the disk over SSH.
                vm.Disks = new InputList<VmLegacyDiskArgs>
                {
                    new VmLegacyDiskArgs { Interface = "scsi0", DatastoreId = "local-lvm", FileId = "local:iso/talos.img", Size = 20 },
                };
            }
        }),
        // The download goes to a datastore the preflight did not check, where "import" is not enabled.
        [LabRules.ImportContent] = () => Dev(transform: args =>
        {
            if (args.Args is Pulumi.ProxmoxVE.Download.FileArgs file)
            {
                file.DatastoreId = "local-lvm";
            }
        }),
        [LabRules.AwaitedReleaseReady] = () => Dev(adjust: WithCiliumIngress, transform: args =>
        {
            if (args.Args is Pulumi.Kubernetes.Types.Inputs.Helm.V3.ReleaseArgs release && args.Resource.GetResourceName() == "cilium")
            {
                release.SkipAwait = false;
            }
        }),
        [LabRules.ClusterReachable] = () => Dev(transform: Rewire.DependsOn(Stages.KubernetesProvider, Stages.Kubeconfig)),
        [LabRules.CrdBeforeObject] = () => Dev(transform: Rewire.DependsOn(Stages.RootApplication, Stages.CertManager, Stages.SealedSecrets)),
        [LabRules.ConfigApplyNeedsItsVm] = () => Dev(transform: Rewire.DependsOn("talos-apply/cp-1", Stages.TalosSecrets)),
        [LabRules.BootstrapNeedsConfiguredControlPlane] = () => Dev(transform: Rewire.DependsOn(Stages.EtcdBootstrap, Stages.TalosSecrets)),
        [LabRules.KeysBeforeController] = () => Dev(config: WithKeys(), transform: Rewire.DependsOn(Stages.SealedSecrets, Stages.ClusterHealth)),
        [LabRules.RootApplicationLast] = () => Dev(transform: Rewire.DependsOn(Stages.RootApplication, Stages.ArgoCd)),
        [LabRules.ArgoCdNeedsItsSecret] = () => Dev(transform: Rewire.DependsOn(Stages.ArgoCd, Stages.ClusterHealth)),
        [LabRules.NamespaceBeforeObject] = () => Dev(transform: Rewire.DependsOn(Stages.ArgoCdSecret, Stages.KubernetesProvider)),
        [LabRules.KubernetesMovesWithUpgradeK8s] = KubernetesBumpWithoutUpgradeK8s,
        [LabRules.TalosUpgradesOneAtATime] = () => Dev(transform: Rewire.DependsOn("talos-upgrade/cp-2", "vm/cp-2")),
        [LabRules.GatewayCrdsBeforeCilium] = () => Dev(adjust: WithGatewayApi, transform: Rewire.DependsOn(Stages.Cilium, Stages.KubernetesProvider)),
        [LabRules.ProtectedNotReplaced] = ReplaceAProtectedVm,
        [LabRules.GateMustPass] = () => Dev(transform: Rewire.DependsOn(Stages.CiliumCrds, Stages.KubernetesProvider)),
        [LabRules.NoClusterInvokes] = HealthAsAnInvoke,
        [LabRules.ProtectedNotDeleted] = RemoveAProtectedNode,
    };

    /// <summary>Every case: the first bootstrap's (above) and day 2's (LabRuleTests.Day2.cs).</summary>
    private static IReadOnlyDictionary<string, Func<Task<LabRun>>> AllBreaks =>
        Breaks.Concat(Day2Breaks).ToDictionary(b => b.Key, b => b.Value);

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Breaking_a_rule_fails_the_run_with_that_rule(string rule)
    {
        var run = await AllBreaks[rule]();

        Assert.True(run.BrokenRule == rule, $"expected [{rule}], got: {run.Failure ?? "success"}");
    }

    [Fact]
    public void Every_rule_of_the_lab_has_a_case_that_breaks_it()
    {
        Assert.Equal(
            LabRules.All.Select(r => r.Id).Concat(LabRules.Engine.Select(r => r.Id)).Order(StringComparer.Ordinal),
            AllBreaks.Keys.Order(StringComparer.Ordinal));
        Assert.All(LabRules.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Source), r.Id));
        Assert.All(LabRules.Engine, r => Assert.False(string.IsNullOrWhiteSpace(r.Source), r.Id));
    }

    [Fact]
    public async Task A_stock_proxmox_without_import_content_is_refused_by_the_preflight_before_anything_exists()
    {
        var lab = new LabState(LabFacts.Stock("pve1"));

        var run = await LabRun.Of("dev", lab);

        Assert.Contains(
            "bootstrap:cluster.proxmox.imageDatastore: local on pve1 does not hold content type import", run.Failure, StringComparison.Ordinal);
        Assert.Equal(["proxmox-provider"], run.Operations
            .Where(o => !o.Name.StartsWith("proxmox", StringComparison.Ordinal) || o.Name == "proxmox-provider")
            .Where(o => run.Blueprint.Plan.Resources.Any(r => r.Name == o.Name)).Select(o => o.Name));
        Assert.Empty(lab.Files);
    }

    [Fact]
    public async Task Proxmox_before_8_4_is_refused_by_the_preflight()
    {
        var lab = new LabState(LabFacts.Ready("pve1") with { ProxmoxVersion = "8.3.2" });

        var run = await LabRun.Of("dev", lab, preview: true);

        Assert.Contains("proxmoxve:endpoint: runs Proxmox VE 8.3.2", run.Failure, StringComparison.Ordinal);
    }

    private static Task<LabRun> Dev(
        Func<ClusterBlueprint, ClusterBlueprint>? adjust = null,
        Action<ResourceTransformationArgs>? transform = null,
        Dictionary<string, string>? config = null) =>
        LabRun.Of("dev", new LabState(LabFacts.Ready("pve1")), config: config, adjust: adjust, transform: transform);

    private static ClusterBlueprint WithGatewayApi(ClusterBlueprint b) => WithCiliumValue(b, "gatewayAPI", new JsonObject { ["enabled"] = true });

    /// <summary>Cilium's ingress controller on: its shared Service is a LoadBalancer (chart default).</summary>
    private static ClusterBlueprint WithCiliumIngress(ClusterBlueprint b) =>
        WithCiliumValue(b, "ingressController", new JsonObject { ["enabled"] = true });

    private static ClusterBlueprint WithCiliumValue(ClusterBlueprint b, string key, JsonNode value)
    {
        var cilium = b.Addons.Release(BootstrapReleases.Cilium);
        var values = (JsonObject)cilium.Values.DeepClone();
        values[key] = value;
        return b with { Addons = b.Addons with { Releases = [.. b.Addons.Releases.Select(r => r == cilium ? r with { Values = values } : r)] } };
    }

    internal static Dictionary<string, string> WithKeys(string stack = "dev")
    {
        var config = LabRun.Config(stack);
        config["bootstrap:sealedSecretsKeys"] = "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\n"
            + "metadata: {name: sealed-secrets-key1}\ndata: {tls.crt: Q1JU, tls.key: S0VZ}\n";
        return config;
    }

    private static async Task<LabRun> KubernetesBumpWithoutUpgradeK8s()
    {
        var lab = new LabState(LabFacts.Ready("pve1"));
        var first = await LabRun.Of("dev", lab);
        var config = LabRun.Config("dev");
        config["bootstrap:cluster"] = config["bootstrap:cluster"].Replace("\"1.36.3\"", "\"1.36.4\"", StringComparison.Ordinal);
        return await LabRun.Of("dev", lab, first.State, config, transform: Rewire.Without(Stages.TalosApply, Stages.KubernetesUpgrade));
    }

    private static async Task<LabRun> ReplaceAProtectedVm()
    {
        var lab = new LabState(LabFacts.Ready("pve2", "pve3"));
        var first = await LabRun.Of("ops", lab);
        var config = LabRun.Config("ops");
        config["bootstrap:cluster"] = config["bootstrap:cluster"].Replace("5064", "5074", StringComparison.Ordinal);
        return await LabRun.Of("ops", lab, first.State, config);
    }

    private static async Task<LabRun> RemoveAProtectedNode()
    {
        var lab = new LabState(LabFacts.Ready("pve2", "pve3"));
        var first = await LabRun.Of("ops", lab);
        var config = LabRun.Config("ops");
        var cluster = JsonNode.Parse(config["bootstrap:cluster"])!.AsObject();
        cluster["nodes"]!.AsObject().Remove("worker-2");
        config["bootstrap:cluster"] = cluster.ToJsonString();
        return await LabRun.Of("ops", lab, first.State, config);
    }

    /// <summary>The old program's health check: Talos' cluster health as a data source, read in every preview.</summary>
    private static async Task<LabRun> HealthAsAnInvoke() =>
        await LabRun.Of("dev", new LabState(LabFacts.Ready("pve1")), preview: true, transform: args =>
        {
            if (args.Resource.GetResourceName() == "cluster-health")
            {
                _ = Pulumiverse.Talos.Cluster.GetHealth.Invoke(new Pulumiverse.Talos.Cluster.GetHealthInvokeArgs
                {
                    ClientConfiguration = new Pulumiverse.Talos.Cluster.Inputs.GetHealthClientConfigurationInputArgs
                    {
                        CaCertificate = "CA",
                        ClientCertificate = "CC",
                        ClientKey = "CK",
                    },
                    ControlPlaneNodes = { "192.168.40.61" },
                    Endpoints = { "192.168.40.61" },
                });
            }
        });
}
