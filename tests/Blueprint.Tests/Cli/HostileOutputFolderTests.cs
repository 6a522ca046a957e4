using System.Runtime.Versioning;
using Bootstrap.Blueprint.Render;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary>Output folders: plan replaces only what it wrote, follows no symlink, and keeps the previous plan on invalid input.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class HostileOutputFolderTests : HostileInputSession
{
    [Fact]
    public void Plan_never_replaces_a_folder_it_did_not_write()
    {
        _elsewhere.Write("dev/notes.txt", "mine");

        Assert.Equal(ExitCodes.Usage, Run("plan", "dev", "--out", _elsewhere.Path));

        Assert.Contains(
            $"{Elsewhere("dev")} exists and was not written by plan (no {PlanFiles.Marker} in it)", Err.ToString(), StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Elsewhere("dev/notes.txt")));
        Assert.Equal([Elsewhere("dev/notes.txt")], Directory.GetFiles(_elsewhere.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Plan_replaces_its_own_earlier_output_and_marks_it()
    {
        Assert.Equal(ExitCodes.Ok, Run("plan", "dev", "--out", Elsewhere("out")));
        Assert.StartsWith(PlanFiles.MarkerHeader, File.ReadAllText(Elsewhere($"out/dev/{PlanFiles.Marker}")), StringComparison.Ordinal);
        _elsewhere.Write("keep/precious.txt", "mine");
        Directory.CreateSymbolicLink(Elsewhere("out/dev/link"), Elsewhere("keep"));

        Assert.Equal(ExitCodes.Ok, Run("plan", "dev", "--out", Elsewhere("out")));

        Assert.Equal([Elsewhere("out/dev")], Directory.GetDirectories(Elsewhere("out")));
        Assert.False(Directory.Exists(Elsewhere("out/dev/link")));
        Assert.Equal("mine", File.ReadAllText(Elsewhere("keep/precious.txt")));
    }

    [Fact]
    public void Plan_does_not_follow_or_replace_a_symlinked_output_folder()
    {
        Assert.Equal(ExitCodes.Ok, Run("plan", "dev", "--out", _elsewhere.File("real")));
        var before = Directory.GetFiles(Elsewhere("real/dev"), "*", SearchOption.AllDirectories);
        Directory.CreateDirectory(Elsewhere("links"));
        Directory.CreateSymbolicLink(Elsewhere("links/dev"), Elsewhere("real/dev"));

        Assert.Equal(ExitCodes.Usage, Run("plan", "dev", "--out", Elsewhere("links")));

        Assert.Contains("is a symlink", Err.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(Elsewhere("real/dev"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Plan_refuses_an_output_that_is_a_file()
    {
        _elsewhere.Write("dev", "a file, not a folder");

        Assert.Equal(ExitCodes.Usage, Run("plan", "dev", "--out", _elsewhere.Path));
        Assert.Contains($"{Elsewhere("dev")} is a file that plan did not write", Err.ToString(), StringComparison.Ordinal);
        Assert.Equal("a file, not a folder", File.ReadAllText(Elsewhere("dev")));
    }

    [Fact]
    public void Invalid_input_leaves_the_previous_plan_as_it_was()
    {
        Assert.Equal(ExitCodes.Ok, Run("plan", "dev"));
        var before = Directory.GetFiles(OutDev, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
        Repository.Edit("Pulumi.dev.yaml", "cores: 2,", "cores: two,");

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));

        Assert.Equal(before, Directory.GetFiles(OutDev, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText));
        Assert.Equal([OutDev], Directory.GetDirectories(Repository.File("out")));
    }
}
