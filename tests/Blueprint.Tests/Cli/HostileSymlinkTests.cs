using System.Diagnostics;
using System.Runtime.Versioning;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary>Nothing from outside the repository: a symlink that leaves it is refused at its file or key, one inside is followed.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class HostileSymlinkTests : HostileInputSession
{
    [Fact]
    public void New_app_never_writes_through_a_folder_symlinked_out_of_the_repository()
    {
        Directory.Move(Repository.File("gitops/apps/apps-dev"), Elsewhere("apps-dev"));
        Directory.CreateSymbolicLink(Repository.File("gitops/apps/apps-dev"), Elsewhere("apps-dev"));
        var before = Directory.GetFiles(_elsewhere.Path, "*", SearchOption.AllDirectories);

        Assert.Equal(ExitCodes.Invalid, Run("new-app", "dev", "web", "--chart", "app-template", "--repo",
            "https://bjw-s-labs.github.io/helm-charts", "--version", "5.2.1"));

        Assert.Contains("error BP037: gitops/apps/apps-dev: is a symlink to the absolute path", Err.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(_elsewhere.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_values_file_symlinked_out_of_the_repository_is_refused()
    {
        _elsewhere.Write("cilium.yaml", "secretFromElsewhere: hunter2\n");
        File.Delete(Repository.File("stacks/dev/values/cilium.yaml"));
        File.CreateSymbolicLink(Repository.File("stacks/dev/values/cilium.yaml"), Elsewhere("cilium.yaml"));

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));

        Assert.Contains(
            $"error BP037: stacks/dev/values/cilium.yaml: is a symlink to the absolute path {Elsewhere("cilium.yaml")}",
            Err.ToString(),
            StringComparison.Ordinal);
        Assert.Contains("out of bounds symlink", Err.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", Out.ToString() + Err.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(OutDev));
    }

    [Fact]
    public void A_relative_symlink_that_climbs_out_is_refused_even_if_it_comes_back()
    {
        // Argo CD walks the target part by part: ../../<repo>/x leaves the root on the way, so it is out of bounds.
        var climb = $"../../../../{Path.GetFileName(Repository.Path)}/stacks/common/values/cilium.yaml";
        File.Delete(Repository.File("stacks/dev/values/cilium.yaml"));
        File.CreateSymbolicLink(Repository.File("stacks/dev/values/cilium.yaml"), climb);

        Assert.Equal(ExitCodes.Invalid, Run("lint", "dev"));
        Assert.Contains($"stacks/dev/values/cilium.yaml: is a symlink to {climb}, outside the repository", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlink_inside_the_repository_is_followed()
    {
        File.Move(Repository.File("stacks/dev/values/cilium.yaml"), Repository.File("stacks/dev/cilium-real.yaml"));
        File.CreateSymbolicLink(Repository.File("stacks/dev/values/cilium.yaml"), "../cilium-real.yaml");

        Assert.Equal(ExitCodes.Ok, Run("plan", "dev"));
    }

    [Fact]
    public void A_gitops_path_symlinked_out_of_the_repository_is_refused_at_its_key()
    {
        Directory.Move(Repository.File("gitops/clusters/dev"), Elsewhere("dev"));
        Directory.CreateSymbolicLink(Repository.File("gitops/clusters/dev"), Elsewhere("dev"));

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));

        Assert.Contains($"error BP012: bootstrap:gitops.path: gitops/clusters/dev is a symlink to the absolute path {Elsewhere("dev")}",
            Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlinked_stack_file_pointing_outside_is_refused()
    {
        File.Move(Repository.File("Pulumi.dev.yaml"), Elsewhere("Pulumi.dev.yaml"));
        File.CreateSymbolicLink(Repository.File("Pulumi.dev.yaml"), Elsewhere("Pulumi.dev.yaml"));

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));
        Assert.Contains("error BP037: Pulumi.dev.yaml: is a symlink to the absolute path", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlink_loop_under_gitops_is_not_walked()
    {
        Directory.CreateSymbolicLink(Repository.File("gitops/clusters/dev/loop"), ".");

        var clock = Stopwatch.StartNew();
        Assert.Equal(ExitCodes.Ok, Run("plan", "dev"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }
}
