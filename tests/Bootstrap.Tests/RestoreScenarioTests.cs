using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Secrets;
using Bootstrap.Tests.Lab;
using Bootstrap.Tests.Support;
using Pulumi;
using Pulumiverse.Talos.Machine;

namespace Bootstrap.Tests;

/// <summary>
/// The two rebuild paths of the disaster-recovery runbook: clean (new Talos secrets, exported for the next backup) and
/// keeping the cluster's identity (bootstrap:talosSecrets), optionally restoring etcd from a snapshot saved with them.
/// </summary>
[Collection(SerialPulumi.Name)]
public sealed class RestoreScenarioTests : IDisposable
{
    private static readonly TalosSecretsBundle Saved = Day2Lab.Saved;
    private readonly string _vault = Directory.CreateTempSubdirectory("bootstrap-vault-").FullName;

    public void Dispose() => Directory.Delete(_vault, recursive: true);

    private string Save(string folder) => Day2Lab.SaveSnapshot(_vault, folder);

    private static LabState EmptyLab(string stack) => Day2Lab.Empty(stack);

    private static Dictionary<string, string> WithSavedSecrets(string stack, string? snapshot = null) => Day2Lab.WithSavedSecrets(stack, snapshot);

    private Task<(string Snapshot, LabState Old, LabState Lab)> Restorable(string stack, string folder) =>
        Day2Lab.Restorable(stack, _vault, folder);

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task A_clean_rebuild_generates_new_secrets_and_exports_them_as_a_secret(string stack)
    {
        var lab = EmptyLab(stack);

        var run = await LabRun.Of(stack, lab);

        Assert.True(run.Failure is null, run.Failure);
        Assert.Single(run.OfType(Types.Secrets));
        Assert.All(run.OfType(Types.ConfigApply), apply => Assert.Equal("ID", LabRules.MachineConfig(apply.Inputs, "clusterId")));
        Assert.True(await Output.IsSecretAsync(run.Stack.TalosSecrets));
        Assert.Contains("id: ID", await LabRun.Value(run.Stack.TalosSecrets), StringComparison.Ordinal);
        Assert.Null(lab.EtcdRestoredFrom);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task A_rebuild_with_saved_secrets_generates_none_and_every_node_gets_the_old_identity(string stack)
    {
        var lab = EmptyLab(stack);

        var run = await LabRun.Of(stack, lab, config: WithSavedSecrets(stack));

        Assert.True(run.Failure is null, run.Failure);
        Assert.Empty(run.OfType(Types.Secrets));
        Assert.Equal(run.Blueprint.Nodes.Count, run.OfType(Types.ConfigApply).Count);
        Assert.All(run.OfType(Types.ConfigApply), apply => Assert.Equal(Saved.ClusterId, LabRules.MachineConfig(apply.Inputs, "clusterId")));
        Assert.True(lab.EtcdBootstrapped);
        Assert.Null(lab.EtcdRestoredFrom);
        Assert.Equal(Saved, TalosSecretsBundle.Parse(await LabRun.Value(run.Stack.TalosSecrets), "talosSecrets"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task Saved_secrets_and_what_is_derived_from_them_stay_secret(string stack)
    {
        var run = await LabRun.Of(stack, EmptyLab(stack), config: WithSavedSecrets(stack), preview: true);

        Assert.True(run.Failure is null, run.Failure);
        var expected = TalosAdminCertificate.For(Saved, run.Blueprint.Talos.Name);
        foreach (var node in run.Blueprint.Nodes)
        {
            var apply = (ConfigurationApplyArgs)run.RegisteredAs($"talos-apply-{node.Name}").Args!;
            var client = (Output<Pulumiverse.Talos.Machine.Inputs.ClientConfigurationArgs>)apply.ClientConfiguration!;
            Assert.True(await Output.IsSecretAsync(client), node.Name);
            Assert.True(await Output.IsSecretAsync((Output<string>)apply.MachineConfigurationInput!), node.Name);
            var value = await LabRun.Value(client);
            Assert.Equal(expected.ClientCertificate, await LabRun.Value((Output<string>)value.ClientCertificate));
        }

        Assert.True(await Output.IsSecretAsync(run.Stack.TalosSecrets));
        Assert.True(await Output.IsSecretAsync(run.Stack.Talosconfig));
    }

    [Fact]
    public async Task A_second_up_with_the_same_saved_secrets_changes_nothing()
    {
        var lab = EmptyLab("dev");
        var first = await LabRun.Of("dev", lab, config: WithSavedSecrets("dev"));

        var second = await LabRun.Of("dev", lab, first.State, WithSavedSecrets("dev"));

        Assert.True(second.Failure is null, second.Failure);
        Assert.Empty(second.Changed);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task A_rebuild_that_keeps_etcd_bootstraps_it_from_the_snapshot_saved_with_the_secrets(string stack)
    {
        var (snapshot, _, lab) = await Restorable(stack, "2026-12-01");

        var run = await LabRun.Of(stack, lab, config: WithSavedSecrets(stack, snapshot));

        Assert.True(run.Failure is null, run.Failure);
        Assert.Equal(snapshot, lab.EtcdRestoredFrom);
        Assert.Contains("bootstrap --recover-from \"$snapshot\"", run.Inputs("etcd-bootstrap")["create"]!.ToString(), StringComparison.Ordinal);
        Assert.Empty(run.OfType(Types.Secrets));
    }

    [Fact]
    public async Task A_snapshot_named_on_a_running_cluster_changes_nothing_because_the_bootstrap_runs_once_per_cluster()
    {
        var lab = EmptyLab("dev");
        var first = await LabRun.Of("dev", lab, config: WithSavedSecrets("dev"));

        // Setting bootstrap:etcdSnapshot on a running cluster changes the step's script, which runs once per cluster.
        var again = await LabRun.Of("dev", lab, first.State, WithSavedSecrets("dev", Save("old")));

        Assert.True(again.Failure is null, again.Failure);
        Assert.Empty(again.Changed);
        Assert.Null(lab.EtcdRestoredFrom);
    }

    /// <summary>
    /// The keep-etcd path of the runbook to the end: the restored cluster already holds the CRDs, namespaces, secrets, pool,
    /// Helm release records and the root Application. Pulumi adopts them (imports the releases, applies over the rest) and
    /// installs nothing twice; once `pulumi config rm bootstrap:etcdSnapshot` is done, the next `up` changes nothing.
    /// </summary>
    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task A_rebuild_that_keeps_etcd_adopts_the_restored_platform_and_ends_healthy(string stack)
    {
        var (snapshot, old, lab) = await Restorable(stack, "latest");

        var run = await LabRun.Of(stack, lab, config: WithSavedSecrets(stack, snapshot));
        var after = await LabRun.Of(stack, lab, run.State, WithSavedSecrets(stack));

        Assert.True(run.Failure is null, run.Failure);
        Assert.All(Releases(run.Blueprint), r => Assert.Equal(
            r.Release.ImportId, ((CustomResourceOptions)run.RegisteredAs(r.Resource.Name).Options).ImportId));
        Assert.True(lab.NodesReady);
        Assert.Equal(old.Objects.Order(), lab.Objects.Order());
        Assert.Equal(old.Releases.Keys.Order(), lab.Releases.Keys.Order());
        Assert.True(after.Failure is null, after.Failure);
        Assert.Empty(after.Changed);
        Assert.All(Releases(after.Blueprint), r => Assert.Null(((CustomResourceOptions)after.RegisteredAs(r.Resource.Name).Options).ImportId));
    }

    /// <summary>
    /// Git moved the Gateway API on after the snapshot: the restored CRDs carry Argo CD's fields of the old bundle, so the
    /// rebuild installs none (Argo CD applies the new bundle itself), where applying Git's would conflict with them.
    /// </summary>
    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task A_rebuild_that_keeps_etcd_after_a_gateway_api_bump_leaves_the_restored_crds_to_argo_cd(string stack)
    {
        var (snapshot, old, lab) = await Restorable(stack, "before-the-bump");
        const string bumped = "https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.7.0/standard-install.yaml";

        var run = await LabRun.Of(stack, lab, config: WithSavedSecrets(stack, snapshot), adjust: b => b with
        {
            Addons = b.Addons with { GatewayApiCrds = b.Addons.GatewayApiCrds with { Url = bumped } },
        });

        Assert.True(run.Failure is null, run.Failure);
        Assert.Empty(run.Inputs(Stages.GatewayApiCrds)["files"]!.AsArray());
        Assert.Equal(old.CrdBundle, lab.CrdBundle);
        Assert.True(lab.NodesReady);
    }

    /// <summary>The handed-off releases, each with the planned resource that installs it.</summary>
    private static IReadOnlyList<ReleaseSpec> Releases(ClusterBlueprint blueprint)
    {
        var spec = AddonsSpec.For(blueprint);
        return [spec.Cilium, spec.CertManager, spec.SealedSecrets, spec.ArgoCd];
    }
}
