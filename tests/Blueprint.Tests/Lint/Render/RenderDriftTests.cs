using System.Text.Json.Nodes;
using Bootstrap.Analyser.ChartRender;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Tests.Lint.Render;

/// <summary>Output that changes between two renders against the Application's ignoreDifferences, matched as Argo CD matches it.</summary>
public class RenderDriftTests
{
    private const string File = "gitops/clusters/dev/core/cilium.yaml";

    private static string Ca(string crt, string key) => $"""
        apiVersion: v1
        kind: Secret
        metadata: {"{"}name: cilium-ca, namespace: kube-system, annotations: {"{"}"checksum/ca": "{crt}"{"}"}{"}"}
        data: {"{"}ca.crt: {crt}, ca.key: {key}{"}"}
        """;

    [Fact]
    public void Changed_data_covered_by_a_json_pointer_passes()
    {
        var findings = Drift("jsonPointers: [/data, /metadata/annotations/checksum~1ca]");

        Assert.Empty(findings);
    }

    [Fact]
    public void Changed_fields_no_entry_covers_are_reported_with_their_pointers_and_the_entry_to_add()
    {
        var finding = Assert.Single(Drift("jsonPointers: [/data/ca.key]"));

        Assert.Equal("cilium-ca", finding.Rendered?.Name);
        Assert.Contains("at /data/ca.crt, /metadata/annotations/checksum~1ca", finding.Problem, StringComparison.Ordinal);
        Assert.Contains(
            "{group: \"\", kind: Secret, name: cilium-ca, namespace: kube-system, jsonPointers: [/data/ca.crt, /metadata/annotations/checksum~1ca]}",
            finding.Fix,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: other-secret")]
    [InlineData("namespace: default")]
    [InlineData("group: apps")]
    public void An_entry_for_another_object_does_not_cover(string selector)
    {
        Assert.Single(Drift($"{selector}\n    jsonPointers: [/data, /metadata/annotations]"));
    }

    [Fact]
    public void Kind_and_group_are_globs_as_in_Argo_CD()
    {
        Assert.Empty(Drift("kind: \"*\"\n    group: \"*\"\n    jsonPointers: [/data, /metadata]", kind: null));
    }

    [Fact]
    public void Jq_path_expressions_cover_what_del_would_remove()
    {
        var findings = Drift("jqPathExpressions: ['.data[\"ca.crt\"]', '.data.\"ca.key\"', '.metadata.annotations']");

        Assert.Empty(findings);
    }

    [Fact]
    public void A_jq_select_covers_only_the_selected_list_item()
    {
        static string Pod(string image) => $"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {"{"}name: web, namespace: team-a{"}"}
            spec:
              template:
                spec: {"{"}containers: [{"{"}name: sidecar, image: {image}{"}"}, {"{"}name: app, image: {image}{"}"}]{"}"}
            """;
        const string select = ".spec.template.spec.containers[] | select(.name == \"app\") | .image";
        var ignore = IgnoreDifference.Of(Application($"group: apps\n    kind: Deployment\n    jqPathExpressions: ['{select}']"));

        var (findings, _) = RenderDrift.Check(Rendered.Parse(Pod("a:1")), Rendered.Parse(Pod("a:2")), "team-a", ignore, File);

        var finding = Assert.Single(findings);
        Assert.Contains("/spec/template/spec/containers/0/image", finding.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("containers/1", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jq_expression_lint_cannot_evaluate_is_a_warning_not_a_false_error()
    {
        var (findings, notes) = RenderDrift.Check(
            Rendered.Parse(Ca("a", "b")),
            Rendered.Parse(Ca("c", "d")),
            "kube-system",
            IgnoreDifference.Of(Application("kind: Secret\n    jqPathExpressions: ['.data | with_entries(select(.key | test(\"ca\")))']")),
            File);

        Assert.Empty(findings);
        var note = Assert.Single(notes);
        Assert.Contains("cannot evaluate the jq path expression", note.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_whose_name_changes_every_render_cannot_be_ignored()
    {
        static string Job(string suffix) => $"apiVersion: batch/v1\nkind: Job\nmetadata: {"{"}name: certgen-{suffix}, namespace: kube-system{"}"}\n";

        var (findings, _) = RenderDrift.Check(Rendered.Parse(Job("abc")), Rendered.Parse(Job("xyz")), "kube-system", [], File);

        Assert.Equal(["certgen-abc", "certgen-xyz"], findings.Select(f => f.Rendered!.Name).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Contains("appears in only one of two renders", f.Problem, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("helm.sh/hook: post-install", true)]
    [InlineData("argocd.argoproj.io/hook: PreSync", true)]
    [InlineData("argocd.argoproj.io/hook: Skip", false)]
    [InlineData("helm.sh/hook: crd-install", false)]
    public void Hooks_never_count_towards_the_sync_status_so_their_changes_are_left_out(string annotation, bool hook)
    {
        string Job(
            string suffix) => $"apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: certgen-{suffix}\n  namespace: kube-system\n"
                + $"  annotations:\n    {annotation}\n";

        var (findings, _) = RenderDrift.Check(Rendered.Parse(Job("abc")), Rendered.Parse(Job("xyz")), "kube-system", [], File);

        Assert.Equal(hook ? 0 : 2, findings.Count);
    }

    [Fact]
    public void A_deterministic_render_needs_no_ignoreDifferences()
    {
        var (findings, _) = RenderDrift.Check(Rendered.Parse(Ca("a", "b")), Rendered.Parse(Ca("a", "b")), "kube-system", [], File);

        Assert.Empty(findings);
    }

    private static IReadOnlyList<RenderFinding> Drift(string entry, string? kind = "Secret") =>
        RenderDrift.Check(
            Rendered.Parse(Ca("first", "key1")),
            Rendered.Parse(Ca("second", "key2")),
            "kube-system",
            IgnoreDifference.Of(Application((kind is null ? "" : $"kind: {kind}\n    ") + entry)),
            File).Findings;

    private static JsonObject Application(string entry) =>
        (JsonObject)YamlReader.Parse($"spec:\n  ignoreDifferences:\n  - {entry}\n", "app.yaml")!;
}
