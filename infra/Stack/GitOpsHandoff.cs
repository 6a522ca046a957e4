using Bootstrap.Blueprint.Plan;
using Pulumi;

namespace Bootstrap.Stack;

/// <summary>
/// The root Application, created last: from here on Argo CD manages the platform, itself included. Pulumi creates it
/// once and never deletes it, so a later `pulumi destroy` cannot cascade into the platform.
/// </summary>
public sealed class GitOpsHandoff : ComponentResource
{
    public GitOpsHandoff(string name, ClusterBlueprint blueprint, ResourceWiring wiring)
        : base("bootstrap:index:GitOpsHandoff", name)
    {
        foreach (var planned in blueprint.Plan.OwnedBy(Component.GitOpsHandoff))
        {
            switch (planned.Kind)
            {
                case ResourceKind.RootApplication:
                    var options = wiring.Options(planned, this, Stages.KubernetesProvider);
                    options.IgnoreChanges = ["spec"];
                    wiring.Add(planned, new Pulumi.Kubernetes.ApiExtensions.CustomResource(
                        planned.Name, new ArgoApplicationArgs(blueprint.Addons.RootApplication), options));
                    break;
                default:
                    throw ResourceWiring.Unmapped(planned);
            }
        }

        RegisterOutputs();
    }
}
