using Bootstrap.Blueprint.Plan;
using Pulumi;

namespace Bootstrap.Stack;

/// <summary>
/// The root Application, created last: from here on Argo CD manages the platform, itself included. Pulumi creates it
/// once and never deletes it, so a later `pulumi destroy` cannot cascade into the platform.
/// </summary>
public sealed class GitOpsHandoff : ComponentResource
{
    public GitOpsHandoff(ClusterBlueprint blueprint, ResourceWiring wiring, Pulumi.Kubernetes.Provider kubernetes)
        : base("bootstrap:index:GitOpsHandoff", "gitops")
    {
        var options = wiring.Options(ResourcePlan.RootApplication, this, kubernetes);
        options.RetainOnDelete = true;
        options.IgnoreChanges = ["spec"];
        wiring.Add(ResourcePlan.RootApplication, new Pulumi.Kubernetes.ApiExtensions.CustomResource(
            wiring[ResourcePlan.RootApplication].Name,
            new ArgoApplicationArgs(blueprint.RootApplication),
            options));
        RegisterOutputs();
    }
}
