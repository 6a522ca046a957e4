using Bootstrap.Analyser.ChartRender;

namespace Bootstrap.Blueprint.Tests.Lint.Render;

/// <summary>What Pulumi's first install of a release can create, given the APIs the cluster serves at that point.</summary>
public class BootstrapKindsTests
{
    private const string ServiceMonitor = "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\n"
        + "metadata: {name: cert-manager, namespace: cert-manager}\nspec: {}\n";

    [Fact]
    public void A_custom_resource_no_CRD_serves_yet_stops_the_install()
    {
        var finding = Assert.Single(BootstrapKinds.Check(
            Rendered.Parse(ServiceMonitor), ["cilium.io/v2", "cilium.io/v2/CiliumLoadBalancerIPPool"], "cert-manager"));

        Assert.Equal("cert-manager", finding.Rendered?.Name);
        Assert.Contains("no CRD serves monitoring.coreos.com/v1 yet", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Built_in_kinds_served_CRDs_and_the_charts_own_crds_folder_are_fine()
    {
        var render = Rendered.Parse("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: a}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: a}
            ---
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: a}
            """)
            .Concat(Rendered.Parse(Crd("bitnami.com", "SealedSecret"), "sealed-secrets/crds/bitnami.com_sealedsecrets.yaml"))
            .Concat(Rendered.Parse("apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: a}\n"))
            .ToList();

        Assert.Empty(BootstrapKinds.Check(render, ["cilium.io/v2"], "sealed-secrets"));
    }

    [Fact]
    public void A_CRD_from_the_charts_templates_does_not_serve_its_kind_within_the_same_install()
    {
        var render = Rendered.Parse(Crd("trust.cert-manager.io", "Bundle"), "trust-manager/templates/crd.yaml")
            .Concat(Rendered.Parse("apiVersion: trust.cert-manager.io/v1alpha1\nkind: Bundle\nmetadata: {name: a}\n"))
            .ToList();

        Assert.Single(BootstrapKinds.Check(render, [], "trust-manager"));
    }

    [Theory]
    [InlineData("gateway.networking.k8s.io", true)]
    [InlineData("monitoring.coreos.com", true)]
    [InlineData("example.com", true)]
    [InlineData("", false)]
    [InlineData("apps", false)]
    [InlineData("networking.k8s.io", false)]
    [InlineData("admissionregistration.k8s.io", false)]
    public void Groups_are_custom_unless_Kubernetes_own(string group, bool custom)
    {
        Assert.Equal(custom, BootstrapKinds.IsCustom(group));
    }

    private static string Crd(string group, string kind) =>
        $"apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {{name: x.{group}}}\n"
        + $"spec: {{group: {group}, names: {{kind: {kind}}}}}\n";
}
