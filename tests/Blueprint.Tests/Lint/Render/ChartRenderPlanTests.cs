using Bootstrap.Analyser.ChartRender;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Lint.Render;

/// <summary>What lint renders for a stack, and the helm arguments Argo CD's repo server would use for it.</summary>
public class ChartRenderPlanTests
{
    private static readonly string[] ClusterApis =
        ["cilium.io/v2", "cilium.io/v2/CiliumNetworkPolicy", "gateway.networking.k8s.io/v1", "monitoring.coreos.com/v1"];
    private static readonly string[] BootstrapApis = ["cilium.io/v2", "cilium.io/v2/CiliumNetworkPolicy"];

    [Fact]
    public void Every_core_app_is_rendered_twice_as_Argo_CD_and_the_releases_Pulumi_installs_also_with_Pulumis_values()
    {
        var (apps, findings) = Plan("dev");

        Assert.Empty(findings);
        Assert.Equal(
            ["argocd", "cert-manager", "cilium", "reloader", "sealed-secrets", "trust-manager"],
            apps.Select(a => a.App.Name).Order(StringComparer.Ordinal));
        Assert.Equal([RenderRole.ArgoCd, RenderRole.ArgoCdAgain], apps.Single(a => a.App.Name == "reloader").Templates.Select(t => t.Role));
        Assert.Equal(
            [RenderRole.ArgoCd, RenderRole.ArgoCdAgain, RenderRole.Pulumi, RenderRole.PulumiBootstrap],
            apps.Single(a => a.App.Name == "cert-manager").Templates.Select(t => t.Role));
    }

    [Fact]
    public void Argo_CDs_render_uses_the_value_files_in_order_and_Pulumis_the_merged_values_it_installs()
    {
        var blueprint = StackInput.Of("dev").Blueprint();
        var templates = Plan("dev").Apps.Single(a => a.App.Name == "cilium").Templates;

        var argoCd = templates.Single(t => t.Role == RenderRole.ArgoCd);
        Assert.Equal(["stacks/common/values/cilium.yaml", "stacks/dev/values/cilium.yaml"], argoCd.ValueFiles);
        Assert.Null(argoCd.InlineValues);
        var pulumi = templates.Single(t => t.Role == RenderRole.Pulumi);
        Assert.Empty(pulumi.ValueFiles);
        Assert.Equal(blueprint.Addons.Release("cilium").ValuesYaml, pulumi.InlineValues);
        Assert.All(templates, t => Assert.Equal(("cilium", "kube-system", "1.36.3"), (t.ReleaseName, t.Namespace, t.KubeVersion)));
    }

    [Fact]
    public void Pulumis_first_install_sees_only_the_Gateway_API_CRDs_and_the_releases_after_it_also_the_CNIs()
    {
        // Pulumi installs the Gateway API CRDs before Cilium (Stages.GatewayApiCrds); cilium-operator's come once Cilium runs.
        var apps = Plan("dev").Apps;
        var cilium = StackInput.Of("dev").Blueprint().Plan.Stages.Single(s => s.Id == Stages.Cilium);
        Assert.Contains(cilium.After, e => e.Stage == Stages.GatewayApiCrds);

        Assert.Equal(
            ["gateway.networking.k8s.io/v1"],
            apps.Single(a => a.App.Name == "cilium").Templates.Single(t => t.Role == RenderRole.PulumiBootstrap).ApiVersions);
        Assert.Equal(
            [.. BootstrapApis, "gateway.networking.k8s.io/v1"],
            apps.Single(a => a.App.Name == "argocd").Templates.Single(t => t.Role == RenderRole.PulumiBootstrap).ApiVersions);
        Assert.Equal(ClusterApis, apps.Single(a => a.App.Name == "argocd").Templates.Single(t => t.Role == RenderRole.ArgoCd).ApiVersions);
    }

    [Fact]
    public void Helm_gets_the_arguments_Argo_CDs_repo_server_builds()
    {
        // argo-cd v3.4.4 util/helm/cmd.go template: name, namespace, kube version, --values per file, --api-versions each, --include-crds.
        var template = Plan("dev").Apps.Single(a => a.App.Name == "cilium").Templates[0];

        var args = template.Arguments("/charts/cilium-1.20.0.tgz", ["/repo/common.yaml", "/repo/dev.yaml"]);

        Assert.Equal(
            [
                "template", "/charts/cilium-1.20.0.tgz", "--name-template", "cilium", "--namespace", "kube-system", "--kube-version", "1.36.3",
                "--values", "/repo/common.yaml", "--values", "/repo/dev.yaml",
                "--api-versions", "cilium.io/v2", "--api-versions", "cilium.io/v2/CiliumNetworkPolicy",
                "--api-versions", "gateway.networking.k8s.io/v1", "--api-versions", "monitoring.coreos.com/v1",
                "--include-crds",
            ],
            args);
    }

    private static (IReadOnlyList<CoreAppRenders> Apps, IReadOnlyList<Diagnostic> Findings) Plan(string stack) =>
        ChartRenderPlan.For(StackInput.Of(stack).Blueprint(), Repo.Directory, ClusterApis, BootstrapApis);
}
