using Bootstrap.Analyser.ChartRender;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Lint.Render;

/// <summary>How render findings reach the user: each names the Application file and the rendered object or chart.</summary>
public class ChartRenderCheckTests
{
    private const string Reloader = "gitops/clusters/dev/core/reloader.yaml";

    private static readonly string PrivilegedPod = Rendered.Deployment(
        "containers: [{name: app, image: x, securityContext: {privileged: true}}]", "reloader", "reloader");

    [Fact]
    public void A_render_error_is_one_error_naming_the_Application_and_chart()
    {
        const string error = "Error: execution error at (reloader/templates/deployment.yaml:12:3): boom";

        var finding = Assert.Single(Check("reloader", template => new RenderOutput(template, null, $"{error}\nUse --debug flag")));

        Assert.Equal($"{Reloader}: reloader 2.2.16", finding.Key);
        Assert.Contains($"helm template fails as Argo CD renders it: {error}", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_names_the_Application_file_the_object_and_its_template()
    {
        var finding = Assert.Single(Check(
            "reloader", template => new RenderOutput(template, $"---\n# Source: reloader/templates/deployment.yaml\n{PrivilegedPod}", null)));

        Assert.Equal($"{Reloader}: Deployment reloader/reloader (reloader/templates/deployment.yaml)", finding.Key);
        Assert.Contains("breaks Pod Security baseline", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Pods_in_kube_system_are_exempt_from_Pod_Security()
    {
        var pod = Rendered.Deployment("containers: [{name: app, image: x, securityContext: {privileged: true}}]", "controller", "kube-system");

        Assert.Empty(Check("sealed-secrets", template => new RenderOutput(template, pod, null)));
    }

    [Fact]
    public void Pulumis_bootstrap_render_failing_alone_is_reported_as_the_first_install_failing()
    {
        var finding = Assert.Single(Check("cert-manager", template => template.Role == RenderRole.PulumiBootstrap
            ? new RenderOutput(template, null, "Error: requires monitoring.coreos.com/v1")
            : new RenderOutput(template, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: cert-manager}\n", null)));

        Assert.Contains(
            "helm template fails with Pulumi's values as its first install sees the cluster (built-in API plus cilium.io/v2)",
            finding.Problem,
            StringComparison.Ordinal);
    }

    private static IReadOnlyList<Diagnostic> Check(string app, Func<HelmTemplate, RenderOutput> render)
    {
        var plan = ChartRenderPlan.For(StackInput.Of("dev").Blueprint(), Repo.Directory, ["cilium.io/v2"], ["cilium.io/v2"]).Apps
            .Single(a => a.App.Name == app);
        return ChartRenderCheck.Check(plan, plan.Templates.Select(render).ToList(), Repo.Directory, new RenderedManifest());
    }
}
