using Bootstrap.Blueprint.Plan;
using Bootstrap.Tests.Lab;
using Bootstrap.Tests.Support;
using Xunit.Abstractions;

namespace Bootstrap.Tests;

/// <summary>
/// Day 2 over dev and ops: a second environment on a host of theirs, a clean rebuild over what a lost cluster left on the
/// hosts, a Renovate bump of what Argo CD owns, a dead cluster torn down, a preview while Talos renews the kubeconfig.
/// Each writes what it changed, in order, to the test output.
/// </summary>
[Collection(SerialPulumi.Name)]
public sealed class Day2ScenarioTests(ITestOutputHelper output)
{
    private void Record(string scenario, IEnumerable<string> changed) =>
        output.WriteLine($"{scenario}: {string.Join(", ", changed)}");

    [Theory]
    [InlineData("dev", "pve1")]
    [InlineData("ops", "pve2")]
    public async Task A_second_environment_on_a_shared_host_gets_its_own_image_and_its_destroy_leaves_the_first_one_whole(
        string stack, string host)
    {
        var (lab, first) = await Day2Lab.Built(stack, lab: new LabState(LabFacts.Ready("pve1", "pve2", "pve3")));
        var firstImage = first.Inputs($"image-{host}")["fileName"]!.ToString();

        var other = lab.OnSameHosts();
        var (name, config) = Day2Lab.SecondEnvironment(stack, host);
        var second = await LabRun.Of(name, other, config: config);
        Assert.True(second.Failure is null, second.Failure);
        var secondImage = second.Inputs($"image-{host}")["fileName"]!.ToString();
        var destroyed = Destroy.Run(second.State, other);
        var grown = await LabRun.Of(stack, lab, first.State, Day2Lab.WithWorker(stack, "worker-9", Ip(stack, 69), 9069, host));

        Record($"{stack} + {name} on {host}", second.Changed);
        Record($"{stack} adds worker-9 after {name} is destroyed", grown.Changed);
        Assert.NotEqual(firstImage, secondImage);
        Assert.True(destroyed.Succeeded);
        Assert.Contains(lab.Files, f => f.Host == host && f.FileId.EndsWith(firstImage, StringComparison.Ordinal));
        Assert.DoesNotContain(lab.Files, f => f.FileId.EndsWith(secondImage, StringComparison.Ordinal));
        Assert.True(grown.Failure is null, grown.Failure);
        Assert.Equal(NodeState.Configured, lab.Nodes[Ip(stack, 69)].State);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task A_clean_rebuild_after_stack_rm_downloads_over_the_image_the_lost_cluster_left(string stack)
    {
        var (lost, _) = await Day2Lab.Built(stack);
        var lab = Day2Lab.AfterLoss(lost);
        var leftover = lab.Files.ToList();

        var run = await LabRun.Of(stack, lab);

        Record($"{stack} rebuilt after stack rm", run.Changed);
        Assert.True(run.Failure is null, run.Failure);
        Assert.Equal(leftover.Order(), lab.Files.Order());
        Assert.All(run.Blueprint.Nodes, n => Assert.Equal(NodeState.Configured, lab.Nodes[n.Ip].State));
        Assert.True(lab.NodesReady);
    }

    /// <summary>dev and ops as they run today, with one image file per host named without the cluster: the next `up` renames it.</summary>
    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task The_first_up_with_per_cluster_image_names_replaces_only_the_images(string stack)
    {
        var unprefixed = (Pulumi.ResourceTransformationArgs args) =>
        {
            if (args.Args is Pulumi.ProxmoxVE.Download.FileArgs file)
            {
                file.FileName = RecordingPlatform.Blueprint!.Image.FileName;
            }
            else if (args.Args is Pulumi.ProxmoxVE.VmLegacyArgs vm)
            {
                var node = RecordingPlatform.Blueprint!.Nodes.Single(n => $"vm-{n.Name}" == args.Resource.GetResourceName()).Vm;
                vm.Disks = new Pulumi.InputList<Pulumi.ProxmoxVE.Inputs.VmLegacyDiskArgs>
                {
                    new Pulumi.ProxmoxVE.Inputs.VmLegacyDiskArgs
                    {
                        Interface = Blueprint.Proxmox.VirtualMachine.DiskInterface,
                        DatastoreId = node.Datastore,
                        ImportFrom = $"local:import/{RecordingPlatform.Blueprint.Image.FileName}",
                        Size = node.DiskGiB,
                        Discard = Blueprint.Proxmox.VirtualMachine.DiskDiscard,
                    },
                };
            }
        };
        var (lab, before) = await Day2Lab.Built(stack, transform: unprefixed);
        var vms = lab.Vms.Values.ToList();

        var run = await LabRun.Of(stack, lab, before.State);

        Record($"{stack} renames its images", run.Changed);
        Assert.True(run.Failure is null, run.Failure);
        Assert.Equal(run.Blueprint.Downloads.Select(d => $"replace image-{d.Host}").Order(), run.Changed.Order());
        Assert.Equal(vms.OrderBy(v => v.Name), lab.Vms.Values.OrderBy(v => v.Name));
        Assert.All(run.Blueprint.Downloads, d => Assert.Contains((d.Host, d.FileId), lab.Files));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task A_renovate_bump_of_the_gateway_api_crds_leaves_them_to_argo_cd(string stack)
    {
        var (lab, first) = await Day2Lab.Built(stack);
        const string bumped = "https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.7.0/standard-install.yaml";

        var run = await LabRun.Of(stack, lab, first.State, adjust: b => LabRuleTests.WithCrdBundle(b, bumped));

        Record($"{stack} Gateway API bump", run.Changed);
        Assert.True(run.Failure is null, run.Failure);
        Assert.Empty(run.Changed);
        Assert.Equal(first.Blueprint.Addons.GatewayApiCrds.Url, run.Inputs(Stages.GatewayApiCrds)["files"]![0]!.ToString());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task Destroying_a_dead_cluster_deletes_its_vms_and_drops_its_kubernetes_objects_from_the_state(string stack)
    {
        var (lab, first) = await Day2Lab.Built(stack);
        lab.ClusterUnreachable = true;

        // ops is protected: the runbook unprotects its resources first (pulumi state unprotect --all).
        var state = new StackState();
        foreach (var entry in first.State.Entries)
        {
            state.Add(entry with { Protect = false });
        }

        var result = Destroy.Run(state, lab);

        Record($"{stack} destroyed while dead", result.Deleted.Select(d => $"delete {d}").Concat(result.Retained.Select(r => $"retain {r}")));
        Assert.True(result.Succeeded, string.Join(", ", result.Refused));
        Assert.Empty(lab.Vms);
        Assert.Empty(lab.Files);
        Assert.Contains(Stages.ArgoCdSecret, result.Deleted);
        Assert.Contains(Stages.LoadBalancer, result.Deleted);
        Assert.All(
            first.Blueprint.Plan.Resources.Where(r => r.Kind == ResourceKind.HelmRelease), release => Assert.Contains(release.Name, result.Retained));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task A_preview_while_talos_renews_the_kubeconfig_replaces_nothing_and_the_up_does_what_it_showed(string stack)
    {
        var (lab, first) = await Day2Lab.Built(stack);
        lab.KubeconfigRenewalDue = true;

        var preview = await LabRun.Of(stack, lab, first.State, preview: true);
        var up = await LabRun.Of(stack, lab, first.State);

        Record($"{stack} preview at kubeconfig renewal", preview.Changed);
        Assert.True(preview.Failure is null, preview.Failure);
        Assert.True(up.Failure is null, up.Failure);
        var withKubeconfig = preview.Blueprint.Scripts.Where(s => s.Value.Credentials.HasFlag(Blueprint.Scripts.ScriptCredentials.Kubeconfig))
            .Select(s => $"update {s.Key.Replace('/', '-')}");
        Assert.Equal(
            new[] { $"update {Stages.Kubeconfig}", $"update {Stages.KubernetesProvider}" }.Concat(withKubeconfig).Order(StringComparer.Ordinal),
            preview.Changed.Order(StringComparer.Ordinal));
        Assert.Equal(preview.Changed.Order(StringComparer.Ordinal), up.Changed.Order(StringComparer.Ordinal));
    }

    private static string Ip(string stack, int last) => $"{(stack == "dev" ? "192.168.40" : "192.168.50")}.{last}";
}
