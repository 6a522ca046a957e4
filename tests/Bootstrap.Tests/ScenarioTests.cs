using System.Text.Json.Nodes;
using Bootstrap.Tests.Lab;
using Bootstrap.Tests.Support;

namespace Bootstrap.Tests;

/// <summary>The runs platform engineers do, against the lab model: each one's operations and what the lab looks like after it.</summary>
[Collection(SerialPulumi.Name)]
public class ScenarioTests
{
    /// <summary>Invokes that touch no live system but Proxmox' read API: the only calls a preview may make.</summary>
    private static readonly string[] PreviewCalls =
    [
        "proxmoxve:index/getVersion:getVersion",
        "proxmoxve:index/getDatastores:getDatastores",
        "talos:client/getConfiguration:getConfiguration",
        "talos:machine/getConfiguration:getConfiguration",
    ];

    private static LabState EmptyLab(string stack) => new(stack == "dev" ? LabFacts.Ready("pve1") : LabFacts.Ready("pve2", "pve3"));

    private static async Task<(LabState Lab, LabRun Run)> Built(string stack, Dictionary<string, string>? config = null)
    {
        var lab = EmptyLab(stack);
        var run = await LabRun.Of(stack, lab, config: config);
        Assert.True(run.Failure is null, run.Failure);
        return (lab, run);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task A_preview_of_a_fresh_stack_plans_every_resource_and_calls_nothing_but_proxmox_reads(string stack)
    {
        var lab = EmptyLab(stack);

        var run = await LabRun.Of(stack, lab, preview: true);

        Assert.True(run.Failure is null, run.Failure);
        Assert.All(run.Operations, o => Assert.Equal(Operation.Create, o.Operation));
        Assert.Empty(lab.Vms);
        Assert.Empty(lab.Files);
        Assert.All(lab.LiveCalls, call => Assert.Contains(call, PreviewCalls));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task The_first_up_on_an_empty_lab_builds_the_cluster_and_hands_it_to_argo_cd(string stack)
    {
        var (lab, run) = await Built(stack);

        Assert.All(run.Blueprint.Nodes, n => Assert.Equal(
            (NodeState.Configured, "v1.13.9", "1.36.3"),
            (lab.Nodes[n.Ip].State, lab.Nodes[n.Ip].TalosVersion, lab.Nodes[n.Ip].KubernetesVersion)));
        Assert.True(lab.NodesReady);
        Assert.Equal(["argocd", "cert-manager", "cilium", "sealed-secrets"], lab.Releases.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("CiliumLoadBalancerIPPool//" + stack, lab.Objects);
        Assert.Contains("Application/argocd/root", lab.Objects);
        Assert.Equal("root-application", run.Operations.Last(o => !o.Name.StartsWith("proxmox", StringComparison.Ordinal)
            && run.Blueprint.Plan.Resources.Any(r => r.Name == o.Name)).Name);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task A_second_up_with_nothing_changed_changes_nothing_and_runs_no_script(string stack)
    {
        var (lab, first) = await Built(stack);
        var before = lab.LiveCalls.Count;

        var second = await LabRun.Of(stack, lab, first.State);

        Assert.True(second.Failure is null, second.Failure);
        Assert.Empty(second.Changed);
        Assert.All(lab.LiveCalls.Skip(before), call => Assert.Contains(call, PreviewCalls));
    }

    [Fact]
    public async Task Adding_a_worker_and_removing_another_changes_only_those_nodes_and_the_health_check()
    {
        var (lab, first) = await Built("dev");
        var config = WithNodes("dev", add: ("worker-3", "192.168.40.66", 4066), remove: "worker-2");

        var run = await LabRun.Of("dev", lab, first.State, config);

        Assert.True(run.Failure is null, run.Failure);
        Assert.Equal(
            [
                "create node-removal-worker-3", "create talos-apply-worker-3", "create talos-upgrade-worker-3", "create vm-ready-worker-3",
                "create vm-worker-3",
                "delete node-removal-worker-2", "delete talos-apply-worker-2", "delete talos-upgrade-worker-2", "delete vm-ready-worker-2",
                "delete vm-worker-2",
                "replace cluster-health",
            ],
            run.Changed.Order(StringComparer.Ordinal));
        Assert.Equal(NodeState.Configured, lab.Nodes["192.168.40.66"].State);
        Assert.DoesNotContain("192.168.40.65", lab.Nodes.Keys);
    }

    [Fact]
    public async Task In_the_protected_ops_stack_a_worker_is_added_but_removing_one_is_refused()
    {
        var (lab, first) = await Built("ops");

        var added = await LabRun.Of("ops", lab, first.State, WithNodes("ops", add: ("worker-3", "192.168.50.66", 5066)));
        var removed = await LabRun.Of("ops", lab, added.State, WithNodes("ops", add: ("worker-3", "192.168.50.66", 5066), remove: "worker-2"));

        Assert.True(added.Failure is null, added.Failure);
        Assert.Equal(
            [
                "create node-removal-worker-3", "create talos-apply-worker-3", "create talos-upgrade-worker-3", "create vm-ready-worker-3",
                "create vm-worker-3", "replace cluster-health",
            ],
            added.Changed.Order(StringComparer.Ordinal));
        Assert.Equal(LabRules.ProtectedNotDeleted, removed.BrokenRule);
        // The protected removal step is refused first: the node is neither drained nor reset before the refusal.
        Assert.Contains("node-removal-worker-2", removed.Failure, StringComparison.Ordinal);
        Assert.Contains(lab.Vms.Values, v => v.Name == "worker-2");
        Assert.Contains("192.168.50.65", lab.Members.Keys);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task A_talos_bump_upgrades_in_place_and_replaces_no_vm(string stack)
    {
        var (lab, first) = await Built(stack);

        var run = await LabRun.Of(stack, lab, first.State, WithVersions(stack, talos: "v1.13.10"));

        Assert.True(run.Failure is null, run.Failure);
        Assert.All(run.Changed, change => Assert.Matches("^(replace talos-upgrade-|update talos-apply-|replace image-)", change));
        Assert.Equal(run.Blueprint.Nodes.Count, run.Changed.Count(c => c.StartsWith("replace talos-upgrade-", StringComparison.Ordinal)));
        Assert.All(run.Blueprint.Nodes, n => Assert.Equal("v1.13.10", lab.Nodes[n.Ip].TalosVersion));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task A_kubernetes_bump_runs_upgrade_k8s_before_the_config_applies(string stack)
    {
        var (lab, first) = await Built(stack);

        var run = await LabRun.Of(stack, lab, first.State, WithVersions(stack, kubernetes: "1.36.4"));

        Assert.True(run.Failure is null, run.Failure);
        Assert.Equal(
            ["replace kubernetes-upgrade", .. run.Blueprint.Nodes.Select(n => $"update talos-apply-{n.Name}").Order(StringComparer.Ordinal)],
            run.Changed.Order(StringComparer.Ordinal));
        Assert.All(run.Blueprint.Nodes, n => Assert.Equal("1.36.4", lab.Nodes[n.Ip].KubernetesVersion));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task A_disaster_recovery_rebuild_restores_the_sealed_secrets_keys_before_the_controller(string stack)
    {
        var config = LabRun.Config(stack);
        config["bootstrap:sealedSecretsKeys"] = "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\n"
            + "metadata: {name: sealed-secrets-key1}\ndata: {tls.crt: Q1JU, tls.key: S0VZ}\n";

        var (lab, run) = await Built(stack, config);

        Assert.Contains("Secret/kube-system/sealed-secrets-key1", lab.Objects);
        Assert.Contains("sealed-secrets-keys", run.Blueprint.Plan.Resource("sealed-secrets").DependsOn);
    }

    [Fact]
    public async Task Destroying_dev_deletes_the_vms_and_keeps_what_argo_cd_owns()
    {
        var (lab, first) = await Built("dev");

        var result = Destroy.Run(first.State, lab);

        Assert.True(result.Succeeded);
        Assert.Equal(
            ["argocd", "argocd-namespace", "cert-manager", "cilium", "gateway-api-crds", "root-application", "sealed-secrets"],
            result.Retained.Order(StringComparer.Ordinal));
        Assert.Empty(lab.Vms);
        Assert.Empty(lab.Files);
        Assert.Contains("talos-secrets", result.Deleted);
    }

    [Fact]
    public async Task Destroying_ops_is_refused_before_anything_is_deleted()
    {
        var (lab, first) = await Built("ops");

        var result = Destroy.Run(first.State, lab);

        Assert.False(result.Succeeded);
        Assert.Equal(["root-application"], result.Refused);
        Assert.Empty(result.Deleted);
        Assert.Empty(result.Retained);
        Assert.Equal(5, lab.Vms.Count);
    }

    private static Dictionary<string, string> WithNodes(string stack, (string Name, string Ip, int VmId) add, string? remove = null)
    {
        var config = LabRun.Config(stack);
        var cluster = JsonNode.Parse(config["bootstrap:cluster"])!.AsObject();
        var nodes = cluster["nodes"]!.AsObject();
        var template = nodes["worker-1"]!.DeepClone().AsObject();
        template["ip"] = add.Ip;
        template["vmId"] = add.VmId;
        nodes[add.Name] = template;
        if (remove is not null)
        {
            nodes.Remove(remove);
        }

        config["bootstrap:cluster"] = cluster.ToJsonString();
        return config;
    }

    private static Dictionary<string, string> WithVersions(string stack, string? talos = null, string? kubernetes = null)
    {
        var config = LabRun.Config(stack);
        var cluster = JsonNode.Parse(config["bootstrap:cluster"])!.AsObject();
        cluster["talosVersion"] = talos ?? (string?)cluster["talosVersion"];
        cluster["kubernetesVersion"] = kubernetes ?? (string?)cluster["kubernetesVersion"];
        config["bootstrap:cluster"] = cluster.ToJsonString();
        return config;
    }
}
