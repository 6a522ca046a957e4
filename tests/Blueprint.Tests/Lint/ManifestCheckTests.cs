using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Analyser.Lint;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Lint;

public class ManifestCheckTests
{
    private const string CoreCilium = "gitops/clusters/dev/core/cilium.yaml";

    [SchemaFact]
    public void An_Application_with_an_unknown_spec_field_fails_with_its_path()
    {
        var text = Repo.Directory.ReadFile(CoreCilium)!.Replace("  syncPolicy:", "  ignoreDifference: []\n  syncPolicy:", StringComparison.Ordinal);

        var finding = Assert.Single(Check((CoreCilium, text)));

        Assert.Equal($"{CoreCilium}: spec.ignoreDifference", finding.Key);
        Assert.Contains("ignoreDifferences", finding.Fix, StringComparison.Ordinal);
    }

    [SchemaFact]
    public void A_misspelled_field_inside_a_source_names_the_list_item()
    {
        var text = Repo.Directory.ReadFile(CoreCilium)!.Replace("targetRevision: 1.20.0", "targetRevison: 1.20.0", StringComparison.Ordinal);

        var keys = Check((CoreCilium, text)).Select(f => f.Key).ToList();

        Assert.Contains($"{CoreCilium}: spec.sources[0].targetRevison", keys);
    }

    [SchemaFact]
    public void Every_document_of_a_multi_document_file_is_checked_whatever_its_kind()
    {
        var text = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: team-a
              bogus: now-checked
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: AppProject
            metadata:
              name: team-a
              namespace: argocd
            spec:
              sourceRepo: https://github.com/example/k8s-talos.git
            """;

        var findings = Check(("gitops/projects/team-a.yaml", text));

        Assert.Equal(
            [
                "gitops/projects/team-a.yaml (document 1, Namespace team-a): metadata.bogus",
                "gitops/projects/team-a.yaml (document 2, AppProject team-a): spec.sourceRepo"],
            findings.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Contains(
            "sourceRepos", findings.Single(f => f.Key.EndsWith("spec.sourceRepo", StringComparison.Ordinal)).Fix, StringComparison.Ordinal);
    }

    [SchemaFact]
    public void A_gitops_file_that_is_not_valid_YAML_is_an_error_with_its_line()
    {
        var finding = Assert.Single(Check(("gitops/projects/broken.yaml", "kind: AppProject\nspec: [\n")));

        Assert.StartsWith("gitops/projects/broken.yaml:", finding.Key, StringComparison.Ordinal);
    }

    [SchemaFact]
    public void The_root_Application_Pulumi_creates_is_checked_too()
    {
        var blueprint = StackInput.Of("dev").Blueprint();
        var root = blueprint.Addons.Manifests.Single(m => m.Kind == "Application");
        var body = (JsonObject)root.Body.DeepClone();
        body["spec"]!["source"]!["recurse"] = true;
        blueprint = blueprint with { Addons = blueprint.Addons with { RootApplication = new Manifest(root.Name, body) } };

        var finding = Assert.Single(ManifestCheck.Check(blueprint, UpstreamSchemas.Set, Repo.Directory));

        Assert.Equal("manifest dev/root (Application): spec.source.recurse", finding.Key);
    }

    [SchemaFact]
    public void Argo_CD_CRDs_missing_for_the_installed_Argo_CD_are_an_error_naming_the_version_and_file()
    {
        // The argo-cd chart is there (it tells the Argo CD release), its CRDs are not.
        using var folder = new TempFolder().CopyFrom(UpstreamSchemas.Folder, "charts/argo-cd");

        var findings = ManifestCheck.Check(StackInput.Of("dev").Blueprint(), new SchemaSet(folder.Path), Repo.Directory);

        // The folder lacks the other families' CRDs too; each family the cluster pins is one error naming its folder.
        var argoCd = Assert.Single(findings, f => f.Problem.Contains("argoproj.io", StringComparison.Ordinal));
        Assert.Equal(Severity.Error, argoCd.Severity);
        Assert.Equal("gitops/clusters/dev/core/argocd.yaml: spec.sources[chart].targetRevision", argoCd.Key);
        Assert.Contains(Path.Combine(folder.Path, "argocd-crds", "v3.4.4"), argoCd.Problem, StringComparison.Ordinal);
    }

    private static IReadOnlyList<Diagnostic> Check(params (string File, string Text)[] files)
    {
        using var repository = new RepoCopy().Write(files);
        return ManifestCheck.Check(StackInput.Of("dev").Blueprint(), UpstreamSchemas.Set, repository);
    }
}
