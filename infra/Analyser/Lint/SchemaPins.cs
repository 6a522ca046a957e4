using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Analyser.Lint;

/// <summary>One file of a pinned schema source: its name in the version folder and the upstream URL it comes from.</summary>
/// <param name="Digest">The digest upstream publishes for the download (<c>sha256:&lt;hex&gt;</c> or npm's <c>sha512-&lt;base64&gt;</c>).</param>
/// <param name="InArchive">The file inside the downloaded .tgz (below its top folder), when the URL is an archive.</param>
public sealed record PinnedFile(string Name, string Url, string? Digest = null, string? InArchive = null);

/// <summary>
/// A chart the cluster pins: its Application (or config.json) names the repository, chart and version. Its package is the
/// source of its values, values schema and, for kube-prometheus-stack, the Prometheus Operator CRDs.
/// </summary>
public sealed record ChartPin(string Chart, string Version, string RepoUrl, string PinnedAt);

/// <summary>A pinned schema source, kept as <c>&lt;Folder&gt;/&lt;Version&gt;/&lt;file&gt;</c> like ../shared/schemas so mirror and cache
/// read alike: downloaded from <see cref="Files"/>, or, with <see cref="FromChart"/>, taken from the chart package below
/// <see cref="ChartFolder"/>.</summary>
public sealed record SchemaPin(
    string Folder,
    string Version,
    string PinnedAt,
    IReadOnlyList<PinnedFile> Files,
    ChartPin? FromChart = null,
    string? ChartFolder = null,
    string? Release = null,
    string? AlsoAt = null)
{
    public string Key => $"{Folder}/{Version}";

    /// <summary>What a failure to fetch is recorded under: the folder and version, and the exact release when a folder holds any
    /// release of a minor (the Kubernetes OpenAPI of 1.36.3 and of 1.36.4 both go to kubernetes/1.36).</summary>
    public string FailureKey => Release is null ? Key : $"{Key}@{Release}";

    /// <summary>Where the files come from, for "fetching ... failed" messages.</summary>
    public string Origin => FromChart is { } chart
        ? $"{ChartFolder} in chart {chart.Chart} {chart.Version} ({chart.RepoUrl})"
        : string.Join(", ", Files.Select(f => f.Url));
}

/// <summary>
/// Every upstream artifact <c>lint</c> checks a stack against, at the version the repository pins: Talos config schema,
/// Kubernetes OpenAPI of the minor, core and monitoring charts, and the CRDs they ship. Pure: the CLI fetches and caches.
/// </summary>
public static class SchemaPins
{
    /// <summary>Upstream's raw-file host: every URL below is a file at a release tag, so its content never changes.</summary>
    public const string Raw = "https://raw.githubusercontent.com";

    /// <summary>The built-in API groups lint validates (the documents ../shared/schemas/kubernetes/&lt;minor&gt;/ holds), as
    /// kubernetes/kubernetes api/openapi-spec/v3 names them: <c>api__v1_openapi.json</c>,
    /// <c>apis__&lt;group&gt;__&lt;version&gt;_openapi.json</c>.</summary>
    public static readonly IReadOnlyList<(string Name, string Upstream)> KubernetesDocuments =
    [
        ("api/v1.json", "api__v1_openapi.json"),
        ("apis/apps/v1.json", "apis__apps__v1_openapi.json"),
        ("apis/networking.k8s.io/v1.json", "apis__networking.k8s.io__v1_openapi.json"),
        ("apis/rbac.authorization.k8s.io/v1.json", "apis__rbac.authorization.k8s.io__v1_openapi.json"),
    ];

    /// <summary>The Cilium CRDs lint validates, from cilium/cilium pkg/k8s/apis/cilium.io/client/crds/ at the release tag: the
    /// operator registers them at run time from these embedded files (the chart ships none).</summary>
    public static readonly IReadOnlyList<string> CiliumCrds =
    [
        "v2/ciliumnetworkpolicies.yaml",
        "v2/ciliumclusterwidenetworkpolicies.yaml",
        "v2/ciliumloadbalancerippools.yaml",
        "v2alpha1/ciliuml2announcementpolicies.yaml",
    ];

    /// <summary>
    /// Every schema source of one stack, at the versions it pins. A family versioned by a chart's appVersion needs that chart's
    /// package first (<paramref name="schemas"/> reads it); one whose chart is not at hand is left out, and lint reports the chart.
    /// </summary>
    public static IReadOnlyList<SchemaPin> For(ClusterBlueprint blueprint, IRepository repository, SchemaSet schemas)
    {
        var cluster = blueprint.Config.Cluster;
        var pins = new List<SchemaPin>
        {
            Talos(cluster.TalosVersion, "bootstrap:cluster.talosVersion"),
            Kubernetes(cluster.KubernetesVersion, "bootstrap:cluster.kubernetesVersion"),
            Renovate(),
        };
        var charts = Charts(blueprint, repository);
        var gatewayApi = CrdSource.GatewayApi(repository, blueprint.Config.GitOps.Path).Source;
        foreach (var family in CrdFamily.All)
        {
            if (family.Folder == CrdFamily.GatewayApi)
            {
                if (gatewayApi is not null)
                {
                    pins.Add(Crds(family, gatewayApi.Version, gatewayApi.Kustomization, null, gatewayApi.Url));
                }

                continue;
            }

            if (charts.FirstOrDefault(c => c.Chart == family.Chart) is { } chart && VersionOf(family, chart, schemas) is { } version)
            {
                pins.Add(Crds(family, version, chart.PinnedAt, chart, null));
            }
        }

        return pins;
    }

    /// <summary>The release of a family's CRDs that a chart pin installs: its tag, or the package's appVersion (null when the package
    /// or its appVersion is missing).</summary>
    public static string? VersionOf(CrdFamily family, ChartPin chart, SchemaSet schemas)
    {
        if (!family.ByAppVersion)
        {
            return family.TagPrefix + chart.Version;
        }

        try
        {
            return schemas.Chart(chart.Chart, chart.Version)?.AppVersion is { Length: > 0 } appVersion ? appVersion : null;
        }
        catch (SchemaFileException)
        {
            return null; // reported where the chart's values are checked
        }
    }

    /// <summary>The Renovate whose behaviour infra/Analyser/Renovate models, and the npm integrity of its package (registry.npmjs.org
    /// renovate dist.integrity); its schema is renovate-schema.json in the package (package.json "files").</summary>
    public const string RenovateVersion = "44.121.2";
    public const string RenovateIntegrity = "sha512-gNsY+POw2UN3B4e8x0B5UK3onH1qF7wMirKGaUnJcSx3+xEWH4n35RS4rvVEtTIIV/BoZoFbsIo7njTb9Mydxg==";

    /// <summary>renovate.json's schema, from the pinned Renovate's npm package; ../shared/schemas keeps it unversioned.</summary>
    public static SchemaPin Renovate() =>
        new("renovate", RenovateVersion, RenovateCheck.File,
            [new(RenovateCheck.SchemaFile, $"https://registry.npmjs.org/renovate/-/renovate-{RenovateVersion}.tgz", RenovateIntegrity,
                RenovateCheck.SchemaFile)],
            AlsoAt: RenovateCheck.SchemaPath);

    /// <summary>The charts a stack's cluster runs whose packages lint reads: every core app and the monitoring stack.</summary>
    public static IReadOnlyList<ChartPin> Charts(ClusterBlueprint blueprint, IRepository repository)
    {
        var (apps, _) = CoreAppReader.ReadAll(repository, blueprint.Config.GitOps.Path);
        var pins = apps.Select(a => new ChartPin(a.Chart, a.Version, a.ChartRepoUrl, $"{a.File}: spec.sources[chart].targetRevision")).ToList();
        if (Monitoring(blueprint, repository) is { } monitoring)
        {
            pins.Add(monitoring);
        }

        return pins;
    }

    /// <summary>The kube-prometheus-stack the cluster runs (it ships the Prometheus Operator CRDs), or null.</summary>
    public static ChartPin? Monitoring(ClusterBlueprint blueprint, IRepository repository)
    {
        var cluster = ClusterView.Of(blueprint.Config, GitOpsTree.Load(repository, []), []);
        return cluster.Applications
            .SelectMany(a => a.App.Sources.Select(s => (App: a, Source: s)))
            .Where(x => GitOpsObject.Text(x.Source["chart"]) == PlatformPlan.MonitoringChart)
            .Select(x => new ChartPin(
                PlatformPlan.MonitoringChart,
                GitOpsObject.Text(x.Source["targetRevision"]) ?? "",
                GitOpsObject.Text(x.Source["repoURL"]) ?? "",
                x.App.GeneratedFrom?.File ?? x.App.App.Where))
            .FirstOrDefault(p => p.Version.Length > 0);
    }

    /// <summary>The Talos machine-config schema of a release (siderolabs/talos pkg/machinery/config/schemas/config.schema.json).</summary>
    public static SchemaPin Talos(string version, string pinnedAt) =>
        new("talos", version, pinnedAt, [new("config.schema.json",
            $"{Raw}/siderolabs/talos/{version}/pkg/machinery/config/schemas/config.schema.json")]);

    /// <summary>The OpenAPI v3 documents of a Kubernetes release, kept by minor (kubectl-validate's builtins/&lt;minor&gt;/ layout).</summary>
    public static SchemaPin Kubernetes(string version, string pinnedAt)
    {
        var parts = version.TrimStart('v').Split('.');
        var minor = parts.Length >= 2 ? $"{parts[0]}.{parts[1]}" : version;
        var files = KubernetesDocuments
            .Select(d => new PinnedFile(d.Name, $"{Raw}/kubernetes/kubernetes/v{version.TrimStart('v')}/api/openapi-spec/v3/{d.Upstream}"))
            .ToList();
        return new("kubernetes", minor, pinnedAt, files, Release: version);
    }

    /// <summary>The CRDs of one family at the version the cluster pins (see <see cref="CrdFamily"/>).</summary>
    /// <param name="version">The family's version: the chart version, the chart's appVersion, or the release tag.</param>
    public static SchemaPin Crds(CrdFamily family, string version, string pinnedAt, ChartPin? chart, string? releaseUrl) => family.Folder switch
    {
        CrdFamily.ArgoCd => new(family.Folder, version, pinnedAt, SchemaSet.ArgoCdCrdFiles.Values.Order(StringComparer.Ordinal)
            .Select(f => new PinnedFile(f, $"{Raw}/argoproj/argo-cd/{version}/manifests/crds/{f}"))
            .ToList()),
        // cert-manager publishes its CRDs as one release asset (docs: installation/helm "crds.enabled" alternative).
        CrdFamily.CertManager => new(family.Folder, version, pinnedAt,
            [new("cert-manager.crds.yaml", $"https://github.com/cert-manager/cert-manager/releases/download/{version}/cert-manager.crds.yaml")]),
        CrdFamily.TrustManager => new(family.Folder, version, pinnedAt,
            [new("trust.cert-manager.io_bundles.yaml",
                $"{Raw}/cert-manager/trust-manager/{version}/deploy/crds/trust.cert-manager.io_bundles.yaml")]),
        CrdFamily.GatewayApi => new(family.Folder, version, pinnedAt, [new(Path.GetFileName(new Uri(releaseUrl!).AbsolutePath), releaseUrl!)]),
        // kube-prometheus-stack ships the operator's CRDs as plain YAML in its crds subchart.
        CrdFamily.PrometheusOperator => new(family.Folder, version, pinnedAt, [], chart, "charts/crds/crds/"),
        CrdFamily.Cilium => new(family.Folder, version, pinnedAt, CiliumCrds
            .Select(f => new PinnedFile(Path.GetFileName(f), $"{Raw}/cilium/cilium/{version}/pkg/k8s/apis/cilium.io/client/crds/{f}"))
            .ToList()),
        _ => throw new ArgumentException($"no upstream source is known for {family.Folder}", nameof(family)),
    };
}
