using System.Diagnostics;
using System.Runtime.Versioning;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary>Files that are not what they claim: bad UTF-8, a device, YAML of the wrong shape; each is an error, never a crash.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class HostileFileTests : HostileInputSession
{
    [Fact]
    public void A_stack_file_with_invalid_UTF8_names_the_byte_and_its_place()
    {
        File.WriteAllBytes(Repository.File("Pulumi.dev.yaml"), [.. "config:\n  a: b"u8, 0xFF, .. "c\n"u8]);

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));
        Assert.StartsWith("error BP036: Pulumi.dev.yaml:2:7: byte 0xFF is not valid UTF-8", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_as_kubeconfig_or_installed_file_is_refused_within_bounds()
    {
        var clock = Stopwatch.StartNew();

        Assert.Equal(ExitCodes.Usage, Run("verify", "--kubeconfig", "/dev/zero", "--stack", "dev", "--timeout", "0s"));
        Assert.Contains("--kubeconfig /dev/zero: is larger than 4 MiB", Err.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev", "--installed", "/dev/zero"));
        Assert.Contains("error BP036: zero: is larger than 4 MiB", Err.ToString(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("spec:\n", "spec: []\nold-spec:\n", "spec.sources: must hold exactly two sources")]
    [InlineData("  name: cilium\n", "  name: not-cilium\n", "metadata.name: is \"not-cilium\" in a file named for cilium")]
    [InlineData("sync-wave: \"-50\"", "sync-wave: [1]", "metadata.annotations.argocd.argoproj.io/sync-wave: \"[1]\" is not a whole number")]
    [InlineData("releaseName: cilium", "releaseName: 5", "spec.sources[chart].helm.releaseName: is not a string")]
    public void A_core_app_of_the_wrong_shape_is_an_error_not_a_crash(string find, string replace, string message)
    {
        Repository.Edit("gitops/clusters/dev/core/cilium.yaml", find, replace);

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));
        Assert.Contains(message, Err.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gitops/projects/dev.yaml", "    - https://bjw-s-labs.github.io/helm-charts\n", "    - https://bjw-s-labs.github.io/helm-charts}\n")]
    [InlineData("gitops/appsets/apps-monitoring.yaml", "preserveResourcesOnDeletion: true", "preserveResourcesOnDeletion: 1")]
    [InlineData("gitops/clusters/dev/root.yaml", "recurse: true", "recurse: \"true\"")]
    [InlineData("gitops/clusters/dev/root.yaml", "  syncPolicy:\n", "  syncPolicy: [1]\n  syncPolicyz:\n")]
    [InlineData("gitops/projects/dev.yaml", "  destinations:\n", "  destinations:\n    - 5\n")]
    [InlineData("gitops/apps/apps-dev/nginx/config.json", "\"name\": \"nginx\",", "\"name\": \"nginx\", \"name\": \"web\",")]
    public void A_gitops_file_of_an_unexpected_shape_is_checked_not_a_crash(string file, string find, string replace)
    {
        Repository.Edit(file, find, replace);

        Assert.Contains(Run("lint", "dev"), new[] { ExitCodes.Ok, ExitCodes.Invalid });
        Assert.DoesNotContain("internal error", Err.ToString(), StringComparison.Ordinal);
    }
}
