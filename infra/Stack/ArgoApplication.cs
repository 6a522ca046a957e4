using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Yaml;
using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

namespace Bootstrap.Stack;

/// <summary>An Argo CD Application as a Kubernetes custom resource, its body taken unchanged from a Blueprint manifest.</summary>
public sealed class ArgoApplicationArgs : CustomResourceArgs
{
    public ArgoApplicationArgs(Manifest manifest)
        : base(manifest.ApiVersion, manifest.Kind)
    {
        Metadata = new ObjectMetaArgs
        {
            Name = (string)manifest.Body["metadata"]!["name"]!,
            Namespace = (string)manifest.Body["metadata"]!["namespace"]!,
        };
        foreach (var (key, value) in (IDictionary<string, object?>)ClrValues.From(manifest.Body["spec"])!)
        {
            Spec.Add(key, value!);
        }
    }

    [Input("spec")]
    public InputMap<object> Spec { get; } = [];
}
