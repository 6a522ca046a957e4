using Bootstrap.Blueprint.Plan;
using Pulumi;

namespace Bootstrap.Stack;

public sealed record GitOpsHandoffArgs(HandoffSpec Spec, ClusterAddons Addons);

/// <summary>
/// The root Application, created last: from here on Argo CD manages the platform, itself included. Pulumi creates it
/// once and never deletes it, so a later `pulumi destroy` cannot cascade into the platform.
/// </summary>
public sealed class GitOpsHandoff : ComponentResource
{
    public GitOpsHandoff(string name, GitOpsHandoffArgs args, ComponentResourceOptions? options = null)
        : base("bootstrap:index:GitOpsHandoff", name, options)
    {
        var root = args.Spec.RootApplication;
        var addons = args.Addons;
        var rootOptions = PlannedOptions.Custom(root, this, [.. addons.BeforeHandoff], addons.Provider);
        rootOptions.IgnoreChanges = ["spec"];
        _ = new Pulumi.Kubernetes.ApiExtensions.CustomResource(root.Name, new ArgoApplicationArgs(args.Spec.Manifest), rootOptions);
        RegisterOutputs();
    }
}
