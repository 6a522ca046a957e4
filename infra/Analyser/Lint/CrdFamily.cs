namespace Bootstrap.Analyser.Lint;

/// <summary>A folder of custom resource schemas, one subfolder per release, needed by objects of its <c>Groups</c>: read at the version
/// its chart pins (TagPrefix + chart version, or the appVersion), the Gateway API at its CRD Application's pin, others at the newest.
/// Only a family an operator registers at run time (no chart holds its CRDs) may stand in the nearest older release, also from
/// StandInFolders, for a missing one (with a warning naming both).</summary>
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
        // TagPrefix "v": chart 1.20.0 is release tag v1.20.0.
        new(Cilium, ["cilium.io"], Chart: "cilium", JsonSchemaGroup: "cilium.io", TagPrefix: "v", RegisteredAtRunTime: true,
            StandInFolders: ["cilium-crds-jsonschema"]),
    ];
}
