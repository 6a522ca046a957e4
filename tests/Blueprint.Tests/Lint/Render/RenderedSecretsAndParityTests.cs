using Bootstrap.Analyser.ChartRender;

namespace Bootstrap.Blueprint.Tests.Lint.Render;

/// <summary>Literal Secret data from Git, and Pulumi's merged values rendering what Argo CD's value files render.</summary>
public class RenderedSecretsAndParityTests
{
    private static string Secret(string data, string name = "app-credentials") =>
        $"apiVersion: v1\nkind: Secret\nmetadata: {"{"}name: {name}, namespace: team-a{"}"}\n{data}\n";

    [Fact]
    public void A_Secret_rendering_the_same_data_twice_is_plain_text_from_Git()
    {
        var render = Rendered.Parse(Secret("stringData: {token: hunter2}\ndata: {password: aHVudGVyMg==, empty: \"\"}"));

        var finding = Assert.Single(SecretData.Check(
            render, Rendered.Parse(Secret("stringData: {token: hunter2}\ndata: {password: aHVudGVyMg==, empty: \"\"}")), "team-a"));

        Assert.Equal("app-credentials", finding.Rendered?.Name);
        Assert.StartsWith("renders data.password, stringData.token the same on every render", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Secret_the_chart_generates_on_every_render_is_left_to_the_drift_check()
    {
        Assert.Empty(SecretData.Check(Rendered.Parse(Secret("data: {tls.key: AAAA}")), Rendered.Parse(Secret("data: {tls.key: BBBB}")), "team-a"));
    }

    [Fact]
    public void A_Secret_without_data_and_other_kinds_are_fine()
    {
        var render = Rendered.Parse(Secret("type: Opaque")
            + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: team-a}\ndata: {a: b}\n");

        Assert.Empty(SecretData.Check(render, render, "team-a"));
    }

    private static string Deployment(int replicas, string random = "x") =>
        $"apiVersion: apps/v1\nkind: Deployment\nmetadata: {"{"}name: web, namespace: team-a, annotations: {"{"}rollme: {random}{"}"}{"}"}\n"
        + $"spec: {"{"}replicas: {replicas}{"}"}\n";

    [Fact]
    public void Equal_renders_from_both_value_sources_pass()
    {
        var argoCd = Rendered.Parse(Deployment(2));

        Assert.Empty(ValuesParity.Check(argoCd, argoCd, Rendered.Parse(Deployment(2)), "team-a"));
    }

    [Fact]
    public void A_field_Pulumi_renders_differently_is_reported_with_its_pointer()
    {
        var argoCd = Rendered.Parse(Deployment(2));

        var finding = Assert.Single(ValuesParity.Check(argoCd, argoCd, Rendered.Parse(Deployment(3)), "team-a"));

        Assert.Contains("from Pulumi's merged values than from Argo CD's value files at /spec/replicas", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_that_change_on_every_render_are_not_counted_as_a_values_difference()
    {
        Assert.Empty(ValuesParity.Check(
            Rendered.Parse(Deployment(2, "a")), Rendered.Parse(Deployment(2, "b")), Rendered.Parse(Deployment(2, "c")), "team-a"));
    }

    [Fact]
    public void An_object_only_one_side_renders_is_reported_as_created_or_pruned_by_the_first_sync()
    {
        var extra = "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: extra, namespace: team-a}\n";
        var argoCd = Rendered.Parse(Deployment(2) + extra);
        var pulumi = Rendered.Parse(Deployment(2));

        Assert.Contains(
            "Argo CD's first sync would create it",
            Assert.Single(ValuesParity.Check(argoCd, argoCd, pulumi, "team-a")).Problem,
            StringComparison.Ordinal);
        Assert.Contains(
            "Argo CD's first sync would prune it",
            Assert.Single(ValuesParity.Check(pulumi, pulumi, argoCd, "team-a")).Problem,
            StringComparison.Ordinal);
    }
}
