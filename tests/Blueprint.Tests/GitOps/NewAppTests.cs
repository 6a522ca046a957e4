using Bootstrap.Cli;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.GitOps;

public sealed class NewAppTests : CliSession
{
    private int NewApp(string env, string name, params string[] extra) =>
        Run(["new-app", env, name, "--chart", "app-template", "--repo", "https://bjw-s-labs.github.io/helm-charts", "--version", "5.2.1", .. extra]);

    [Fact]
    public void A_new_app_is_three_files_that_lint_clean()
    {
        var before = Directory.GetFiles(Repository.Path, "*", SearchOption.AllDirectories).Length;

        Assert.Equal(ExitCodes.Ok, NewApp("dev", "myapp"));

        Assert.Equal(before + 3, Directory.GetFiles(Repository.Path, "*", SearchOption.AllDirectories).Length);
        var access = File.ReadAllText(Repository.File("gitops/apps/apps-dev/myapp/access.yaml"));
        Assert.Contains(
            "name: myapp-default-deny\n  namespace: dev-myapp\nspec:\n  podSelector: {}\n  policyTypes:\n    - Ingress\n    - Egress\n",
            access,
            StringComparison.Ordinal);
        Assert.DoesNotContain("kind: HTTPRoute", access, StringComparison.Ordinal);
        Assert.Equal(
            "{\n  \"name\": \"myapp\",\n  \"chart\": \"app-template\",\n  \"repo\": \"https://bjw-s-labs.github.io/helm-charts\",\n"
            + "  \"version\": \"5.2.1\",\n  \"namespace\": \"dev-myapp\",\n  \"podSecurity\": \"restricted\"\n}\n",
            File.ReadAllText(Repository.File("gitops/apps/apps-dev/myapp/config.json")));
        Assert.StartsWith(
            "# dev-myapp: values for chart app-template 5.2.1",
            File.ReadAllText(Repository.File("stacks/dev/apps/myapp-values.yaml")),
            StringComparison.Ordinal);
        Assert.Contains("ApplicationSet apps-dev creates Application dev-myapp", Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("dev syncs automatically", Out.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, Run("lint"));
    }

    [Fact]
    public void Ops_apps_wait_for_an_operator_and_baseline_can_be_asked_for()
    {
        Assert.Equal(ExitCodes.Ok, NewApp("ops", "status", "--namespace", "ops-web", "--pod-security", "baseline"));

        Assert.Contains(
            "\"namespace\": \"ops-web\"", File.ReadAllText(Repository.File("gitops/apps/apps-ops/status/config.json")), StringComparison.Ordinal);
        Assert.Contains(
            "\"podSecurity\": \"baseline\"", File.ReadAllText(Repository.File("gitops/apps/apps-ops/status/config.json")), StringComparison.Ordinal);
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

    [Fact]
    public void Host_and_egress_flags_write_the_route_and_the_allows_and_lint_clean()
    {
        Assert.Equal(
            ExitCodes.Ok,
            NewApp("dev", "web", "--host", "web.dev.lab.internal", "--port", "8080", "--egress", "fqdn:api.github.com:443", "--egress",
                "cidr:192.168.40.10/32:53/udp"));

        var config = File.ReadAllText(Repository.File("gitops/apps/apps-dev/web/config.json"));
        Assert.Contains(
            "\"routes\": [\n    {\n      \"host\": \"web.dev.lab.internal\",\n      \"service\": \"web\",\n      \"port\": 8080\n    }\n  ]",
            config,
            StringComparison.Ordinal);
        Assert.Contains("\"protocol\": \"UDP\"", config, StringComparison.Ordinal);
        var access = File.ReadAllText(Repository.File("gitops/apps/apps-dev/web/access.yaml"));
        Assert.Contains("kind: HTTPRoute\nmetadata:\n  name: web\n  namespace: dev-web\n", access, StringComparison.Ordinal);
        Assert.Contains(
            "- toFQDNs:\n        - matchName: api.github.com\n      toPorts:\n        - ports:\n            - port: \"443\"\n",
            access,
            StringComparison.Ordinal);
        Assert.Contains("rules:\n            dns:\n              - matchPattern: '*'", access, StringComparison.Ordinal);
        Assert.Contains(
            "- ipBlock:\n            cidr: 192.168.40.10/32\n      ports:\n        - protocol: UDP\n          port: 53",
            access,
            StringComparison.Ordinal);
        Assert.Contains("web.dev.lab.internal need an A record to the Gateway address", Out.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, Run("lint"));
        Assert.Matches(@"\n  web\.dev\.lab\.internal +A +192\.168\.40\.70\n", PlanOutput("dev"));
    }

    [Fact]
    public void Egress_into_an_isolated_namespace_that_does_not_let_the_app_in_is_refused()
    {
        var before = Directory.GetFiles(Repository.Path, "*", SearchOption.AllDirectories).Length;

        Assert.Equal(ExitCodes.Invalid, NewApp("dev", "web", "--egress", "namespace:dev-redis:6379"));

        Assert.Contains(
            "allows namespace dev-redis TCP 6379, but that namespace is isolated and does not let dev-web in",
            Err.ToString(),
            StringComparison.Ordinal);
        Assert.Contains(
            "add {\"namespace\": \"dev-web\", \"ports\": [6379]} to the ingress of the app in dev-redis", Err.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(Repository.Path, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Update_regenerates_access_yaml_after_config_json_changes()
    {
        var config = Repository.File("gitops/apps/apps-dev/redis/config.json");
        File.WriteAllText(
            config,
            File.ReadAllText(config)
                .Replace(
                    "\"podSecurity\": \"restricted\"",
                    "\"podSecurity\": \"restricted\",\n  \"ingress\": [{\"namespace\": \"dev-nginx\", \"ports\": [6379]}]",
                    StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Invalid, Run("lint"));
        Assert.Contains(
            "gitops/apps/apps-dev/redis/access.yaml: differs from what gitops/apps/apps-dev/redis/config.json declares",
            Err.ToString(),
            StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Ok, Run("new-app", "dev", "redis", "--update"));

        Assert.Contains("Updated:\n  gitops/apps/apps-dev/redis/access.yaml", Out.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains(
            "kubernetes.io/metadata.name: dev-nginx\n      ports:\n        - protocol: TCP\n          port: 6379",
            File.ReadAllText(Repository.File("gitops/apps/apps-dev/redis/access.yaml")),
            StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, Run("lint"));
    }

    [Theory]
    [InlineData(new[] { "--egress", "redis" }, "--egress redis: is not KIND:VALUE[:PORTS]")]
    [InlineData(new[] { "--ingress", "namespace:dev-redis:99999" }, "port \"99999\" is not a number from 1 to 65535")]
    [InlineData(new[] { "--host", "web.dev.lab.internal" }, "--host: needs its partner")]
    [InlineData(new[] { "--host", "web.example.com", "--port", "80" }, "web.example.com is not served to namespace dev-web by an HTTPS listener")]
    [InlineData(new[] { "--egress", "entity:everything" }, "egress[0]: matches none of the forms")]
    public void Bad_access_flags_are_refused(string[] extra, string message)
    {
        var exit = NewApp("dev", "web", extra);

        if (message.Contains("HTTPS listener", StringComparison.Ordinal))
        {
            // The schema accepts any host name; the Gateway's listener is lint's to check, so new-app writes and lint refuses.
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Equal(ExitCodes.Invalid, Run("lint"));
        }
        else
        {
            Assert.Equal(ExitCodes.Invalid, exit);
        }

        Assert.Contains(message, Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Update_takes_no_chart_or_access_flags()
    {
        Assert.Equal(ExitCodes.Usage, Run("new-app", "dev", "redis", "--update", "--chart", "x", "--egress", "fqdn:a.example.com"));

        Assert.Contains(
            "--update regenerates access.yaml from config.json alone; --chart, --egress cannot be given with it",
            Err.ToString(),
            StringComparison.Ordinal);
    }

    private string PlanOutput(string stack)
    {
        Out.GetStringBuilder().Clear();
        Assert.Equal(ExitCodes.Ok, Run("plan", stack, "--out", Path.Combine(Repository.Path, "out")));
        return Out.ToString();
    }
}
