using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Analyser.Lint;

/// <summary>
/// Every object Pulumi applies and every object under gitops/ against its kind's schema: the Kubernetes OpenAPI for built-in
/// kinds, CRDs at the cluster's version for custom ones. A kind without a schema is a warning naming it, never a silent pass.
/// </summary>
public static class ManifestCheck
{
    public static IReadOnlyList<Diagnostic> Check(ClusterBlueprint blueprint, SchemaSet schemas, IRepository repository) =>
        Run(blueprint, schemas, repository).Findings;

    public static (IReadOnlyList<Diagnostic> Findings, SchemaCoverage Coverage) Run(
        ClusterBlueprint blueprint, SchemaSet schemas, IRepository repository)
    {
        var findings = new List<Diagnostic>();
        var objects = blueprint.Addons.Manifests.Select(m => (Where: $"manifest {blueprint.Config.Stack}/{m.Name} ({m.Kind})", m.Body)).ToList();
        // A kustomization is a build file Argo CD runs `kustomize build` on (argo-cd reposerver/repository: a source folder
        // holding kustomization.yaml is a Kustomize app), never an object it applies: its output is what the cluster sees.
        objects.AddRange(GitOpsTree.Load(repository, findings).Objects
            .Where(o => GitOpsObject.Text(o.Body["apiVersion"])?.StartsWith("kustomize.config.k8s.io/", StringComparison.Ordinal) != true)
            .Select(o => (o.Where, o.Body)));

        var catalog = KindCatalog.For(blueprint, schemas, repository);
        var validated = new Dictionary<ApiKind, int>();
        var unvalidated = new Dictionary<ApiKind, List<string>>();
        var reportedGaps = new HashSet<FamilyGap>();
        foreach (var (where, body) in objects)
        {
            if (ApiKind.Of(body) is not { } kind)
            {
                findings.Add(FindingId.Manifest.At(
                    where,
                    "is not a Kubernetes object: apiVersion or kind is missing",
                    "give every document apiVersion, kind and metadata"));
                continue;
            }

            var found = Lookup(catalog, kind, findings, reportedGaps);
            if (found is null)
            {
                (unvalidated.TryGetValue(kind, out var list) ? list : unvalidated[kind] = []).Add(where);
                continue;
            }

            findings.AddRange(CheckObject(where, body, kind, found, catalog));
            validated[kind] = validated.GetValueOrDefault(kind) + 1;
        }

        var warned = unvalidated.Where(u => catalog.GapFor(u.Key.Group) is null).OrderBy(u => u.Key.ToString(), StringComparer.Ordinal);
        foreach (var (kind, places) in warned)
        {
            findings.Add(FindingId.KindNotValidated.At(
                places[0],
                $"{kind} is not validated: the schema folder ({schemas.Root}) has no schema for it"
                + (places.Count > 1
                    ? $" ({places.Count} objects, also {string.Join(", ", places.Skip(1).Take(3))}" + (places.Count > 4 ? ", ...)" : ")")
                    : ""),
                "add its CRD (or OpenAPI document) to the schema folder, see its SOURCES.md; until then only the API server checks it"));
        }

        var notValidated = unvalidated.ToDictionary(u => u.Key, u => u.Value.Count);
        return (findings, new SchemaCoverage(blueprint.Config.Stack, catalog.Sources, catalog.KubernetesNote, validated, notValidated)
        {
            StandIns = catalog.Warnings,
        });
    }

    private static KindSchema? Lookup(KindCatalog catalog, ApiKind kind, List<Diagnostic> findings, HashSet<FamilyGap> reportedGaps)
    {
        try
        {
            var found = catalog.Find(kind);
            if (found is null && catalog.GapFor(kind.Group) is { } gap && reportedGaps.Add(gap))
            {
                findings.Add(gap.Problem);
            }

            return found;
        }
        catch (SchemaFileException e)
        {
            findings.Add(FindingId.SchemaFileBroken.At(e.File, e.Problem, "restore it from upstream (see the schema folder's SOURCES.md)"));
            return null;
        }
    }

    private static IEnumerable<Diagnostic> CheckObject(string where, JsonObject body, ApiKind kind, KindSchema found, KindCatalog catalog)
    {
        if (found.Schema is null)
        {
            return found.ServedAs.Count > 0
                ?
                [
                    FindingId.Manifest.At(
                        $"{where}: apiVersion",
                        $"is {kind.ApiVersion}, but {found.Source} serves {kind.Kind} only as {string.Join(", ", found.ServedAs)}",
                        $"write apiVersion: {found.ServedAs[^1]}"),
                ]
                : [FindingId.Manifest.At(
                    $"{where}: kind",
                    $"is {kind.Kind}, which {found.Source} does not serve in {kind.ApiVersion}",
                    "check its spelling")];
        }

        var violations = SchemaViolation.Find(found.Schema, body).ToList();
        // A CRD's schema leaves metadata to the API server, which drops what ObjectMeta does not declare.
        if (found.CustomResource && catalog.ObjectMeta is { } meta && body["metadata"] is JsonObject metadata)
        {
            violations.AddRange(SchemaViolation.Find(meta, metadata, at: "metadata"));
        }

        return violations.Select(v => FindingId.Manifest.At($"{where}: {v.Where}", v.Problem, v.Fix));
    }
}

/// <summary>How many objects of each kind one stack's schema check covered, and which kinds it could not check.</summary>
public sealed record SchemaCoverage(
    string Stack,
    IReadOnlyList<string> Sources,
    string? KubernetesNote,
    IReadOnlyDictionary<ApiKind, int> Validated,
    IReadOnlyDictionary<ApiKind, int> NotValidated)
{
    /// <summary>The warnings for older schemas standing in for pinned ones that could not be had (lint reports them once).</summary>
    public IReadOnlyList<Diagnostic> StandIns { get; init; } = [];

    /// <summary>One line for lint's output: counts by kind, then the kinds left unvalidated.</summary>
    public string Summary()
    {
        var validated = Validated.OrderBy(v => v.Key.Kind, StringComparer.Ordinal).ThenBy(v => v.Key.ApiVersion, StringComparer.Ordinal)
            .Select(v => $"{v.Key.Kind} {v.Value}");
        var line = $"schemas {Stack}: {Validated.Values.Sum()} objects validated ({string.Join(", ", validated)}) "
            + $"against {string.Join(", ", Sources)}";
        var missing = NotValidated.OrderBy(v => v.Key.ToString(), StringComparer.Ordinal).Select(v => $"{v.Key} {v.Value}").ToList();
        return line
            + (missing.Count == 0
                ? "; every kind has a schema"
                : $"; {NotValidated.Values.Sum()} not validated (no schema): {string.Join(", ", missing)}")
            + (KubernetesNote is null ? "" : $"; {KubernetesNote}");
    }
}
