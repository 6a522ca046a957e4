using System.Diagnostics;
using System.Runtime.Versioning;
using Bootstrap.Blueprint.Render;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary>
/// What a careless or hostile user can hand the CLI: it never deletes or overwrites what it did not write, never reads
/// outside the repository, and answers every input with exit 1 or 2 and a bounded message naming the key or argument.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class HostileInputTests : CliSession, IDisposable
{
    private readonly TempFolder _elsewhere = new();

    private string Elsewhere(string name) => _elsewhere.File(name);

    private string OutDev => Repository.File("out/dev");

    void IDisposable.Dispose()
    {
        _elsewhere.Dispose();
        Dispose();
    }

    // ---- output folders ----

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

    // ---- names are names ----

    [Theory]
    [InlineData("../../x", "invalid character '/' at position 2")]
    [InlineData("dev;rm", "invalid character ';' at position 3")]
    [InlineData("..", "'.' and '..' name folders, not stacks")]
    [InlineData("", "a stack name may not be empty")]
    [InlineData("acme/platform/dev", "pass only the stack part, e.g. dev")]
    public void A_stack_name_that_breaks_Pulumi_s_rule_is_a_usage_error(string name, string problem)
    {
        foreach (var args in new[] { new[] { "plan", name }, ["lint", name], ["verify", "--kubeconfig", Elsewhere("none"), "--stack", name],
            ["backup", "--kubeconfig", Elsewhere("none"), "--out", Elsewhere("vault"), "--stack", name] })
        {
            ClearOutput();

            Assert.Equal(ExitCodes.Usage, Run(args));

            Assert.Contains(problem, Err.ToString(), StringComparison.Ordinal);
            Assert.Contains("letters, digits, '-', '_' or '.' (Pulumi's rule)", Err.ToString(), StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Repository.File("out")));
        Assert.False(Directory.Exists(Elsewhere("vault")));
    }

    [Fact]
    public void A_stack_name_is_never_a_path_to_another_file()
    {
        // Without the name check, "a/../evil" would read Pulumi.a/../evil.yaml, a stack file that is not Pulumi.<stack>.yaml.
        Directory.CreateDirectory(Repository.File("Pulumi.a"));
        File.Copy(Repository.File("Pulumi.dev.yaml"), Repository.File("evil.yaml"));

        Assert.Equal(ExitCodes.Usage, Run("plan", "a/../evil"));
        Assert.Equal("", Out.ToString());
        Assert.False(Directory.Exists(Repository.File("out")));
    }

    [Fact]
    public void A_stack_name_over_100_characters_is_refused_with_a_short_message()
    {
        var name = new string('a', 1024 * 1024);

        Assert.Equal(ExitCodes.Usage, Run("plan", name));

        Assert.Contains("a stack name cannot exceed 100 characters (this one has 1048576)", Err.ToString(), StringComparison.Ordinal);
        Assert.True(Err.ToString().Length < 2000, $"{Err.ToString().Length} characters of error output");
    }

    [Fact]
    public void New_app_never_writes_through_a_folder_symlinked_out_of_the_repository()
    {
        Directory.Move(Repository.File("gitops/apps/apps-dev"), Elsewhere("apps-dev"));
        Directory.CreateSymbolicLink(Repository.File("gitops/apps/apps-dev"), Elsewhere("apps-dev"));
        var before = Directory.GetFiles(_elsewhere.Path, "*", SearchOption.AllDirectories);

        Assert.Equal(ExitCodes.Invalid, Run("new-app", "dev", "web", "--chart", "app-template", "--repo",
            "https://bjw-s-labs.github.io/helm-charts", "--version", "5.2.1"));

        Assert.Contains("error: gitops/apps/apps-dev: is a symlink to the absolute path", Err.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(_elsewhere.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_file_that_is_no_stack_name_is_not_a_stack_and_a_word_that_is_no_command_is_named()
    {
        File.Copy(Repository.File("Pulumi.dev.yaml"), Repository.File("Pulumi.my stack.yaml"));

        Assert.Equal(ExitCodes.Ok, Run("lint"));
        AssertGolden("lint");

        ClearOutput();
        Assert.Equal(ExitCodes.Usage, Run("plna", "dev"));
        Assert.StartsWith(
            "error: 'plna': not a command; the commands are plan, lint, new-app, new-env, verify, backup", Err.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, RunIn(Elsewhere("missing"), "plan", "dev"));
        Assert.Contains($"error: --root {Elsewhere("missing")}: no such folder", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Thousands_of_findings_print_the_first_hundred_and_a_count()
    {
        Repository.Edit("Pulumi.dev.yaml", "      - siderolabs/qemu-guest-agent\n",
            "      - siderolabs/qemu-guest-agent\n" + string.Concat(Enumerable.Repeat("      - X\n", 3000)));

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));

        var lines = Err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(102, lines.Length);
        // The 3000 errors, then dev's two placement warnings (Golden/cli/plan-dev.stderr), which are not shown past the first hundred.
        Assert.Equal("… and 2902 more finding(s) not shown", lines[100]);
        Assert.Equal("3000 error(s), 2 warning(s): nothing was written or applied.", lines[101]);
    }

    // ---- nothing from outside the repository ----

    [Fact]
    public void A_values_file_symlinked_out_of_the_repository_is_refused()
    {
        _elsewhere.Write("cilium.yaml", "secretFromElsewhere: hunter2\n");
        File.Delete(Repository.File("stacks/dev/values/cilium.yaml"));
        File.CreateSymbolicLink(Repository.File("stacks/dev/values/cilium.yaml"), Elsewhere("cilium.yaml"));

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));

        Assert.Contains(
            $"error: stacks/dev/values/cilium.yaml: is a symlink to the absolute path {Elsewhere("cilium.yaml")}",
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

        Assert.Contains($"error: bootstrap:gitops.path: gitops/clusters/dev is a symlink to the absolute path {Elsewhere("dev")}",
            Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlinked_stack_file_pointing_outside_is_refused()
    {
        File.Move(Repository.File("Pulumi.dev.yaml"), Elsewhere("Pulumi.dev.yaml"));
        File.CreateSymbolicLink(Repository.File("Pulumi.dev.yaml"), Elsewhere("Pulumi.dev.yaml"));

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));
        Assert.Contains("error: Pulumi.dev.yaml: is a symlink to the absolute path", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlink_loop_under_gitops_is_not_walked()
    {
        Directory.CreateSymbolicLink(Repository.File("gitops/clusters/dev/loop"), ".");

        var clock = Stopwatch.StartNew();
        Assert.Equal(ExitCodes.Ok, Run("plan", "dev"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    // ---- files that are not what they claim ----

    [Fact]
    public void A_stack_file_with_invalid_UTF8_names_the_byte_and_its_place()
    {
        File.WriteAllBytes(Repository.File("Pulumi.dev.yaml"), [.. "config:\n  a: b"u8, 0xFF, .. "c\n"u8]);

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));
        Assert.StartsWith("error: Pulumi.dev.yaml:2:7: byte 0xFF is not valid UTF-8", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_as_kubeconfig_or_installed_file_is_refused_within_bounds()
    {
        var clock = Stopwatch.StartNew();

        Assert.Equal(ExitCodes.Usage, Run("verify", "--kubeconfig", "/dev/zero", "--stack", "dev", "--timeout", "0s"));
        Assert.Contains("--kubeconfig /dev/zero: is larger than 4 MiB", Err.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev", "--installed", "/dev/zero"));
        Assert.Contains("error: zero: is larger than 4 MiB", Err.ToString(), StringComparison.Ordinal);
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

    // ---- keys at every depth, bounded echoes ----

    [Fact]
    public void A_misspelt_field_of_a_structured_secret_lists_the_valid_ones_without_echoing_values()
    {
        Repository.Edit("Pulumi.dev.yaml", "  bootstrap:gitops:",
            "  bootstrap:gitopsCredentials:\n    username: git\n    pasword:\n      secure: v1:c2VjcmV0LWNpcGhlcnRleHQ=\n  bootstrap:gitops:");

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));

        Assert.Contains(
            "error: bootstrap:gitopsCredentials.pasword: is not a known key; did you mean 'password'? valid keys here: "
            + "username, password, sshPrivateKey",
            Err.ToString(),
            StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_value_comes_back_as_a_short_excerpt()
    {
        Repository.Edit("Pulumi.dev.yaml", "    name: dev\n", $"    name: {new string('x', 1024 * 1024)}y\n");

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));

        var err = Err.ToString();
        Assert.Contains("error: bootstrap:cluster.name: \"xxxxxxxx", err, StringComparison.Ordinal);
        Assert.Contains("characters left out]…xxx", err, StringComparison.Ordinal);
        Assert.Contains("xy\" is not a DNS-1123 label", err, StringComparison.Ordinal);
        Assert.True(err.Length < 4000, $"{err.Length} characters of error output");
    }

    [Fact]
    public void Terminal_escapes_in_a_value_are_shown_escaped()
    {
        Repository.Edit("Pulumi.dev.yaml", "    name: dev\n", "    name: \"dev\\e[2J\\rok\"\n");

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev"));

        Assert.Contains("error: bootstrap:cluster.name: \"dev\\u001B[2J\\rok\" is not a DNS-1123 label", Err.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', Err.ToString());
    }
}
