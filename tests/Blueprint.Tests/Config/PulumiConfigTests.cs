using System.Text.Json;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Render;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Config;

public class PulumiConfigTests
{
    private static (string Config, string SecretKeys) AsPulumiWouldPass(string stack, params (string Key, string Plain)[] secrets) =>
        (StackInput.Of(stack).AsPulumiConfig(secrets), JsonSerializer.Serialize(secrets.Select(s => s.Key)));

    [Fact]
    public void The_pulumi_path_and_the_cli_path_give_the_same_blueprint()
    {
        var (config, secretKeys) = AsPulumiWouldPass("ops");

        var fromPulumi = Planner.Load("ops", PulumiConfig.Parse(config, secretKeys), Repo.Directory);
        var fromFile = StackInput.Of("ops").Blueprint();

        Assert.Equal(PlanFiles.Render(fromFile), PlanFiles.Render(fromPulumi));
    }

    [Fact]
    public void Decrypted_secrets_become_opaque_markers()
    {
        var (config, secretKeys) = AsPulumiWouldPass(
            "dev", ("proxmoxve:apiToken", "root@pam!ci=0000-plain"), ("bootstrap:argocdAdminPassword", "hunter2"));

        var values = PulumiConfig.Parse(config, secretKeys);
        var blueprint = Planner.Load("dev", values, Repo.Directory);

        Assert.True(SecretValue.IsSecret(values["bootstrap:argocdAdminPassword"]));
        Assert.True(blueprint.Config.Secrets.ArgoCdAdminPassword);
        Assert.True(blueprint.Config.Proxmox.HasApiToken);
        var everything = string.Concat(PlanFiles.Render(blueprint).Select(f => f.Content));
        Assert.DoesNotContain("hunter2", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("0000-plain", everything, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_set_without_secret_is_caught_on_the_pulumi_path_too()
    {
        var (config, _) = AsPulumiWouldPass("dev", ("bootstrap:argocdAdminPassword", "hunter2"));

        var error = Assert.Throws<BlueprintException>(() => Planner.Load("dev", PulumiConfig.Parse(config, "[]"), Repo.Directory));

        Findings.SingleError(error.Diagnostics, "bootstrap:argocdAdminPassword", "plain text");
    }

    [Fact]
    public void Plain_strings_stay_strings()
    {
        var values = PulumiConfig.Parse("""{"proxmoxve:insecure":"true","x:y":"[not json"}""", null);

        Assert.Equal("true", (string?)values["proxmoxve:insecure"]);
        Assert.Equal("[not json", (string?)values["x:y"]);
    }
}
