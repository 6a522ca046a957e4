using System.Runtime.Versioning;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary>
/// Input that was accepted although the tool it feeds would refuse it, or that crashed: --installed versions of the wrong
/// type, a renovate.json new-env cannot read, an Application path out of the repository, secrets fields of the wrong type,
/// and a verify whose kubeconfig URL carries a password.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class HostileRefusalTests : HostileInputSession
{
    [Theory]
    [InlineData("""{"talosVersion": 1.13, "kubernetesVersion": "1.36.3"}""", "talosVersion: is the number 1.13, not a version string")]
    [InlineData("""{"talosVersion": "v1.13.9", "kubernetesVersion": null}""", "kubernetesVersion: is null, not a version string")]
    [InlineData("""{"talosVersion": ["v1.13.9"], "kubernetesVersion": {"v": 1}}""", "talosVersion: is a list, not a version string")]
    [InlineData("""{"talosVersion": true, "kubernetesVersion": "1.36.3"}""", "talosVersion: is the boolean true, not a version string")]
    [InlineData("[1, 2]", "is not a JSON object of stack outputs")]
    [InlineData("{\"talosVersion\": ", "is not JSON")]
    public void Installed_versions_of_the_wrong_type_are_errors_naming_the_key(string json, string message)
    {
        _elsewhere.Write("outputs.json", json);

        Assert.Equal(ExitCodes.Invalid, Run("plan", "dev", "--installed", Elsewhere("outputs.json"), "--out", Elsewhere("out")));
        Assert.Contains($"error BP038: outputs.json: {message}", Err.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Elsewhere("out")));
    }

    [Theory]
    [InlineData("{ \"packageRules\": [")]
    [InlineData("[]")]
    [InlineData("{\"packageRules\": [{\"additionalBranchPrefix\": \"dev-\", \"matchFileNames\": [\"x\"], \"minimumReleaseAge\": \"soon\"}]}")]
    public void New_env_refuses_a_renovate_json_it_cannot_read_before_writing_anything(string renovate)
    {
        Repository.Write("renovate.json", renovate);
        var before = Directory.GetFiles(Repository.Path, "*", SearchOption.AllDirectories).Length;

        var exit = Run("new-env", "qa", "--from", "dev", "--cidr", "192.168.61.0/24", "--gateway", "192.168.61.1", "--vip", "192.168.61.60",
            "--pool", "192.168.61.70-192.168.61.89");

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains("renovate.json: cannot be read, so the new environment cannot join a rollout stage; nothing was written", Err.ToString(),
            StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(Repository.Path, "*", SearchOption.AllDirectories).Length);
        Assert.Equal(renovate, Repository.Read("renovate.json"));
    }

    [Fact]
    public void Renovate_json_fields_of_any_type_are_read_not_a_crash()
    {
        Repository.Write("renovate.json", """
            {"customManagers": [5, {"customType": 7}], "argocd": {"enabled": "no"}, "enabledManagers": [1, null],
             "packageRules": [{"additionalBranchPrefix": 3, "matchFileNames": [1, null]}, {"additionalBranchPrefix": "x-", "minimumReleaseAge": [1]}]}
            """);

        Assert.Equal(ExitCodes.Invalid, Run("lint", "dev"));
        Assert.DoesNotContain("internal error", Err.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../../../etc", "leaves the repository (app path outside root)")]
    [InlineData("gitops/../../etc", "leaves the repository (app path outside root)")]
    [InlineData("/etc", "is absolute (app path is absolute)")]
    [InlineData("gitops/platform/gateway/nowhere", "does not exist (app path does not exist)")]
    [InlineData("gitops/clusters/dev/root.yaml", "is a file, not a folder (app path is not a directory)")]
    public void An_application_path_argo_cd_refuses_is_a_lint_error(string path, string problem)
    {
        Repository.Edit("gitops/clusters/dev/gateway.yaml", "path: gitops/platform/gateway/dev", $"path: {path}");

        Assert.Equal(ExitCodes.Invalid, Run("lint", "dev"));
        Assert.Contains(
            $"error BP045: gitops/clusters/dev/gateway.yaml: spec.source.path: "
            + $"Application gateway takes its manifests from '{path}', which {problem}",
            Err.ToString(),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cluster:\n  - 1\n", "--talos-secrets.cluster: is a list, not a mapping")]
    [InlineData("certs: 5\n", "--talos-secrets.certs: is a single value, not a mapping")]
    [InlineData("secrets:\n  bootstraptoken: {a: 1}\n", "--talos-secrets.secrets.bootstraptoken: is a mapping, not text")]
    [InlineData("certs:\n  os: [1]\n", "--talos-secrets.certs.os: is a list, not a mapping")]
    public void Secrets_fields_of_the_wrong_type_are_findings_and_nothing_is_written(string yaml, string message)
    {
        var folder = Elsewhere("backup");

        var exit = CliApp.Run(
            ["backup", "--kubeconfig", Elsewhere("none"), "--out", folder, "--stack", "dev", "--talos-secrets", "-", "--root", Repository.Path],
            Out,
            Err,
            new StringReader(yaml));

        Assert.Equal(ExitCodes.Invalid, exit);
        Assert.Contains($"error: {message}", Err.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("error: error:", Err.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Verify_never_shows_the_password_of_a_server_url()
    {
        using var fake = new FakeCluster();
        new DevClusterApi().ServeOn(fake);
        _elsewhere.Write("kubeconfig", File.ReadAllText(fake.Kubeconfig)
            .Replace("http://127.0.0.1", "http://admin:s3cret-pass@127.0.0.1", StringComparison.Ordinal));

        var healthy = Run("verify", "--kubeconfig", Elsewhere("kubeconfig"), "--stack", "dev", "--timeout", "0s");
        fake.Refuse(500);
        var failing = Run("verify", "--kubeconfig", Elsewhere("kubeconfig"), "--stack", "dev", "--timeout", "0s");

        Assert.True((healthy, failing) == (ExitCodes.Ok, ExitCodes.Unreachable), $"{healthy}, {failing}: {Out}{Err}");
        Assert.Contains("at http://[redacted]@127.0.0.1:", Out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", Out.ToString() + Err.ToString(), StringComparison.Ordinal);
    }
}
