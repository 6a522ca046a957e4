namespace Bootstrap.Analyser.Lint;

/// <summary>
/// A folder of custom resource schemas in the schema folder, one subfolder per release. A family whose kinds a chart installs
/// is read at the version that chart pins (the chart version, or the chart's appVersion); the Gateway API at the release its
/// CRD Application pins; the others at the newest version present.
/// </summary>
/// <param name="Groups">The API groups the family defines: an object of these groups needs the family's schemas.</param>
/// <param name="TagPrefix">Put before the chart version to name the release tag (Cilium's chart 1.20.0 is tag v1.20.0).</param>
/// <param name="RegisteredAtRunTime">An operator registers these CRDs at run time, so no chart package holds them; only such a
/// family may stand in the nearest older release for a missing exact one (with a warning naming both).</param>
/// <param name="StandInFolders">Other folders holding older releases of the same kinds (converted JSON Schemas).</param>
public sealed record CrdFamily(
    string Folder,
    IReadOnlyList<string> Groups,
    string? Chart = null,
    bool ByAppVersion = false,
    string? JsonSchemaGroup = null,
    string TagPrefix = "",
    bool RegisteredAtRunTime = false,
    IReadOnlyList<string>? StandInFolders = null)
{
    public const string ArgoCd = "argocd-crds";
    public const string CertManager = "cert-manager-crds";
    public const string TrustManager = "trust-manager-crds";
    public const string GatewayApi = "gateway-api";
    public const string PrometheusOperator = "prometheus-operator-crds";
    public const string Cilium = "cilium-crds";

    public static readonly IReadOnlyList<CrdFamily> All =
    [
        new(ArgoCd, ["argoproj.io"], Chart: "argo-cd", ByAppVersion: true),
        new(CertManager, ["cert-manager.io", "acme.cert-manager.io"], Chart: "cert-manager"),
        new(TrustManager, ["trust.cert-manager.io"], Chart: "trust-manager"),
        new(GatewayApi, ["gateway.networking.k8s.io"]),
        new(PrometheusOperator, ["monitoring.coreos.com"], Chart: "kube-prometheus-stack", ByAppVersion: true),
        // cilium-operator registers its CRDs at run time from the files embedded at the release tag; the chart ships none.
        // ../shared/schemas has only JSON Schemas converted from older releases (datreeio/CRDs-catalog, Cilium 1.17 and 1.18).
        new(Cilium, ["cilium.io"], Chart: "cilium", JsonSchemaGroup: "cilium.io", TagPrefix: "v", RegisteredAtRunTime: true,
            StandInFolders: ["cilium-crds-jsonschema"]),
    ];
}
