using System.Text.Json.Nodes;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Analyser.Lint;

namespace Bootstrap.Analyser.ChartRender;

/// <summary>One object of a chart's rendered output, with the template that produced it (Helm's <c># Source:</c> line).</summary>
/// <param name="Text">The document as helm printed it: equal texts need no field-by-field comparison.</param>
public sealed record RenderedObject(string Template, JsonObject Body, string Text = "")
{
    /// <summary>True when both are known to be the same document, byte for byte.</summary>
    public bool SameTextAs(RenderedObject other) => Text.Length > 0 && Text == other.Text;

    // Cluster-scoped built-in kinds a chart commonly renders: Argo CD leaves their namespace empty when it diffs them.
    private static readonly HashSet<string> ClusterScoped =
    [
        "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "MutatingWebhookConfiguration",
        "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "PriorityClass",
        "StorageClass", "IngressClass", "PersistentVolume", "APIService", "GatewayClass", "CiliumClusterwideNetworkPolicy",
        "CiliumLoadBalancerIPPool", "CiliumL2AnnouncementPolicy", "ClusterIssuer", "Bundle",
    ];

    public ApiKind? Kind => ApiKind.Of(Body);

    /// <summary>
    /// A sync hook (argocd.argoproj.io/hook other than Skip alone, or helm.sh/hook other than crd-install): Argo CD runs it
    /// during a sync but leaves it out of the sync status (argo-cd v3.4.4 controller/state.go, gitops-engine pkg/sync/hook).
    /// </summary>
    public bool IsHook
    {
        get
        {
            var annotations = Body["metadata"]?["annotations"];
            if (GitOpsObject.Text(annotations?["argocd.argoproj.io/hook"]) is { } argo)
            {
                return argo.Split(',').Select(t => t.Trim()).Any(t => t != "Skip");
            }

            return GitOpsObject.Text(annotations?["helm.sh/hook"]) is { } helm && helm != "crd-install";
        }
    }

    public string Name => GitOpsObject.Text(Body["metadata"]?["name"]) ?? "";

    /// <summary>Identity as Argo CD tracks it: group, kind, namespace (the release's when the chart leaves it out), name.</summary>
    public ObjectId Id(string releaseNamespace)
    {
        var kind = Kind;
        var kindName = kind?.Kind ?? "";
        var ns = GitOpsObject.Text(Body["metadata"]?["namespace"]) ?? (ClusterScoped.Contains(kindName) ? "" : releaseNamespace);
        return new ObjectId(kind?.Group ?? "", kindName, ns, Name);
    }

    /// <summary>How findings name it: <c>Deployment cert-manager/cert-manager (cert-manager/templates/deployment.yaml)</c>.</summary>
    public string Describe(string releaseNamespace) => $"{Id(releaseNamespace)} ({Template})";
}

/// <summary>What Argo CD identifies a live object by.</summary>
public readonly record struct ObjectId(string Group, string Kind, string Namespace, string Name)
{
    public override string ToString() => $"{Kind} {(Namespace.Length > 0 ? $"{Namespace}/" : "")}{Name}";
}
