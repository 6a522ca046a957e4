using System.Text.Json;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Validation;
using Bootstrap.Blueprint.Yaml;
using NJsonSchema;

namespace Bootstrap.Blueprint.Lint;

/// <summary>
/// Argo CD objects (Application, ApplicationSet, AppProject) against the CRDs of the Argo CD release the blueprint installs:
/// the manifests Pulumi creates (the root Application) and every YAML file under gitops/. Other kinds are not checked yet.
/// </summary>
public static class ManifestCheck
{
    private const string ArgoCdChart = "argo-cd";
    private const string ArgoCdGroup = "argoproj.io";

    public static IReadOnlyList<Diagnostic> Check(ClusterBlueprint blueprint, SchemaSet schemas, IRepository repository)
    {
        var objects = new List<(string Where, JsonObject Body)>();
        objects.AddRange(blueprint.Addons.Manifests.Select(m => ($"manifest {blueprint.Config.Stack}/{m.Name} ({m.Kind})", m.Body)));
        var findings = new List<Diagnostic>();
        objects.AddRange(GitOpsTree.Load(repository, findings).Objects.Select(o => (o.Where, o.Body)));

        var argoObjects = objects.Where(o => IsArgoCd(o.Body)).ToList();
        if (argoObjects.Count == 0)
        {
            return findings;
        }

        var (argoCdVersion, versionProblem) = ArgoCdVersion(blueprint, schemas);
        if (versionProblem is not null)
        {
            findings.Add(versionProblem);
            return findings;
        }

        foreach (var (where, body) in argoObjects)
        {
            findings.AddRange(CheckObject(where, body, argoCdVersion!, schemas));
        }

        return findings;
    }

    private static IEnumerable<Diagnostic> CheckObject(string where, JsonObject body, string argoCdVersion, SchemaSet schemas)
    {
        var kind = Text(body["kind"])!;
        var apiVersion = Text(body["apiVersion"])!;
        if (apiVersion != $"{ArgoCdGroup}/{SchemaSet.ArgoCdApiVersion}")
        {
            return [Diagnostic.Error($"{where}: apiVersion", $"is {apiVersion}, but Argo CD {argoCdVersion} serves {kind} only as {ArgoCdGroup}/{SchemaSet.ArgoCdApiVersion}", $"write apiVersion: {ArgoCdGroup}/{SchemaSet.ArgoCdApiVersion}")];
        }

        JsonSchema? schema;
        try
        {
            schema = schemas.ArgoCdCrd(argoCdVersion, kind);
        }
        catch (SchemaFileException e)
        {
            return [Diagnostic.Error(e.File, e.Problem, $"restore it from argoproj/argo-cd {argoCdVersion} manifests/crds (see the schema folder's SOURCES.md)")];
        }

        if (schema is null)
        {
            return
            [
                Diagnostic.Error(
                    $"{where}: kind",
                    $"is {kind}, but the schema folder has no Argo CD {argoCdVersion} CRD for it: looked for {schemas.ArgoCdCrdFile(argoCdVersion, kind)}",
                    $"add manifests/crds/{SchemaSet.ArgoCdCrdFiles[kind]} of argoproj/argo-cd {argoCdVersion} there"),
            ];
        }

        return SchemaViolation.Find(schema, body).Select(v => Diagnostic.Error($"{where}: {v.Where}", v.Problem, v.Fix));
    }

    /// <summary>The Argo CD release the cluster runs is the appVersion of the argo-cd chart the blueprint installs (10.1.1 → v3.4.4).</summary>
    private static (string? Version, Diagnostic? Problem) ArgoCdVersion(ClusterBlueprint blueprint, SchemaSet schemas)
    {
        var release = blueprint.Addons.Releases.FirstOrDefault(r => r.Chart == ArgoCdChart);
        if (release is null)
        {
            return (null, Diagnostic.Error(Keys.GitOpsField("path"), $"installs no {ArgoCdChart} chart, so the Argo CD release whose CRDs the Argo CD objects must match is unknown", $"add the argocd core app under {blueprint.Config.GitOps.Path}/core/"));
        }

        var appFile = CoreAppReader.PathFor(blueprint.Config.GitOps.Path, release.App);
        try
        {
            var chart = schemas.Chart(release.Chart, release.Version);
            if (chart is null)
            {
                return (null, Diagnostic.Error(
                    $"{appFile}: spec.sources[chart].targetRevision",
                    $"pins {ArgoCdChart} {release.Version}, whose Chart.yaml is not in the schema folder (looked in {schemas.ChartFolder(release.Chart, release.Version)}), so the Argo CD objects cannot be checked against the CRDs of the Argo CD it installs",
                    $"add {ArgoCdChart} {release.Version}'s Chart.yaml and values.yaml to the schema folder"));
            }

            if (chart.AppVersion.Length == 0)
            {
                return (null, Diagnostic.Error(Path.Combine(schemas.ChartFolder(release.Chart, release.Version), ChartSchema.ChartFile), "has no appVersion, so the Argo CD release is unknown", "restore the upstream Chart.yaml"));
            }

            return (chart.AppVersion, null);
        }
        catch (SchemaFileException e)
        {
            return (null, Diagnostic.Error(e.File, e.Problem, "restore the file from the upstream chart (see the schema folder's SOURCES.md)"));
        }
    }

    private static bool IsArgoCd(JsonObject body) =>
        Text(body["kind"]) is { } kind && SchemaSet.ArgoCdCrdFiles.ContainsKey(kind)
        && Text(body["apiVersion"]) is { } apiVersion && apiVersion.StartsWith($"{ArgoCdGroup}/", StringComparison.Ordinal);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
