using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Validation;
using NJsonSchema;
using Semver;

namespace Bootstrap.Analyser.Lint;

/// <summary>Every kind one stack's cluster serves that the schema folders have a schema for: the built-in API of its Kubernetes minor
/// (else, with a warning, the nearest older one) and each CRD family at the version the cluster pins (only Cilium's, registered at
/// run time, may fall back to the nearest older release, with a warning).</summary>
public sealed class KindCatalog
{
    private readonly IReadOnlyList<CrdBundle> _bundles;
    private readonly IReadOnlyList<FamilyGap> _gaps;

    private KindCatalog(
        KubernetesSchema? kubernetes, string? kubernetesNote, IReadOnlyList<CrdBundle> bundles, IReadOnlyList<FamilyGap> gaps,
            IReadOnlyList<Diagnostic> warnings)
    {
        Warnings = warnings;
        Kubernetes = kubernetes;
        KubernetesNote = kubernetesNote;
        _bundles = bundles;
        _gaps = gaps;
    }

    public KubernetesSchema? Kubernetes { get; }

    /// <summary>Older versions standing in for pinned ones that could not be had (Kubernetes OpenAPI, run-time CRDs).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>Why the built-in schemas are of another minor than the stack runs, or null when they match.</summary>
    public string? KubernetesNote { get; }

    /// <summary>Where the schemas come from, for the coverage report: "Kubernetes 1.35", "gateway-api v1.6.1", ...</summary>
    public IReadOnlyList<string> Sources =>
        [.. Kubernetes is null ? [] : new[] { $"Kubernetes {Kubernetes.Minor}" }, .. _bundles.Select(b => b.Label)];

    /// <summary>
    /// The API versions the cluster serves beyond Helm's built-in defaults, as Argo CD hands them to <c>helm template
    /// --api-versions</c>: each group/version and group/version/kind (argo-cd util/argo/argo.go APIResourcesToStrings).
    /// </summary>
    public IReadOnlyList<string> ApiVersions =>
        (Kubernetes?.Kinds ?? []).Concat(_bundles.SelectMany(b => b.Kinds))
            .SelectMany(k => new[] { k.ApiVersion, $"{k.ApiVersion}/{k.Kind}" })
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    public static KindCatalog For(ClusterBlueprint blueprint, SchemaSet schemas, IRepository repository)
    {
        var warnings = new List<Diagnostic>();
        var (kubernetes, note) = BuiltIn(blueprint.Config.Cluster.KubernetesVersion, schemas, warnings);
        var charts = SchemaPins.Charts(blueprint, repository);
        var gatewayApi = CrdSource.GatewayApi(repository, blueprint.Config.GitOps.Path).Source;
        var bundles = new List<CrdBundle>();
        var gaps = new List<FamilyGap>();
        foreach (var family in CrdFamily.All)
        {
            var chart = family.Chart is null ? null : charts.FirstOrDefault(c => c.Chart == family.Chart);
            var (version, gap) = family.Folder == CrdFamily.GatewayApi && gatewayApi is not null
                ? Pinned(family, gatewayApi.Version, $"{gatewayApi.Kustomization}: resources", $"the Gateway API release {gatewayApi.Url}",
                    schemas, warnings)
                : Version(family, chart, schemas, warnings);
            if (gap is not null)
            {
                gaps.Add(gap);
                continue;
            }

            try
            {
                if (version is not null && schemas.Crds(family, version.Value.Folder, version.Value.Version) is { } bundle)
                {
                    bundles.Add(bundle);
                }
            }
            catch (SchemaFileException e)
            {
                gaps.Add(new FamilyGap(family, FindingId.SchemaFileBroken.At(
                    e.File, e.Problem, "restore it from upstream (see the schema folder's SOURCES.md)")));
            }
        }

        return new KindCatalog(kubernetes, note, bundles, gaps, warnings);
    }

    /// <summary>The schema of a kind, "not served at this version", or null when the folder knows nothing of it.</summary>
    public KindSchema? Find(ApiKind kind)
    {
        if (Kubernetes is not null && Kubernetes.ServesGroup(kind.Group))
        {
            var source = $"Kubernetes {Kubernetes.Minor}";
            return Kubernetes.For(kind) is { } schema
                ? KindSchema.Found(source, schema, customResource: false)
                : KindSchema.NotServed(source, Kubernetes.Served(kind.Group, kind.Kind));
        }

        return _bundles.Select(b => b.Find(kind)).FirstOrDefault(k => k is not null);
    }

    /// <summary>Whether a kind is namespaced, as the pinned sources say: the Kubernetes OpenAPI's REST paths for built-in kinds, a
    /// CRD's <c>spec.scope</c> for custom ones; null when none of them knows the kind's scope.</summary>
    public bool? IsNamespaced(string group, string kind) =>
        Kubernetes?.IsNamespaced(group, kind) ?? _bundles.Select(b => b.IsNamespaced(group, kind)).FirstOrDefault(n => n is not null);

    /// <summary>What <see cref="IsNamespaced"/> reads, for "scope unknown" messages.</summary>
    public string ScopeSources =>
        Sources.Count == 0 ? "no schema folder source" : $"the pinned {string.Join(", ", Sources)} (its OpenAPI paths and CRD scopes)";

    /// <summary>Why the kinds of a group cannot be checked although the cluster pins their schemas' version.</summary>
    public FamilyGap? GapFor(string group) => _gaps.FirstOrDefault(g => g.Family.Groups.Contains(group));

    /// <summary>The metadata schema for custom resources, whose CRDs leave metadata to the API server.</summary>
    public JsonSchema? ObjectMeta => Kubernetes?.ObjectMeta;

    /// <summary>
    /// The built-in API of the cluster's exact minor; when no folder has it (and it could not be fetched), the nearest older
    /// minor stands in with a warning naming both: the API changes little between minors, unlike a chart's values.
    /// </summary>
    private static (KubernetesSchema? Schema, string? Note) BuiltIn(string kubernetesVersion, SchemaSet schemas, List<Diagnostic> warnings)
    {
        var wanted = SemVersion.TryParse(kubernetesVersion, SemVersionStyles.Any, out var parsed) ? parsed : null;
        var minors = schemas.Versions("kubernetes")
            .Select(m => (Name: m, Version: SemVersion.TryParse(m, SemVersionStyles.Any, out var v) ? v : null))
            .Where(m => m.Version is not null)
            .OrderByDescending(m => m.Version!, SemVersion.PrecedenceComparer)
            .ToList();
        if (wanted is null)
        {
            return (null, null);
        }

        var minor = $"{wanted.Major}.{wanted.Minor}";
        var exact = minors.FirstOrDefault(m => m.Version!.Major == wanted.Major && m.Version.Minor == wanted.Minor);
        var older = minors.FirstOrDefault(m => SemVersion.ComparePrecedence(m.Version!, wanted) < 0);
        var key = Keys.Of("kubernetesVersion");
        if (exact.Name is null && older.Name is null)
        {
            warnings.Add(FindingId.KubernetesSchemaMissing.At(
                key,
                $"is {kubernetesVersion}, but the Kubernetes {minor} OpenAPI is in no schema folder ({schemas.Places($"kubernetes/{minor}")})"
                + $"{schemas.WhyMissing($"kubernetes/{minor}@{kubernetesVersion}")}, nor any older minor, so built-in kinds are not validated",
                "run lint where it can fetch the pinned files, or put them into the mirror given with --schemas"));
            return (null, null);
        }

        var chosen = exact.Name ?? older.Name!;
        if (exact.Name is null)
        {
            warnings.Add(FindingId.KubernetesSchemaMissing.At(
                key,
                $"is {kubernetesVersion}, but the Kubernetes {minor} OpenAPI is in no schema folder"
                + $"{schemas.WhyMissing($"kubernetes/{minor}@{kubernetesVersion}")}; "
                + $"built-in kinds are checked against Kubernetes {chosen}, the nearest older minor",
                $"run lint where it can fetch Kubernetes {minor}'s OpenAPI, or add it to the mirror given with --schemas"));
        }

        var note = exact.Name is null
            ? $"the stack runs Kubernetes {kubernetesVersion}; the schema folder has no kubernetes/{minor}, "
                + $"so built-in kinds are checked against {chosen}"
            : null;
        return (schemas.Kubernetes(chosen), note);
    }

    private static ((string Folder, string Version)? Version, FamilyGap? Gap) Version(
        CrdFamily family, ChartPin? app, SchemaSet schemas, List<Diagnostic> warnings)
    {
        if (app is null)
        {
            var newest = Newest(schemas.Versions(family.Folder));
            return (newest is null ? null : (family.Folder, newest), null);
        }

        var key = app.PinnedAt;
        var version = SchemaPins.VersionOf(family, app, schemas);
        if (version is null)
        {
            ChartSchema? chart;
            try
            {
                chart = schemas.Chart(app.Chart, app.Version);
            }
            catch (SchemaFileException e)
            {
                var problem = FindingId.SchemaFileBroken.At(
                    e.File, e.Problem, "restore the file from the upstream chart (see the schema folder's SOURCES.md)");
                return (null, new FamilyGap(family, problem));
            }

            if (chart is null || chart.AppVersion.Length == 0)
            {
                return (null, new FamilyGap(family, FindingId.SchemaMissing.At(
                    key,
                    $"pins {app.Chart} {app.Version}, whose package (with its Chart.yaml appVersion) is in no chart folder "
                    + $"(looked in {schemas.ChartFolder(app.Chart, app.Version)}){schemas.WhyMissing($"charts/{app.Chart}/{app.Version}")}, "
                    + $"so the {string.Join(", ", family.Groups)} objects cannot be checked against the CRDs of the release it installs",
                    $"run lint where it can fetch the chart from {app.RepoUrl}, or put its package into the mirror given with --charts")));
            }

            version = chart.AppVersion;
        }

        return Pinned(family, version, key, $"{app.Chart} {app.Version}", schemas, warnings);
    }

    /// <summary>The family's folder at exactly the pinned version; for CRDs registered at run time, else the nearest older release
    /// with a warning naming both; else a gap naming what could not be had.</summary>
    private static ((string Folder, string Version)? Version, FamilyGap? Gap) Pinned(
        CrdFamily family, string version, string key, string what, SchemaSet schemas, List<Diagnostic> warnings)
    {
        if (schemas.Has($"{family.Folder}/{version}"))
        {
            return ((family.Folder, version), null);
        }

        var why = schemas.WhyMissing($"{family.Folder}/{version}");
        var present = schemas.Versions(family.Folder);
        if (family.RegisteredAtRunTime && NearestOlder(family, version, schemas) is { } older)
        {
            warnings.Add(FindingId.CrdSchemaOlder.At(
                key,
                $"pins {what}, whose CRDs ({family.Folder} {version}) are in no schema folder{why}; "
                + $"the {string.Join(", ", family.Groups)} objects are checked against {older.Folder} {older.Version}, the nearest older release",
                $"run lint where it can fetch {family.Folder} {version}, or add it to the mirror given with --schemas"));
            return (older, null);
        }

        return (null, new FamilyGap(family, FindingId.SchemaMissing.At(
            key,
            $"pins {what}, so the {string.Join(", ", family.Groups)} objects must match its CRDs, "
            + $"but no schema folder has {family.Folder} {version} (looked in {schemas.Places($"{family.Folder}/{version}")}){why}",
            $"run lint where it can fetch them, or add the CRDs of {family.Folder} {version} to the mirror given with --schemas"
            + (present.Count == 0 ? "" : family.ByAppVersion
                ? $", or pin a chart whose appVersion the folders have: {string.Join(", ", present)}"
                : $", or pin a version the folder has: {string.Join(", ", present)}"))));
    }

    private static (string Folder, string Version)? NearestOlder(CrdFamily family, string version, SchemaSet schemas)
    {
        var wanted = Semantic(version);
        return wanted is null ? null : new[] { family.Folder }.Concat(family.StandInFolders ?? [])
            .SelectMany(f => schemas.Versions(f).Select(v => (Folder: f, Version: v, Semver: Semantic(v))))
            .Where(v => v.Semver is not null && SemVersion.ComparePrecedence(v.Semver, wanted) < 0)
            .OrderByDescending(v => v.Semver!, SemVersion.PrecedenceComparer)
            .Select(v => ((string, string)?)(v.Folder, v.Version))
            .FirstOrDefault();
    }

    private static string? Newest(IEnumerable<string> versions) =>
        versions.Select(v => (Name: v, Version: Semantic(v)))
            .Where(v => v.Version is not null)
            .OrderByDescending(v => v.Version!, SemVersion.PrecedenceComparer)
            .Select(v => v.Name)
            .FirstOrDefault();

    private static SemVersion? Semantic(string version) =>
        SemVersion.TryParse(version.TrimStart('v'), SemVersionStyles.Any, out var parsed) ? parsed : null;
}

/// <summary>A CRD family the cluster pins but the schema folder lacks: reported once where an object needs it.</summary>
public sealed record FamilyGap(CrdFamily Family, Diagnostic Problem);
