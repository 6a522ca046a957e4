using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Environments;

/// <summary>Writing that goes wrong: a file appearing, renovate.json changing, a folder symlinked away; nothing written stays.</summary>
public sealed class NewEnvWriteFailureTests : NewEnvSession
{
    [Fact]
    public void A_failure_while_writing_removes_every_file_and_folder_written()
    {
        var before = Snapshot();
        // Lets new-env plan, then makes one of its later files appear before it is written (another process, say).
        var repository = new RepoDirectory(Repository.Path);
        var (planned, problems) = Tools.Environments.NewEnvironment.Plan(Request(), repository);
        Assert.Empty(problems);
        Repository.Write("stacks/lab/values/trust-manager.yaml", "someone else's\n");

        Assert.Throws<IOException>(() => Bootstrap.Cli.Output.RepositoryChange.Apply(repository, planned!.Created, planned.Renovate));

        File.Delete(Repository.File("stacks/lab/values/trust-manager.yaml"));
        Directory.Delete(Repository.File("stacks/lab/values"));
        Directory.Delete(Repository.File("stacks/lab"));
        Assert.Equal(before, Snapshot());
        Assert.False(Directory.Exists(Repository.File("gitops/clusters/lab")));
    }

    [Fact]
    public void A_renovate_json_changed_since_the_plan_is_not_overwritten_and_nothing_stays()
    {
        var repository = new RepoDirectory(Repository.Path);
        var (planned, _) = Tools.Environments.NewEnvironment.Plan(Request(), repository);
        File.AppendAllText(Repository.File("renovate.json"), "\n");
        var before = Snapshot();

        var error = Assert.Throws<IOException>(() => Bootstrap.Cli.Output.RepositoryChange.Apply(repository, planned!.Created, planned.Renovate));

        Assert.Contains("renovate.json changed while the command ran", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void New_env_never_reads_or_writes_through_a_folder_symlinked_out_of_the_repository()
    {
        using var elsewhere = new TempFolder();
        Directory.Move(Repository.File("stacks"), Path.Combine(elsewhere.Path, "stacks"));
        Directory.CreateSymbolicLink(Repository.File("stacks"), Path.Combine(elsewhere.Path, "stacks"));
        var outside = Directory.GetFiles(elsewhere.Path, "*", SearchOption.AllDirectories);
        var before = Snapshot();

        Assert.Equal(ExitCodes.Invalid, Run(Lab));

        Assert.Contains("error BP037: stacks", Err.ToString(), StringComparison.Ordinal);
        Assert.Contains("is a symlink to the absolute path", Err.ToString(), StringComparison.Ordinal);
        Assert.Equal(outside, Directory.GetFiles(elsewhere.Path, "*", SearchOption.AllDirectories));
        Assert.Equal(before, Snapshot());
    }
}
