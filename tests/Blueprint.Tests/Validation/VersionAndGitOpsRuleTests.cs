using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Blueprint.Validation;
using Moq;

namespace Bootstrap.Blueprint.Tests.Validation;

public class VersionAndGitOpsRuleTests
{
    private readonly StackInput _input = StackInput.Of("dev");

    [Theory]
    [InlineData("1.13.9")]
    [InlineData("v1.13")]
    [InlineData("latest")]
    public void Talos_versions_are_exact_v_prefixed_releases(string version)
    {
        _input.Cluster["talosVersion"] = version;

        Findings.SingleError(_input.FindingsOf(new VersionRule()), "bootstrap:cluster.talosVersion", "is not a Talos release version", "v1.13.9");
    }

    [Theory]
    [InlineData("v1.36.3")]
    [InlineData("1.36")]
    public void Kubernetes_versions_are_exact_releases_without_v(string version)
    {
        _input.Cluster["kubernetesVersion"] = version;

        Findings.SingleError(_input.FindingsOf(new VersionRule()), "bootstrap:cluster.kubernetesVersion", "is not a Kubernetes release version");
    }

    [Theory]
    [InlineData("1.30.9")]
    [InlineData("1.37.0")]
    public void Kubernetes_outside_the_talos_range_is_refused(string version)
    {
        _input.Cluster["kubernetesVersion"] = version;

        Findings.SingleError(
            _input.FindingsOf(new VersionRule()),
            "bootstrap:cluster.kubernetesVersion",
            $"Kubernetes {version} is not supported by Talos v1.13",
            "1.31.0 – 1.36.x");
    }

    [Theory]
    [InlineData("1.31.0")]
    [InlineData("1.36.12")]
    public void The_edges_of_the_supported_range_are_accepted(string version)
    {
        _input.Cluster["kubernetesVersion"] = version;

        Assert.Empty(_input.FindingsOf(new VersionRule()));
    }

    [Fact]
    public void A_talos_minor_missing_from_the_table_is_refused()
    {
        _input.Cluster["talosVersion"] = "v1.14.0";

        Findings.SingleError(_input.FindingsOf(new VersionRule()), "bootstrap:cluster.talosVersion", "not in the compatibility table", "v1.13");
    }

    [Theory]
    [InlineData("https://github.com/acme/platform.git")]
    [InlineData("git@github.com:acme/platform.git")]
    [InlineData("ssh://git@gitea.lab.internal:2222/acme/platform.git")]
    public void Https_and_ssh_git_urls_are_accepted(string url)
    {
        _input.GitOps["repoUrl"] = url;

        Assert.Empty(_input.FindingsOf(new GitOpsRule()));
    }

    [Theory]
    [InlineData("http://github.com/acme/platform.git")]
    [InlineData("github.com/acme/platform")]
    [InlineData("https://user:token@github.com/acme/platform.git")]
    public void Other_repo_urls_are_refused(string url)
    {
        _input.GitOps["repoUrl"] = url;

        Findings.SingleError(_input.FindingsOf(new GitOpsRule()), "bootstrap:gitops.repoUrl", "is not an https or ssh Git URL");
    }

    [Theory]
    [InlineData("clusters/dev")]
    [InlineData("gitops/../clusters/dev")]
    [InlineData("/gitops/clusters/dev")]
    public void The_path_must_be_under_gitops(string path)
    {
        _input.GitOps["path"] = path;

        Findings.SingleError(_input.FindingsOf(new GitOpsRule()), "bootstrap:gitops.path", "is not a folder under gitops/");
    }

    [Fact]
    public void The_path_must_exist_in_the_repository()
    {
        var repository = new Mock<IRepository>();
        repository.Setup(r => r.DirectoryExists("gitops/clusters/dev")).Returns(false);

        Findings.SingleError(
            _input.FindingsOf(new GitOpsRule(), repository.Object), "bootstrap:gitops.path", "gitops/clusters/dev does not exist in this repository");
        repository.Verify(r => r.DirectoryExists("gitops/clusters/dev"), Times.Once);
    }

    [Fact]
    public void Extensions_install_disk_and_time_servers_are_checked()
    {
        _input.Cluster["imageExtensions"] = new System.Text.Json.Nodes.JsonArray("qemu-guest-agent");
        _input.Cluster["installDisk"] = "sda";
        _input.Network["timeServers"] = new System.Text.Json.Nodes.JsonArray("time cloudflare");

        var findings = _input.FindingsOf(new TalosSettingsRule());

        Findings.SingleError(findings, "bootstrap:cluster.imageExtensions[0]", "is not an Image Factory extension name");
        Findings.SingleWarning(findings, "bootstrap:cluster.imageExtensions", "QEMU guest agent");
        Findings.SingleError(findings, "bootstrap:cluster.installDisk", "is not a device path");
        Findings.SingleError(findings, "bootstrap:cluster.network.timeServers[0]", "is not a host name or IP address");
    }
}
