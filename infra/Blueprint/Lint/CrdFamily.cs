namespace Bootstrap.Blueprint.Lint;

/// <summary>
/// A folder of custom resource schemas in the schema folder, one subfolder per release. A family whose kinds a core app's
/// chart installs is read at the version that chart pins (the chart version, or for Argo CD the chart's appVersion); the
/// others at the newest version present.
/// </summary>
/// <param name="Groups">The API groups the family defines: an object of these groups needs the family's schemas.</param>
public sealed record CrdFamily(
    string Folder,
    IReadOnlyList<string> Groups,
    string? Chart = null,
    bool ByAppVersion = false,
    string? JsonSchemaGroup = null)
{
    public static readonly IReadOnlyList<CrdFamily> All =
    [
        new("argocd-crds", ["argoproj.io"], Chart: "argo-cd", ByAppVersion: true),
        new("cert-manager-crds", ["cert-manager.io", "acme.cert-manager.io"], Chart: "cert-manager"),
        new("trust-manager-crds", ["trust.cert-manager.io"], Chart: "trust-manager"),
        new("gateway-api", ["gateway.networking.k8s.io"]),
        new("prometheus-operator-crds", ["monitoring.coreos.com"]),
        // JSON Schemas converted from Cilium's CRDs (datreeio/CRDs-catalog cilium.io/, Cilium 1.17 and 1.18: older than the
        // cluster runs). The chart ships no CRDs, cilium-operator registers them at run time, so no chart pins this folder.
        new("cilium-crds-jsonschema", ["cilium.io"], JsonSchemaGroup: "cilium.io"),
    ];
}
