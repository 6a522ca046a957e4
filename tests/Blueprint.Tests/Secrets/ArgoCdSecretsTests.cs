using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Secrets;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Secrets;

public class ArgoCdSecretsTests
{
    private static readonly GitOpsSettings Https = new("https://github.com/example/k8s-talos.git", "main", "gitops/clusters/dev");
    private static readonly GitOpsSettings Ssh = new("git@github.com:example/k8s-talos.git", "main", "gitops/clusters/dev");

    [Fact]
    public void The_admin_password_is_stored_as_a_bcrypt_hash_argocd_accepts()
    {
        var data = ArgoCdSecrets.ServerSecretData("correct horse", "dev");

        var hash = data["admin.password"];
        Assert.StartsWith("$2a$10$", hash, StringComparison.Ordinal);
        Assert.True(BCrypt.Net.BCrypt.Verify("correct horse", hash));
        Assert.False(BCrypt.Net.BCrypt.Verify("wrong horse", hash));
    }

    [Fact]
    public void The_same_password_hashes_the_same_so_pulumi_up_shows_no_change()
    {
        Assert.Equal(ArgoCdSecrets.HashPassword("pw", "dev"), ArgoCdSecrets.HashPassword("pw", "dev"));
        Assert.NotEqual(ArgoCdSecrets.HashPassword("pw", "dev"), ArgoCdSecrets.HashPassword("pw", "ops"));
        Assert.NotEqual(ArgoCdSecrets.HashPassword("pw", "dev"), ArgoCdSecrets.HashPassword("pw2", "dev"));
    }

    [Fact]
    public void Without_a_password_argocd_secret_stays_empty_and_argocd_generates_one()
    {
        Assert.Empty(ArgoCdSecrets.ServerSecretData(null, "dev"));
    }

    [Fact]
    public void Https_repositories_take_username_and_token()
    {
        var data = ArgoCdSecrets.RepositoryData(Https, """{"username":"git","password":"ghp_token"}""");

        Assert.Equal(
            new Dictionary<string, string> { ["type"] = "git", ["url"] = Https.RepoUrl, ["username"] = "git", ["password"] = "ghp_token" },
            data);
    }

    [Fact]
    public void Ssh_repositories_take_a_private_key()
    {
        var data = ArgoCdSecrets.RepositoryData(Ssh, """{"sshPrivateKey":"-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n"}""");

        Assert.Equal("-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n", data["sshPrivateKey"]);
        Assert.False(data.ContainsKey("password"));
    }

    [Fact]
    public void Missing_or_unknown_fields_are_named_without_echoing_any_value()
    {
        var error = Assert.Throws<BlueprintException>(() => ArgoCdSecrets.RepositoryData(Https, """{"user":"git","password":"ghp_s3cret"}"""));

        Findings.SingleError(error.Diagnostics, "bootstrap:gitopsCredentials.username", "is missing", "https URL");
        Findings.SingleError(error.Diagnostics, "bootstrap:gitopsCredentials.user", "is not a known key");
        Assert.DoesNotContain("ghp_s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_specs_land_in_the_argocd_release_namespace()
    {
        var blueprint = StackInput.Of("dev").Blueprint();

        Assert.Equal(("argocd-secret", "argocd"), (blueprint.Addons.ArgoCdServerSecret.Name, blueprint.Addons.ArgoCdServerSecret.Namespace));
        Assert.Equal("repository", blueprint.Addons.ArgoCdRepositorySecret.Labels["argocd.argoproj.io/secret-type"]);
        Assert.Equal("kube-system", blueprint.Addons.SealedSecretsNamespace);
    }
}
