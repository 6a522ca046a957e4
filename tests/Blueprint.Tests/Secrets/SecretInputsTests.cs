using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Secrets;

public class SecretInputsTests
{
    private static string PulumiConfigFor(params (string Key, string Value)[] secrets) => StackInput.Of("dev").AsPulumiConfig(secrets);

    [Fact]
    public void Valid_secrets_load()
    {
        var config = PulumiConfigFor(
            ("bootstrap:gitopsCredentials", """{"username":"git","password":"t0ken"}"""), ("bootstrap:argocdAdminPassword", "pw"));

        var blueprint = Planner.LoadForPulumi("dev", config, """["bootstrap:gitopsCredentials","bootstrap:argocdAdminPassword"]""", Repo.Directory);

        Assert.True(blueprint.Config.Secrets.GitOpsCredentials);
    }

    [Fact]
    public void A_malformed_secret_fails_before_anything_is_created_without_echoing_it()
    {
        var config = PulumiConfigFor(
            ("bootstrap:gitopsCredentials", """{"username":"git","pasword":"t0ken-value"}"""),
            ("bootstrap:sealedSecretsKeys", "not: [keys"),
            ("bootstrap:argocdAdminPassword", ""));

        var error = Assert.Throws<BlueprintException>(() => Planner.LoadForPulumi(
            "dev", config, """["bootstrap:gitopsCredentials","bootstrap:sealedSecretsKeys","bootstrap:argocdAdminPassword"]""", Repo.Directory));

        Findings.SingleError(error.Diagnostics, "bootstrap:gitopsCredentials.password", "is missing");
        Findings.SingleError(error.Diagnostics, "bootstrap:gitopsCredentials.pasword", "is not a known key");
        Findings.SingleError(error.Diagnostics, "bootstrap:sealedSecretsKeys", "is not YAML");
        Findings.SingleError(error.Diagnostics, "bootstrap:argocdAdminPassword", "is empty");
        Assert.DoesNotContain("t0ken-value", error.Message, StringComparison.Ordinal);
    }
}
