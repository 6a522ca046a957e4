using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.Lint;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Lint;

public class ValuesCheckTests
{
    private const string DevCilium = "stacks/dev/values/cilium.yaml";
    private const string DevArgoCd = "stacks/dev/values/argocd.yaml";

    [SchemaFact]
    public void Cgroup_automount_fails_although_the_cilium_schema_allows_it_and_suggests_autoMount()
    {
        var finding = Assert.Single(Check((DevCilium, "cgroup:\n  automount:\n    enabled: false\n")));

        Assert.Equal($"{DevCilium}: cgroup.automount", finding.Key);
        Assert.Contains("cilium 1.20.0", finding.Problem, StringComparison.Ordinal);
        Assert.Contains("Helm would ignore it silently", finding.Problem, StringComparison.Ordinal);
        Assert.Equal("did you mean cgroup.autoMount?", finding.Fix);
    }

    [SchemaFact]
    public void An_unknown_key_the_chart_schema_rejects_too_is_reported_once()
    {
        var finding = Assert.Single(Check(("stacks/dev/values/cert-manager.yaml", "crds:\n  kep: true\n")));

        Assert.Equal("stacks/dev/values/cert-manager.yaml: crds.kep", finding.Key);
        Assert.Contains("its schema rejects it", finding.Problem, StringComparison.Ordinal);
        Assert.Contains("enabled, keep", finding.Fix, StringComparison.Ordinal);
    }

    [SchemaFact]
    public void An_unknown_argo_cd_key_fails_although_the_chart_has_no_schema()
    {
        var finding = Assert.Single(
            Check((DevArgoCd, "global:\n  domain: argocd.dev.lab.internal\nrepoServer:\n  autoscalling:\n    enabled: true\n")));

        Assert.Equal($"{DevArgoCd}: repoServer.autoscalling", finding.Key);
        Assert.Contains("no values.schema.json", finding.Problem, StringComparison.Ordinal);
    }

    [SchemaFact]
    public void A_key_that_only_differs_in_case_at_the_top_level_suggests_the_right_one()
    {
        var finding = Assert.Single(Check((DevArgoCd, "Global:\n  domain: argocd.dev.lab.internal\n")));

        Assert.Equal($"{DevArgoCd}: Global", finding.Key);
        Assert.Equal("did you mean global?", finding.Fix);
    }

    [SchemaFact]
    public void A_wrong_type_fails_through_the_chart_schema()
    {
        var finding = Assert.Single(Check((DevCilium, "k8sServicePort: [1]\n")));

        Assert.Equal($"{DevCilium}: k8sServicePort", finding.Key);
        Assert.Equal("is [1], but must be a string or an integer", finding.Problem);
    }

    [SchemaFact]
    public void A_schema_that_uses_defs_is_resolved_and_checked()
    {
        // cert-manager's values.schema.json is draft 2020-12 style: every property is a $ref into $defs.
        var finding = Assert.Single(Check(("stacks/dev/values/cert-manager.yaml", "crds:\n  enabled: \"yes\"\n")));

        Assert.Equal("stacks/dev/values/cert-manager.yaml: crds.enabled", finding.Key);
        Assert.Contains("must be a boolean", finding.Problem, StringComparison.Ordinal);
    }

    [SchemaFact]
    public void A_null_removes_the_chart_default_as_in_Helm_and_is_not_a_type_error()
    {
        Assert.Empty(Check((DevCilium, "k8sServicePort: null\nhubble:\n  ui: null\n")));
    }

    [SchemaFact]
    public void Free_form_maps_take_any_key()
    {
        var values = """
            podAnnotations:
              example.com/team: platform
            nodeSelector:
              disktype: ssd
            tolerations:
              - key: node-role.kubernetes.io/control-plane
                effect: NoSchedule
            extraEnv:
              - name: A
                value: b
            """;

        Assert.Empty(Check((DevCilium, values)));
    }

    [SchemaFact]
    public void Keys_inside_list_items_are_checked_where_values_yaml_shows_an_example_item()
    {
        var values = """
            ciliumEndpointSlice:
              rateLimits:
                - nodes: 0
                  limit: 10
                  burst: 20
                  burts: 30
            """;

        var finding = Assert.Single(Check((DevCilium, values)));

        Assert.Equal($"{DevCilium}: ciliumEndpointSlice.rateLimits[0].burts", finding.Key);
    }

    [SchemaFact]
    public void A_chart_version_missing_from_the_schema_folder_is_an_error_naming_the_pin_and_the_folder()
    {
        const string manifest = "gitops/clusters/dev/core/cilium.yaml";
        var pinned = Repo.Directory.ReadFile(manifest)!.Replace("targetRevision: 1.20.0", "targetRevision: 1.20.1", StringComparison.Ordinal);

        var finding = Assert.Single(Check((manifest, pinned)));

        Assert.Equal("gitops/clusters/dev/core/cilium.yaml: spec.sources[chart].targetRevision", finding.Key);
        Assert.Contains("cilium 1.20.1", finding.Problem, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(UpstreamSchemas.Folder, "charts", "cilium", "1.20.1"), finding.Problem, StringComparison.Ordinal);
        Assert.Contains("1.20.0", finding.Fix, StringComparison.Ordinal);
    }

    private static IReadOnlyList<Diagnostic> Check(params (string File, string Text)[] files)
    {
        using var repository = new RepoCopy().Write(files);
        return ValuesCheck.Check(StackInput.Of("dev").Blueprint(), UpstreamSchemas.Set, repository);
    }
}
