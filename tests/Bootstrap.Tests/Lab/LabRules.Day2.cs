using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Plan;

namespace Bootstrap.Tests.Lab;

/// <summary>
/// The rules day 2 depends on: what is already there when a stack shares a host, is rebuilt after `pulumi stack rm` or
/// restores etcd; who else applies the objects Pulumi applied; a cluster that is gone; a kubeconfig Talos renews.
/// </summary>
internal static partial class LabRules
{
    public const string FileAlreadyOnDatastore = "file-already-on-datastore";
    public const string ObjectAlreadyExists = "object-already-exists";
    public const string ReleaseNameInUse = "release-name-in-use";
    public const string ApplyConflictWithArgoCd = "apply-conflict-with-argo-cd";
    public const string CiliumNeedsEveryGatewayCrd = "cilium-needs-every-gateway-crd";
    public const string MissingKindRetries = "missing-kind-retries";

    /// <summary>Deleting through the Kubernetes provider when the cluster is gone; see <see cref="Destroy"/>.</summary>
    public const string UnreachableClusterDelete = "unreachable-cluster-delete";

    /// <summary>A preview while Talos renews the kubeconfig; see <see cref="KubeconfigRenewal"/>.</summary>
    public const string KubeconfigRenewalPreview = "kubeconfig-renewal-preview";

    /// <summary>The Gateway API CRDs cilium-operator checks before it enables Gateway API.</summary>
    public static readonly IReadOnlyList<string> CiliumGatewayCrds =
    [
        "gatewayclasses.gateway.networking.k8s.io", "gateways.gateway.networking.k8s.io", "httproutes.gateway.networking.k8s.io",
        "grpcroutes.gateway.networking.k8s.io", "referencegrants.gateway.networking.k8s.io",
    ];

    private static IReadOnlyList<(string Id, string Behaviour, string Source)> Day2Engine =>
    [
        (UnreachableClusterDelete,
            "with the cluster gone, deleting a Kubernetes object fails (\"configured Kubernetes cluster is unreachable\") unless the "
            + "provider has deleteUnreachable, which drops it from the state; a Helm release cannot be deleted at all",
            "pulumi-kubernetes provider/pkg/provider/provider.go Delete (deleteUnreachable; isHelmRelease: \"can't delete Helm Release "
            + "with unreachable cluster\")"),
        (KubeconfigRenewalPreview,
            "Talos renews the admin kubeconfig 720 h before it expires, so a preview sees it unknown; a computed kubeconfig replaces the "
            + "Kubernetes provider, and every resource through it, unless clusterIdentifier is set and unchanged; the `up` replaces nothing",
            "siderolabs/terraform-provider-talos pkg/talos/talos_cluster_kubeconfig_resource.go (renewal); "
            + "pulumi-kubernetes provider/pkg/provider/provider.go DiffConfig (computed kubeconfig, clusterIdentifier)"),
    ];

    private static IReadOnlyList<LabRule> Day2 =>
    [
        new(MissingKindRetries,
            "a create of a kind the API does not know yet is retried 5 times, 1 s doubling (31 s until the last try); cilium-operator "
            + "registers its CRDs only once its pod is scheduled, its image pulled and its leader elected, later than that",
            "pulumi-kubernetes provider/pkg/await/await.go Creation (retrier.Do(apierrors.IsNotFound, meta.IsNoMatchError), "
            + "WithMaxRetries(5), WithBackoffFactor(2)); provider/pkg/retry/retry.go (waitTime 1 s)",
            (r, c) => KindLine().Matches(r.Type == Types.ConfigGroup ? r.Text("yaml") ?? "" : "").Select(m => m.Groups[1].Value)
                .FirstOrDefault(k => k.StartsWith("Cilium", StringComparison.Ordinal)) is { } kind
                && c.Before(r, Stages.Cilium) && !c.Before(r, Stages.CiliumCrds)
                ? $"no matches for kind \"{kind}\" after 5 retries (31 s): cilium-operator has not registered it yet"
                : null),
        new(FileAlreadyOnDatastore,
            "download-url refuses to overwrite a file that is already on the datastore (left by `pulumi stack rm`, or another stack's) "
            + "unless overwrite_unmanaged, which deletes it and downloads again",
            "bpg/terraform-provider-proxmox fwprovider/nodes/resource_download_file.go Create (isErrFileAlreadyExists, overwrite_unmanaged)",
            (r, c) => r.Type == Types.File && c.Operation is Operation.Create or Operation.Replace
                && c.Lab.Files.Contains((r.Text("nodeName")!, FileId(r))) && !Flag(r, "overwriteUnmanaged")
                ? $"File already exists in the datastore, it was created outside of Terraform or is managed by another resource: "
                    + $"'{r.Text("fileName")}' on {r.Text("nodeName")}"
                : null),
        new(ObjectAlreadyExists,
            "with server-side apply, a create fails with AlreadyExists when the object exists (restored from etcd, or written by an "
            + "earlier state of the stack), unless the provider has upsertExistingObjects, which applies over it",
            "pulumi-kubernetes provider/pkg/await/await.go Creation (PATCH only with UpsertExistingObjects; \"The resource already exists\")",
            (r, c) => c.Operation == Operation.Create && r.Type.StartsWith("kubernetes:", StringComparison.Ordinal) && r.Type != Types.Release
                && !ProviderFlag(r, c, "upsertExistingObjects") && ObjectsOf(r).FirstOrDefault(o => Exists(o, c.Lab)) is { } existing
                ? $"{existing} already exists: The resource already exists in the cluster"
                : null),
        new(ReleaseNameInUse,
            "Helm refuses to install a release name a deployed release record holds, even with replace; an import adopts the record "
            + "and matches only when every input but name and namespace is ignored",
            "helm pkg/action/install.go availableName (\"cannot re-use a name that is still in use\"); pulumi-kubernetes "
            + "provider/pkg/provider/helm_release.go Read (import of namespace/name); pulumi/pulumi pkg/resource/deploy/step.go ImportStep",
            ReleaseImportViolation),
        new(ApplyConflictWithArgoCd,
            "after the handoff Argo CD applies the Gateway API CRDs with server-side apply; Pulumi applying another version of them "
            + "without force conflicts with Argo CD's field manager",
            "Kubernetes server-side apply (conflicts: a field another manager set to another value); pulumi-kubernetes await.go "
            + "(Force from patchForce, off by default); gitops/clusters/*/gateway-api.yaml (ServerSideApply=true)",
            (r, c) => r.Planned?.Kind == ResourceKind.CrdManifests && c.Lab.Objects.Contains(RootApplicationObject(c.Blueprint))
                && r.Text("files", "0") is { } bundle
                && (c.Operation is Operation.Update or Operation.Replace || (c.Lab.CrdBundle is { } held && held != bundle))
                ? "Apply failed with conflicts: conflicts with \"argocd-controller\" on the Gateway API CRDs Argo CD owns since the handoff"
                : null),
        new(CiliumNeedsEveryGatewayCrd,
            "cilium-operator enables Gateway API only if GatewayClass, Gateway, HTTPRoute, GRPCRoute and ReferenceGrant CRDs all exist",
            "cilium/cilium operator/pkg/gateway-api/cell.go (requiredGVK, checkRequiredCRDs); "
            + "gateway-api v1.1.0 release notes (GRPCRoute joins the standard channel)",
            (r, c) => r.Type == Types.Release && r.Text("name") == "cilium"
                && ReleaseValues.Flag(ReleaseValues.Of(r, c), false, "gatewayAPI", "enabled")
                && c.Before(r, Stages.GatewayApiCrds) && CiliumGatewayCrds.Where(crd => !c.Lab.Crds.Contains(crd)).ToList() is { Count: > 0 } gone
                ? $"Required GatewayAPI resources are not found ({string.Join(", ", gone)}): cilium-operator disables Gateway API"
                : null),
    ];

    /// <summary>The CRDs a Gateway API standard-install bundle holds, by its version (read from the release URL).</summary>
    public static IReadOnlyList<string> StandardBundle(string url)
    {
        if (url.Length == 0)
        {
            return [];
        }

        var version = GatewayVersion().Match(url) is { Success: true } m ? Version.Parse(m.Groups[1].Value) : new Version(0, 0);
        return CiliumGatewayCrds.Where(crd => crd != "grpcroutes.gateway.networking.k8s.io" || version >= new Version(1, 1)).ToList();
    }

    /// <summary>
    /// What deleting <paramref name="entry"/> does when the cluster is gone: null when the provider drops it from the state,
    /// else the provider's error. Nothing but Kubernetes resources (the provider itself excepted) calls the cluster.
    /// </summary>
    public static string? UnreachableDelete(StateEntry entry, IReadOnlyList<StateEntry> state, LabState lab)
    {
        if (!lab.ClusterUnreachable || !entry.Type.StartsWith("kubernetes:", StringComparison.Ordinal) || entry.Retain)
        {
            return null;
        }

        if (entry.Type == Types.Release)
        {
            return "can't delete Helm Release with unreachable cluster";
        }

        var provider = state.FirstOrDefault(e => e.Type == Types.KubernetesProvider);
        return IsTrue(provider?.Inputs["deleteUnreachable"])
            ? null
            : "configured Kubernetes cluster is unreachable. If the cluster was deleted, you can remove this resource from Pulumi state "
              + "by rerunning the operation with the PULUMI_K8S_DELETE_UNREACHABLE environment variable set to \"true\"";
    }

    private static string? ReleaseImportViolation(Registration r, LabContext c)
    {
        if (r.Type != Types.Release || c.Operation != Operation.Create)
        {
            return null;
        }

        var deployed = c.Lab.Releases.ContainsKey(r.Text("name")!);
        if (r.ImportId is null)
        {
            return deployed ? "cannot re-use a name that is still in use" : null;
        }

        if (!deployed || r.ImportId != $"{r.Text("namespace")}/{r.Text("name")}")
        {
            return $"release {r.ImportId} not found: nothing to import";
        }

        // Check keeps only the Release struct's fields (helm_release.go Check: resource.NewPropertyMap(newRelease)), so the SDK's
        // "compat" flag (sdk/dotnet/Helm/V3/Release.cs) never reaches the diff; the rest must be ignored or match the record.
        var compared = r.Inputs.Select(p => p.Key).Except(["name", "namespace", "compat", .. r.IgnoreChanges]).ToList();
        return compared.Count > 0 ? $"inputs to import do not match the existing resource: [{string.Join(", ", compared)}]" : null;
    }

    private static string FileId(Registration r) => $"{r.Text("datastoreId")}:{r.Text("contentType")}/{r.Text("fileName")}";

    private static bool ProviderFlag(Registration r, LabContext c, string key)
    {
        var provider = r.Provider is { } name ? c.Registered.GetValueOrDefault(name)
            : c.Registered.Values.FirstOrDefault(p => p.Type == Types.KubernetesProvider);
        return IsTrue(provider?.Inputs[key]);
    }

    /// <summary>A provider's settings reach it as JSON text ("true"), a resource's as booleans.</summary>
    private static bool IsTrue(JsonNode? value) =>
        value is JsonValue v && ((v.TryGetValue<bool>(out var flag) && flag) || (v.TryGetValue<string>(out var text) && text == "true"));

    /// <summary>The objects one registration writes, as the lab names them (kind/namespace/name; a CRD as CRD//name).</summary>
    public static IEnumerable<string> ObjectsOf(Registration r) => r.Type switch
    {
        Types.Namespace => [$"Namespace//{r.Text("metadata", "name")}"],
        Types.Secret => [$"Secret/{r.Text("metadata", "namespace")}/{r.Text("metadata", "name")}"],
        Types.Application => [$"Application/{r.Text("metadata", "namespace")}/{r.Text("metadata", "name")}"],
        Types.ConfigGroup when r.Planned?.Kind == ResourceKind.CrdManifests => StandardBundle(r.Text("files", "0") ?? "").Select(c => $"CRD//{c}"),
        Types.ConfigGroup => Blueprint.Yaml.YamlReader.ParseAll(r.Text("yaml") ?? "", r.Name).OfType<JsonObject>()
            .Select(b => $"{b["kind"]}/{b["metadata"]?["namespace"]}/{b["metadata"]?["name"]}"),
        _ => [],
    };

    private static bool Exists(string lab, LabState state) =>
        lab.StartsWith("CRD//", StringComparison.Ordinal) ? state.Crds.Contains(lab[5..]) : state.Objects.Contains(lab);

    public static string RootApplicationObject(ClusterBlueprint blueprint) =>
        $"Application/{blueprint.Addons.RootApplication.Body["metadata"]?["namespace"]}/{blueprint.Addons.RootApplication.Body["metadata"]?["name"]}";

    [GeneratedRegex(@"/v(\d+\.\d+)\.\d+/")]
    private static partial Regex GatewayVersion();
}
