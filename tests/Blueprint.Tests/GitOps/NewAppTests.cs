using Bootstrap.Cli;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.GitOps;

public sealed class NewAppTests : CliSession
{
    private int NewApp(string env, string name, params string[] extra) =>
        Run(["new-app", env, name, "--chart", "app-template", "--repo", "https://bjw-s-labs.github.io/helm-charts", "--version", "5.2.1", .. extra]);

    [Fact]
    public void A_new_app_is_two_files_that_lint_clean()
    {
        var before = Directory.GetFiles(Repository.Path, "*", SearchOption.AllDirectories).Length;

        Assert.Equal(ExitCodes.Ok, NewApp("dev", "myapp"));

        Assert.Equal(before + 2, Directory.GetFiles(Repository.Path, "*", SearchOption.AllDirectories).Length);
        Assert.Equal(
            "{\n  \"name\": \"myapp\",\n  \"chart\": \"app-template\",\n  \"repo\": \"https://bjw-s-labs.github.io/helm-charts\",\n  \"version\": \"5.2.1\",\n  \"namespace\": \"dev-myapp\",\n  \"podSecurity\": \"restricted\"\n}\n",
            File.ReadAllText(Repository.File("gitops/apps/apps-dev/myapp/config.json")));
        Assert.StartsWith("# dev-myapp: values for chart app-template 5.2.1", File.ReadAllText(Repository.File("stacks/dev/apps/myapp-values.yaml")), StringComparison.Ordinal);
        Assert.Contains("ApplicationSet apps-dev creates Application dev-myapp", Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("dev syncs automatically", Out.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, Run("lint"));
    }

    [Fact]
    public void Ops_apps_wait_for_an_operator_and_baseline_can_be_asked_for()
    {
        Assert.Equal(ExitCodes.Ok, NewApp("ops", "status", "--namespace", "ops-web", "--pod-security", "baseline"));

        Assert.Contains("\"namespace\": \"ops-web\"", File.ReadAllText(Repository.File("gitops/apps/apps-ops/status/config.json")), StringComparison.Ordinal);
        Assert.Contains("\"podSecurity\": \"baseline\"", File.ReadAllText(Repository.File("gitops/apps/apps-ops/status/config.json")), StringComparison.Ordinal);
        Assert.Contains("an operator runs argocd app sync ops-status", Out.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, Run("lint"));
    }

    [Theory]
    [InlineData("dev", "nginx", new string[0], "already exists")]
    [InlineData("prod", "web", new string[0], "environment \"prod\": has no ApplicationSet; use one of: dev, monitoring, ops")]
    [InlineData("dev", "web", new[] { "--namespace", "kube-system" }, "\"kube-system\" is a core namespace")]
    [InlineData("dev", "web", new[] { "--namespace", "cert-manager" }, "\"cert-manager\" is a core namespace")]
    [InlineData("dev", "web", new[] { "--pod-security", "privileged" }, "podSecurity: is \"privileged\"")]
    public void Refusals_name_the_problem_and_write_nothing(string env, string name, string[] extra, string message)
    {
        var before = Directory.GetFiles(Repository.Path, "*", SearchOption.AllDirectories).Length;

        Assert.Equal(ExitCodes.Invalid, NewApp(env, name, extra));

        Assert.Contains(message, Err.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(Repository.Path, "*", SearchOption.AllDirectories).Length);
    }

    [Theory]
    [InlineData("dev", "Web_App", "app name 'Web_App': not a DNS-1123 label")]
    [InlineData("dev", "../../../outside", "app name '../../../outside': not a DNS-1123 label")]
    [InlineData("../dev", "web", "environment '../dev': not a DNS-1123 label")]
    public void A_name_that_is_not_a_DNS_label_is_a_usage_error_before_any_lookup(string env, string name, string message)
    {
        var before = Directory.GetFiles(Repository.Path, "*", SearchOption.AllDirectories).Length;

        Assert.Equal(ExitCodes.Usage, NewApp(env, name));

        Assert.Contains(message, Err.ToString(), StringComparison.Ordinal);
        Assert.Contains("lowercase letters, digits and '-'", Err.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(Repository.Path, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void A_chart_repository_the_project_does_not_allow_is_refused()
    {
        Assert.Equal(ExitCodes.Invalid, Run("new-app", "dev", "web", "--chart", "web", "--repo", "https://charts.example.com", "--version", "1.0.0"));

        Assert.Contains("project dev does not allow this chart repository", Err.ToString(), StringComparison.Ordinal);
    }
}
