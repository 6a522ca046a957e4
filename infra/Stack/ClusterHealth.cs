using Bootstrap.Blueprint.Plan;
using Pulumi;
using Pulumiverse.Talos.Cluster;
using Pulumiverse.Talos.Cluster.Inputs;
using Pulumiverse.Talos.Machine.Outputs;

namespace Bootstrap.Stack;

/// <summary>
/// Talos' cluster health check (every node up, etcd and Kubernetes healthy). It is a query, not a resource, so this
/// component stands for it: resources that must wait for a healthy cluster depend on <see cref="Done"/>.
/// </summary>
public sealed class ClusterHealth : ComponentResource
{
    public ClusterHealth(string name, TalosClusterPlan talos, Output<ClientConfiguration> client, InputList<Resource> after, Resource parent)
        : base("bootstrap:index:ClusterHealth", name, new ComponentResourceOptions { Parent = parent, DependsOn = after })
    {
        Done = GetHealth.Invoke(new GetHealthInvokeArgs
        {
            ClientConfiguration = client.Apply(c => new GetHealthClientConfigurationInputArgs { CaCertificate = c.CaCertificate, ClientCertificate = c.ClientCertificate, ClientKey = c.ClientKey }),
            ControlPlaneNodes = talos.ClientEndpoints.ToList(),
            WorkerNodes = talos.WorkerIps.ToList(),
            Endpoints = talos.ClientEndpoints.ToList(),
        }, new InvokeOutputOptions { Parent = this, DependsOn = after }).Apply(_ => (Resource)this);
        RegisterOutputs();
    }

    /// <summary>Resolves once the health check has passed.</summary>
    public Output<Resource> Done { get; }
}
