using Bootstrap.Tools.Backup;
using Bootstrap.Blueprint.Secrets;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary>backup --talos-secrets: the stack's machine secrets kept beside the etcd snapshot they can decrypt.</summary>
public sealed partial class BackupCommandTests
{
    private int BackupWithSecrets(string value, string? stdin = null) =>
        RunWithInput(stdin ?? "", "backup", "--kubeconfig", _fake.Kubeconfig, "--out", Folder, "--stack", "dev", "--talos-secrets", value);

    [Fact]
    public void Secrets_piped_from_the_stack_output_are_saved_privately_with_the_commands_that_load_them()
    {
        ServeCluster();
        FakeTalosctl();

        var exit = BackupWithSecrets("-", TalosSecretsFixture.Yaml());

        Assert.True(exit == ExitCodes.Ok, Output);
        var saved = Path.Combine(Folder, BackupFiles.TalosSecrets);
        Assert.Equal(TalosSecretsFixture.Bundle(), TalosSecretsBundle.Parse(File.ReadAllText(saved), "file"));
        Assert.Equal(Private, File.GetUnixFileMode(saved));
        Assert.Contains(BackupFiles.TalosSecrets, File.ReadAllText(Path.Combine(Folder, BackupFiles.Manifest)), StringComparison.Ordinal);
        AssertGolden("backup-dev");
        Assert.DoesNotContain(TalosSecretsFixture.Bundle().Os.Key, Output, StringComparison.Ordinal);
        Assert.DoesNotContain(TalosSecretsFixture.Bundle().ClusterSecret, Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_from_a_file_are_saved_too()
    {
        ServeCluster();
        FakeTalosctl();
        _scratch.Write("secrets.yaml", TalosSecretsFixture.Yaml());

        Assert.Equal(ExitCodes.Ok, BackupWithSecrets(_scratch.File("secrets.yaml")));
        Assert.True(File.Exists(Path.Combine(Folder, BackupFiles.TalosSecrets)));
    }

    [Fact]
    public void Without_secrets_the_backup_says_what_a_rebuild_will_miss()
    {
        ServeCluster();
        FakeTalosctl();

        Assert.Equal(ExitCodes.Ok, Backup());
        Assert.Contains("not saved: talos-secrets.yaml (pass --talos-secrets -", Out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("bootstrap:talosSecrets", Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_no_secrets_file_writes_nothing_and_asks_nothing_of_the_cluster()
    {
        var broken = TalosSecretsFixture.Yaml().Replace("bootstraptoken:", "bootstraptokn:", StringComparison.Ordinal);

        var exit = BackupWithSecrets("-", broken);

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("--talos-secrets.secrets.bootstraptoken: is missing", Err.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Folder));
        Assert.Equal(0, _fake.Requests(KeysPath));
        Assert.DoesNotContain(TalosSecretsFixture.Bundle().ClusterSecret, Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_secrets_file_is_a_usageError()
    {
        Assert.Equal(ExitCodes.Usage, BackupWithSecrets(_scratch.File("nope.yaml")));
        Assert.Contains("--talos-secrets", Err.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Folder));
    }
}
