using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Secrets;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Tests.Lab;
using Pulumi;

namespace Bootstrap.Tests.Support;

/// <summary>The labs day 2 starts from: a built stack, what a lost cluster leaves on the hosts, a saved etcd, a second environment.</summary>
internal static class Day2Lab
{
    public static readonly TalosSecretsBundle Saved = TalosSecretsFixture.Bundle();

    public static LabState Empty(string stack) => new(stack == "dev" ? LabFacts.Ready("pve1") : LabFacts.Ready("pve2", "pve3"));

    /// <summary>The stack after its first `pulumi up` on an empty lab; fails the test when that does not succeed.</summary>
    public static async Task<(LabState Lab, LabRun Run)> Built(
        string stack, Dictionary<string, string>? config = null, Action<ResourceTransformationArgs>? transform = null, LabState? lab = null)
    {
        lab ??= Empty(stack);
        var run = await LabRun.Of(stack, lab, config: config, transform: transform);
        Assert.True(run.Failure is null, run.Failure);
        return (lab, run);
    }

    /// <summary>
    /// The hosts after the cluster was lost and its VMs removed (the runbook's `qm destroy`), the state dropped with
    /// `pulumi stack rm`: only the downloaded images are still on the datastores.
    /// </summary>
    public static LabState AfterLoss(LabState lost)
    {
        var lab = new LabState(lost.Facts);
        lab.Files.UnionWith(lost.Files);
        return lab;
    }

    /// <summary>The config of a rebuild that keeps the cluster's identity, and etcd when a snapshot is named.</summary>
    public static Dictionary<string, string> WithSavedSecrets(string stack, string? snapshot = null)
    {
        var config = LabRun.Config(stack);
        config["bootstrap:talosSecrets"] = Saved.ToYaml();
        if (snapshot is not null)
        {
            config["bootstrap:etcdSnapshot"] = snapshot;
        }

        return config;
    }

    /// <summary>An etcd snapshot and the Talos secrets beside it, as `backup` writes them into a vault folder.</summary>
    public static string SaveSnapshot(string vault, string folder)
    {
        Directory.CreateDirectory(Path.Combine(vault, folder));
        File.WriteAllText(Path.Combine(vault, folder, "etcd.snapshot"), "etcd snapshot bytes");
        File.WriteAllText(Path.Combine(vault, folder, TalosSecretsBundle.FileName), Saved.ToYaml());
        return Path.Combine(vault, folder, "etcd.snapshot");
    }

    /// <summary>
    /// A snapshot of <paramref name="stack"/> built under the saved secrets, saved in <paramref name="vault"/>, and the empty
    /// lab a rebuild that keeps etcd restores it into.
    /// </summary>
    public static async Task<(string Snapshot, LabState Old, LabState Lab)> Restorable(string stack, string vault, string folder)
    {
        var snapshot = SaveSnapshot(vault, folder);
        var (old, _) = await Built(stack, WithSavedSecrets(stack));
        var lab = Empty(stack);
        lab.Snapshots[snapshot] = EtcdContent.Of(old);
        return (snapshot, old, lab);
    }

    /// <summary>
    /// The other environment of the repository moved onto <paramref name="host"/> (as `new-env --hosts host` would place a
    /// new one): its own name, network, addresses and VM ids, one host shared with <paramref name="stack"/>; not protected.
    /// </summary>
    public static (string Stack, Dictionary<string, string> Config) SecondEnvironment(string stack, string host)
    {
        var other = stack == "dev" ? "ops" : "dev";
        var config = LabRun.Config(other);
        var cluster = JsonNode.Parse(config["bootstrap:cluster"])!.AsObject();
        cluster["proxmox"]!["protect"] = false;
        foreach (var (_, node) in cluster["nodes"]!.AsObject())
        {
            node!["host"] = host;
        }

        config["bootstrap:cluster"] = cluster.ToJsonString();
        return (other, config);
    }

    /// <summary>The stack's config with one more worker (a copy of worker-1) at <paramref name="ip"/> on <paramref name="host"/>.</summary>
    public static Dictionary<string, string> WithWorker(string stack, string name, string ip, int vmId, string host)
    {
        var config = LabRun.Config(stack);
        var cluster = JsonNode.Parse(config["bootstrap:cluster"])!.AsObject();
        var worker = cluster["nodes"]!["worker-1"]!.DeepClone().AsObject();
        worker["ip"] = ip;
        worker["vmId"] = vmId;
        worker["host"] = host;
        cluster["nodes"]![name] = worker;
        config["bootstrap:cluster"] = cluster.ToJsonString();
        return config;
    }
}
