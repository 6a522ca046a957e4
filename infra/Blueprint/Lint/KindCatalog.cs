using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;
using NJsonSchema;
using Semver;

namespace Bootstrap.Blueprint.Lint;

/// <summary>
/// Every kind one stack's cluster serves that the schema folder has a schema for: the built-in API of the stack's Kubernetes
/// minor (or the nearest older one the folder has) and each CRD family at the version the cluster runs.
/// </summary>
public sealed class KindCatalog
{
    private readonly IReadOnlyList<CrdBundle> bundles;
    private readonly IReadOnlyList<FamilyGap> gaps;

    private KindCatalog(KubernetesSchema? kubernetes, string? kubernetesNote, IReadOnlyList<CrdBundle> bundles, IReadOnlyList<FamilyGap> gaps)
    {
        Kubernetes = kubernetes;
        KubernetesNote = kubernetesNote;
        this.bundles = bundles;
        this.gaps = gaps;
    }

    public KubernetesSchema? Kubernetes { get; }

    /// <summary>Why the built-in schemas are of another minor than the stack runs, or null when they match.</summary>
    public string? KubernetesNote { get; }

    /// <summary>Where the schemas come from, for the coverage report: "Kubernetes 1.35", "gateway-api v1.6.1", ...</summary>
    public IReadOnlyList<string> Sources =>
        [.. Kubernetes is null ? [] : new[] { $"Kubernetes {Kubernetes.Minor}" }, .. bundles.Select(b => b.Label)];

    /// <summary>
    /// The API versions the cluster serves beyond Helm's built-in defaults, as Argo CD hands them to <c>helm template
    /// --api-versions</c>: each group/version and group/version/kind (argo-cd util/argo/argo.go APIResourcesToStrings).
    /// </summary>
    public IReadOnlyList<string> ApiVersions =>
        (Kubernetes?.Kinds ?? []).Concat(bundles.SelectMany(b => b.Kinds))
            .SelectMany(k => new[] { k.ApiVersion, $"{k.ApiVersion}/{k.Kind}" })
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    public static KindCatalog For(ClusterBlueprint blueprint, SchemaSet schemas, IRepository repository)
    {
        var (kubernetes, note) = BuiltIn(blueprint.Config.Cluster.KubernetesVersion, schemas);
        var (apps, _) = CoreAppReader.ReadAll(repository, blueprint.Config.GitOps.Path);
        var bundles = new List<CrdBundle>();
        var gaps = new List<FamilyGap>();
        foreach (var family in CrdFamily.All)
        {
            var (version, gap) = Version(family, apps, schemas);
            if (gap is not null)
            {
                gaps.Add(gap);
                continue;
            }

            try
            {
                if (version is not null && schemas.Crds(family, version) is { } bundle)
                {
                    bundles.Add(bundle);
                }
            }
            catch (SchemaFileException e)
            {
                gaps.Add(new FamilyGap(family, Diagnostic.Error(e.File, e.Problem, "restore it from upstream (see the schema folder's SOURCES.md)")));
            }
        }

        return new KindCatalog(kubernetes, note, bundles, gaps);
    }

    /// <summary>The schema of a kind, "not served at this version", or null when the folder knows nothing of it.</summary>
    public KindSchema? Find(ApiKind kind)
    {
        if (Kubernetes is not null && Kubernetes.ServesGroup(kind.Group))
        {
            var source = $"Kubernetes {Kubernetes.Minor}";
            return Kubernetes.For(kind) is { } schema
                ? KindSchema.Found(source, schema, CustomResource: false)
                : KindSchema.NotServed(source, Kubernetes.Served(kind.Group, kind.Kind));
        }

        return bundles.Select(b => b.Find(kind)).FirstOrDefault(k => k is not null);
    }

    /// <summary>Why the kinds of a group cannot be checked although the cluster pins their schemas' version.</summary>
    public FamilyGap? GapFor(string group) => gaps.FirstOrDefault(g => g.Family.Groups.Contains(group));

    /// <summary>The metadata schema for custom resources, whose CRDs leave metadata to the API server.</summary>
    public JsonSchema? ObjectMeta => Kubernetes?.ObjectMeta;

    private static (KubernetesSchema? Schema, string? Note) BuiltIn(string kubernetesVersion, SchemaSet schemas)
    {
        var wanted = SemVersion.TryParse(kubernetesVersion, SemVersionStyles.Any, out var parsed) ? parsed : null;
        var minors = schemas.Versions("kubernetes")
            .Select(m => (Name: m, Version: SemVersion.TryParse(m, SemVersionStyles.Any, out var v) ? v : null))
            .Where(m => m.Version is not null)
            .OrderByDescending(m => m.Version!, SemVersion.PrecedenceComparer)
            .ToList();
        if (minors.Count == 0 || wanted is null)
        {
            return (null, null);
        }

        var exact = minors.FirstOrDefault(m => m.Version!.Major == wanted.Major && m.Version.Minor == wanted.Minor);
        var chosen = exact.Name ?? minors.FirstOrDefault(m => SemVersion.ComparePrecedence(m.Version!, wanted) < 0).Name ?? minors[^1].Name;
        var note = exact.Name is null
            ? $"the stack runs Kubernetes {kubernetesVersion}; the schema folder has no kubernetes/{wanted.Major}.{wanted.Minor}, "
                + $"so built-in kinds are checked against {chosen}"
            : null;
        return (schemas.Kubernetes(chosen), note);
    }

    private static (string? Version, FamilyGap? Gap) Version(CrdFamily family, IReadOnlyList<CoreApp> apps, SchemaSet schemas)
    {
        var present = schemas.Versions(family.Folder);
        var app = family.Chart is null ? null : apps.FirstOrDefault(a => a.Chart == family.Chart);
        if (app is null)
        {
            var newest = present
                .Select(v => (Name: v, Version: SemVersion.TryParse(v.TrimStart('v'), SemVersionStyles.Any, out var s) ? s : null))
                .Where(v => v.Version is not null)
                .OrderByDescending(v => v.Version!, SemVersion.PrecedenceComparer)
                .Select(v => v.Name)
                .FirstOrDefault();
            return (newest, null);
        }

        var key = $"{app.File}: spec.sources[chart].targetRevision";
        var version = app.Version;
        if (family.ByAppVersion)
        {
            ChartSchema? chart;
            try
            {
                chart = schemas.Chart(app.Chart, app.Version);
            }
            catch (SchemaFileException e)
            {
                var problem = Diagnostic.Error(e.File, e.Problem, "restore the file from the upstream chart (see the schema folder's SOURCES.md)");
                return (null, new FamilyGap(family, problem));
            }

            if (chart is null || chart.AppVersion.Length == 0)
            {
                return (null, new FamilyGap(family, Diagnostic.Error(
                    key,
                    $"pins {app.Chart} {app.Version}, whose Chart.yaml (with its appVersion) is not in the schema folder "
                    + $"(looked in {schemas.ChartFolder(app.Chart, app.Version)}), "
                    + $"so the {string.Join(", ", family.Groups)} objects cannot be checked against the CRDs of the release it installs",
                    $"add {app.Chart} {app.Version}'s Chart.yaml and values.yaml to the schema folder")));
            }

            version = chart.AppVersion;
        }

        if (present.Contains(version, StringComparer.Ordinal))
        {
            return (version, null);
        }

        var folder = Path.Combine(schemas.Root, family.Folder, version);
        return (null, new FamilyGap(family, Diagnostic.Error(
            key,
            $"pins {app.Chart} {app.Version}, so the {string.Join(", ", family.Groups)} objects must match its CRDs, "
            + $"but the schema folder has none: looked for {folder}",
            $"add the CRDs of {family.Folder} {version} there (see the schema folder's SOURCES.md)"
            + (present.Count == 0 ? "" : family.ByAppVersion
                ? $", or pin an {app.Chart} chart whose appVersion the folder has: {string.Join(", ", present)}"
                : $", or pin a version the folder has: {string.Join(", ", present)}"))));
    }
}

/// <summary>A CRD family the cluster pins but the schema folder lacks: reported once where an object needs it.</summary>
public sealed record FamilyGap(CrdFamily Family, Diagnostic Problem);
