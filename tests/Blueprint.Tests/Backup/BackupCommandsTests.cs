using Bootstrap.Blueprint.Scripts;
using System.Text.Json.Nodes;
using Bootstrap.Tools.Backup;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Backup;

public class BackupCommandsTests
{
    [Fact]
    public void The_etcd_snapshot_is_taken_from_the_first_control_plane_through_every_control_plane_endpoint()
    {
        var talos = StackInput.Of("dev").Blueprint().Talos;

        Assert.Equal(
            ["etcd", "snapshot", "/vault/dev/etcd.snapshot", "--nodes", "192.168.40.61", "--endpoints", "192.168.40.61,192.168.40.62,192.168.40.63"],
            EtcdSnapshot.Arguments(talos, "/vault/dev/etcd.snapshot"));
        Assert.Equal(
            "talosctl etcd snapshot '/vault/my backups/etcd.snapshot' --nodes 192.168.40.61 --endpoints 192.168.40.61,192.168.40.62,192.168.40.63",
            EtcdSnapshot.Command(talos, "/vault/my backups/etcd.snapshot"));
    }

    [Fact]
    public void The_restore_command_sets_the_keys_as_a_secret_of_the_stack()
    {
        Assert.Equal(
            "pulumi config set --secret --stack dev bootstrap:sealedSecretsKeys < /vault/dev/sealed-secrets-keys.yaml",
            BackupFiles.RestoreKeysCommand("dev", "/vault/dev"));
        Assert.Equal(
            "pulumi config set --secret --stack dev bootstrap:sealedSecretsKeys < '/vault/it'\\''s here/sealed-secrets-keys.yaml'",
            BackupFiles.RestoreKeysCommand("dev", "/vault/it's here"));
    }

    [Theory]
    [InlineData("plain-word_1.2/x:y@z", "plain-word_1.2/x:y@z")]
    [InlineData("", "''")]
    [InlineData("two words", "'two words'")]
    [InlineData("$(rm -rf /)", "'$(rm -rf /)'")]
    [InlineData("it's", "'it'\\''s'")]
    public void Words_are_quoted_only_when_the_shell_would_change_them(string word, string quoted)
    {
        Assert.Equal(quoted, ShellWords.Quote(word));
    }

    [Fact]
    public void The_manifest_lists_each_file_with_its_sha256_and_size_in_name_order()
    {
        var created = new DateTimeOffset(2026, 11, 22, 20, 13, 5, TimeSpan.FromHours(1));

        var manifest = JsonNode.Parse(BackupManifest.Render("dev", "https://192.168.40.60:6443", created, [
            BackupFile.Of("b.yaml", "abc"u8.ToArray()),
            BackupFile.Of("a.yaml", Array.Empty<byte>()),
        ]))!;

        Assert.Equal("dev", (string?)manifest["stack"]);
        Assert.Equal("2026-11-22T19:13:05Z", (string?)manifest["created"]);
        var files = manifest["files"]!.AsArray();
        Assert.Equal(["a.yaml", "b.yaml"], files.Select(f => (string?)f!["path"]));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", (string?)files[1]!["sha256"]);
        Assert.Equal(3, (long)files[1]!["size"]!);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", (string?)files[0]!["sha256"]);
    }
}
