using System.Diagnostics;
using System.Runtime.Versioning;
using Bootstrap.Blueprint.Tests.Lint;
using Bootstrap.Blueprint.Tests.Yaml;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary>
/// Inputs that used to cost unbounded time or memory, or end in an internal error: durations past what .NET can wait, a
/// device as a secrets file, alias bombs in files no rule parsed, a credential plugin that hangs, a schema folder of junk.
/// Each is refused quickly with exit 1, 2 or 4, naming the flag or file.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class HostileLimitTests : HostileInputSession
{
    [Theory]
    [InlineData("--timeout", "999999999h")]
    [InlineData("--timeout", "169h")]
    [InlineData("--interval", "999999999h")]
    [InlineData("--interval", "600h")]
    [InlineData("--timeout", "99999999h99999999m99999999s")]
    public void A_duration_longer_than_a_week_is_a_usage_error_naming_the_flag(string flag, string value)
    {
        Assert.Equal(ExitCodes.Usage, Run("verify", "--kubeconfig", Elsewhere("none"), "--stack", "dev", flag, value));
        Assert.StartsWith($"error: {flag} {value}: longer than 168h (a week)", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_as_talos_secrets_stops_at_the_bytes_read_and_writes_nothing()
    {
        var clock = Stopwatch.StartNew();
        var folder = Elsewhere("backup");

        var exit = Run("backup", "--kubeconfig", Elsewhere("none"), "--out", folder, "--stack", "dev", "--talos-secrets", "/dev/zero");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("error: --talos-secrets /dev/zero: is larger than 64 KiB", Err.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("stacks/dev/apps/nginx-values.yaml", "BP058")]
    [InlineData("stacks/common/values/cilium.yaml", "BP028")]
    [InlineData("gitops/apps/apps-dev/nginx/extra.yaml", "BP034")]
    public void An_alias_bomb_in_any_yaml_under_gitops_or_stacks_fails_lint_quickly(string file, string id)
    {
        Repository.Write(file, (File.Exists(Repository.File(file)) ? Repository.Read(file) : "") + "\nbomb:\n"
            + string.Join('\n', YamlLimitsTests.Bomb().Split('\n').Select(l => "  " + l)));
        var clock = Stopwatch.StartNew();

        Assert.Equal(ExitCodes.Invalid, Run("lint", "dev"));
        Assert.Contains($"error {id}: {file}:", Err.ToString(), StringComparison.Ordinal);
        Assert.Matches("nodes once its aliases are expanded|excessive aliasing", Err.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void An_alias_bomb_as_kubeconfig_is_refused_without_echoing_it()
    {
        _elsewhere.Write("kubeconfig", YamlLimitsTests.Bomb() + "token: do-not-echo\n");

        Assert.Equal(ExitCodes.Usage, Run("verify", "--kubeconfig", Elsewhere("kubeconfig"), "--stack", "dev", "--timeout", "0s"));
        Assert.Matches("--kubeconfig .*: not a usable kubeconfig \\(line 1, column 10: document contains excessive aliasing", Err.ToString());
        Assert.DoesNotContain("do-not-echo", Out.ToString() + Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_credential_plugin_that_hangs_is_ended_at_the_timeout()
    {
        var plugin = Elsewhere($"hanging-plugin-{Guid.NewGuid():N}");
        File.WriteAllText(plugin, "#!/bin/sh\nsleep 120\n");
        File.SetUnixFileMode(plugin, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _elsewhere.Write("kubeconfig", $"""
            apiVersion: v1
            kind: Config
            clusters: [{Flow("name: c, cluster: {server: \"http://127.0.0.1:9\"}")}]
            users: [{Flow($"name: u, user: {{exec: {{apiVersion: {ExecApi}, command: {plugin}, interactiveMode: Never}}}}")}]
            contexts: [{Flow("name: x, context: {cluster: c, user: u}")}]
            current-context: x
            """);
        var clock = Stopwatch.StartNew();

        var exit = Run("verify", "--kubeconfig", Elsewhere("kubeconfig"), "--stack", "dev", "--timeout", "2s");

        Assert.Equal(ExitCodes.Unreachable, exit);
        Assert.Contains("its credential plugin (hanging-plugin-", Err.ToString(), StringComparison.Ordinal);
        Assert.Contains("did not answer within 2s", Err.ToString(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.False(Running(plugin), "the plugin still runs after verify gave up");
    }

    [SchemaFact]
    public void A_schema_folder_whose_files_are_not_json_is_a_usage_error_naming_the_file()
    {
        var schemas = Elsewhere("schemas");
        foreach (var file in Directory.GetFiles(UpstreamSchemas.Folder, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(schemas, Path.GetRelativePath(UpstreamSchemas.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        foreach (var (file, junk) in new[] { ("kubernetes/1.35/api/v1.json", "{ not json"), ("talos/v1.13.9/config.schema.json", "null"),
                     ("renovate/renovate-schema.json", "[]"), ("kubernetes/1.35/apis/apps/v1.json", "[]") })
        {
            var path = Path.Combine(schemas, file);
            var original = File.ReadAllText(path);
            File.WriteAllText(path, junk);
            ClearOutput();

            var exit = Run("lint", "dev", "--schemas", schemas);

            File.WriteAllText(path, original);
            Assert.True(exit is ExitCodes.Usage or ExitCodes.Invalid, $"{file}: exit {exit}\n{Err}");
            Assert.Contains(file.Split('/')[^1], Err.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", Err.ToString(), StringComparison.Ordinal);
        }
    }

    private const string ExecApi = "client.authentication.k8s.io/v1beta1";

    private static string Flow(string entries) => "{" + entries + "}";

    /// <summary>Whether any process runs <paramref name="program"/> (its command line names it).</summary>
    private static bool Running(string program) =>
        Directory.EnumerateDirectories("/proc").Any(folder =>
        {
            try
            {
                return int.TryParse(Path.GetFileName(folder), out _)
                    && File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(program, StringComparison.Ordinal);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        });
}
