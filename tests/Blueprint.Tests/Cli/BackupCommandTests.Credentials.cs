using System.Text.Json.Nodes;
using Bootstrap.Tools.Backup;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary>backup and credentials: a kubeconfig URL's user info never reaches the output or manifest.json; a Git working tree
/// that would take the keys into a commit is refused.</summary>
public sealed partial class BackupCommandTests
{
    private const string Password = "hunter2-never-shown";

    private static readonly string[] GitPlaces = ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"];

    /// <summary>The fake cluster's kubeconfig with user:password@ in the server URL.</summary>
    private string KubeconfigWithUserInfo()
    {
        var text = File.ReadAllText(_fake.Kubeconfig).Replace("http://127.0.0.1", $"http://admin:{Password}@127.0.0.1", StringComparison.Ordinal);
        _scratch.Write("kubeconfig-userinfo", text);
        return _scratch.File("kubeconfig-userinfo");
    }

    [Fact]
    public void A_server_url_with_user_info_is_redacted_in_the_output_and_in_the_manifest()
    {
        ServeCluster();
        FakeTalosctl();

        var exit = Run("backup", "--kubeconfig", KubeconfigWithUserInfo(), "--out", Folder, "--stack", "dev");

        Assert.True(exit == ExitCodes.Ok, Output);
        Assert.DoesNotContain(Password, Output, StringComparison.Ordinal);
        Assert.Contains("from http://[redacted]@127.0.0.1:", Out.ToString(), StringComparison.Ordinal);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, BackupFiles.Manifest)))!;
        Assert.StartsWith("http://[redacted]@127.0.0.1:", manifest["server"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(Directory.GetFiles(Folder), f => Assert.DoesNotContain(Password, File.ReadAllText(f), StringComparison.Ordinal));
    }

    [Fact]
    public void A_server_url_with_user_info_is_redacted_when_the_backup_fails()
    {
        _fake.Refuse(500);

        var exit = Run("backup", "--kubeconfig", KubeconfigWithUserInfo(), "--out", Folder, "--stack", "dev");

        Assert.Equal(ExitCodes.Unreachable, exit);
        Assert.Contains("http://[redacted]@127.0.0.1:", Err.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_in_a_git_working_tree_that_git_does_not_ignore_is_refused_naming_the_gitignore_line()
    {
        ServeCluster();
        FakeTalosctl();
        Git("init", "-q");

        var exit = Backup();

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Git does not ignore it", Err.ToString(), StringComparison.Ordinal);
        Assert.Contains($"add the line /vault/ to {Repository.File(".gitignore")}", Err.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Folder));
        Assert.Equal(0, _fake.Requests(KeysPath));
    }

    [Fact]
    public void A_folder_git_ignores_is_written()
    {
        ServeCluster();
        FakeTalosctl();
        Git("init", "-q");
        Repository.Write(".gitignore", "/vault/\n");

        Assert.Equal(ExitCodes.Ok, Backup());
        Assert.True(File.Exists(Path.Combine(Folder, BackupFiles.Manifest)));
    }

    private void Git(params string[] arguments)
    {
        // PATH holds only the fake talosctl here: git joins it, so backup asks the real git as it would on a user's machine.
        var git = GitPlaces.First(File.Exists);
        if (!File.Exists(_scratch.File("bin/git")))
        {
            File.CreateSymbolicLink(_scratch.File("bin/git"), git);
        }

        var start = new System.Diagnostics.ProcessStartInfo(git) { WorkingDirectory = Repository.Path, UseShellExecute = false };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
