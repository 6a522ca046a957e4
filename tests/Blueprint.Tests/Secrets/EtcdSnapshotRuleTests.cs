using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Secrets;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Secrets;

/// <summary>bootstrap:etcdSnapshot checked where pulumi runs, before anything is created: the file, and the secrets it was saved with.</summary>
public sealed class EtcdSnapshotRuleTests : IDisposable
{
    private readonly TempFolder _vault = new();

    public void Dispose() => _vault.Dispose();

    private static StackConfig Config(string? snapshot) => StackInput.Of("dev").Config() with { EtcdSnapshot = snapshot };

    private List<Diagnostics.Diagnostic> Check(string? snapshot, string? talosSecrets = null) =>
        EtcdSnapshotRule.Findings(Config(snapshot), _vault.Path, talosSecrets ?? TalosSecretsFixture.Yaml(), File.Exists,
            path => File.Exists(path) ? File.ReadAllText(path) : null).ToList();

    [Fact]
    public void A_snapshot_saved_with_the_same_secrets_passes_relative_or_absolute()
    {
        _vault.Write("backup/etcd.snapshot", "etcd");
        _vault.Write("backup/talos-secrets.yaml", TalosSecretsFixture.Yaml());

        Assert.Empty(Check("backup/etcd.snapshot"));
        Assert.Empty(Check(Path.Combine(_vault.Path, "backup/etcd.snapshot")));
        Assert.Empty(Check(null));
    }

    [Fact]
    public void A_missing_snapshot_is_named_with_where_it_was_looked_for()
    {
        var findings = Check("backup/etcd.snapshot");

        Findings.SingleError(
            findings,
            "bootstrap:etcdSnapshot",
            "names backup/etcd.snapshot, which does not exist",
            Path.Combine(_vault.Path, "backup", "etcd.snapshot"));
    }

    [Fact]
    public void A_snapshot_saved_beside_other_secrets_is_refused_before_etcd_would_hold_unreadable_data()
    {
        _vault.Write("backup/etcd.snapshot", "etcd");
        _vault.Write("backup/talos-secrets.yaml", TalosSecretsFixture.Yaml(seed: 2));

        var findings = Check("backup/etcd.snapshot");

        Findings.SingleError(
            findings,
            "bootstrap:etcdSnapshot",
            "was saved with other Talos secrets",
            "pulumi config set --secret bootstrap:talosSecrets < backup/talos-secrets.yaml");
    }

    [Fact]
    public void A_snapshot_without_secrets_beside_it_is_judged_by_the_stacks_secrets_alone()
    {
        _vault.Write("backup/etcd.snapshot", "etcd");

        Assert.Empty(Check("backup/etcd.snapshot"));
    }
}
