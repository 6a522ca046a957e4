using Bootstrap.Blueprint.ChartRender;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Blueprint.SyncCheck;

/// <summary>
/// Whether a kind is namespaced, as the API server's discovery tells Argo CD (metav1.APIResource.Namespaced): Kubernetes' own
/// cluster-scoped kinds, the cluster-scoped kinds cilium-operator registers at run time (its chart ships no CRDs), and the
/// <c>spec.scope</c> of every CustomResourceDefinition the environment's Applications render. Anything else is namespaced.
/// </summary>
public sealed class KindScope
{
    // Kubernetes v1.36 API: the kinds `kubectl api-resources --namespaced=false` lists that a manifest can hold.
    private static readonly HashSet<(string, string)> BuiltIn =
    [
        ("", "Namespace"), ("", "Node"), ("", "PersistentVolume"), ("", "ComponentStatus"),
        ("rbac.authorization.k8s.io", "ClusterRole"), ("rbac.authorization.k8s.io", "ClusterRoleBinding"),
        ("apiextensions.k8s.io", "CustomResourceDefinition"), ("apiregistration.k8s.io", "APIService"),
        ("admissionregistration.k8s.io", "MutatingWebhookConfiguration"), ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
        ("admissionregistration.k8s.io", "ValidatingAdmissionPolicy"), ("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"),
        ("admissionregistration.k8s.io", "MutatingAdmissionPolicy"), ("admissionregistration.k8s.io", "MutatingAdmissionPolicyBinding"),
        ("scheduling.k8s.io", "PriorityClass"), ("storage.k8s.io", "StorageClass"), ("storage.k8s.io", "CSIDriver"),
        ("storage.k8s.io", "CSINode"), ("storage.k8s.io", "VolumeAttachment"), ("storage.k8s.io", "VolumeAttributesClass"),
        ("networking.k8s.io", "IngressClass"), ("networking.k8s.io", "IPAddress"), ("networking.k8s.io", "ServiceCIDR"),
        ("node.k8s.io", "RuntimeClass"), ("certificates.k8s.io", "CertificateSigningRequest"),
        ("certificates.k8s.io", "ClusterTrustBundle"), ("flowcontrol.apiserver.k8s.io", "FlowSchema"),
        ("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"), ("resource.k8s.io", "DeviceClass"),
        ("resource.k8s.io", "ResourceSlice"),
    ];

    // cilium/cilium v1.20 pkg/k8s/apis/cilium.io/client/crds: the cluster-scoped ones.
    private static readonly HashSet<(string, string)> CiliumRuntime =
    [
        ("cilium.io", "CiliumClusterwideNetworkPolicy"), ("cilium.io", "CiliumLoadBalancerIPPool"),
        ("cilium.io", "CiliumL2AnnouncementPolicy"), ("cilium.io", "CiliumNode"), ("cilium.io", "CiliumIdentity"),
        ("cilium.io", "CiliumExternalWorkload"), ("cilium.io", "CiliumPodIPPool"), ("cilium.io", "CiliumCIDRGroup"),
        ("cilium.io", "CiliumBGPClusterConfig"), ("cilium.io", "CiliumBGPPeerConfig"), ("cilium.io", "CiliumBGPAdvertisement"),
        ("cilium.io", "CiliumBGPNodeConfig"), ("cilium.io", "CiliumBGPNodeConfigOverride"), ("cilium.io", "CiliumClusterwideEnvoyConfig"),
        ("cilium.io", "CiliumGatewayClassConfig"),
    ];

    private readonly Dictionary<(string, string), bool> crds = [];

    /// <param name="objects">Every object the environment's Applications render: their CRDs give their kinds' scope.</param>
    public KindScope(IEnumerable<RenderedObject> objects)
    {
        foreach (var crd in objects.Where(o => o.Kind?.Kind == "CustomResourceDefinition"))
        {
            var group = GitOpsObject.Text(GitOpsObject.At(crd.Body, "spec", "group")) ?? "";
            var kind = GitOpsObject.Text(GitOpsObject.At(crd.Body, "spec", "names", "kind")) ?? "";
            crds[(group, kind)] = GitOpsObject.Text(GitOpsObject.At(crd.Body, "spec", "scope")) != "Cluster";
        }
    }

    public bool IsNamespaced(string group, string kind) =>
        crds.TryGetValue((group, kind), out var namespaced) ? namespaced : !BuiltIn.Contains((group, kind)) && !CiliumRuntime.Contains((group, kind));
}
