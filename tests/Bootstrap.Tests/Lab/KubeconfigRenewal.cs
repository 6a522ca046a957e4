using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Scripts;

namespace Bootstrap.Tests.Lab;

/// <summary>
/// What a run does while Talos renews the admin kubeconfig (siderolabs/terraform-provider-talos
/// pkg/talos/talos_cluster_kubeconfig_resource.go: within 720 h of expiry the resource plans an update and its
/// kubeconfig_raw is unknown until applied). A preview sees the provider's kubeconfig computed: pulumi-kubernetes
/// provider.go DiffConfig then replaces the provider, and every resource through it, unless clusterIdentifier is set and
/// unchanged; `up` sees the renewed kubeconfig with the same cluster (server and CA) and updates the provider in place.
/// Scripts given the kubeconfig in their environment run again with the new one.
/// </summary>
internal sealed class KubeconfigRenewal(LabState lab, bool preview)
{
    private bool _renewed;

    public Operation Adjust(Registration r, StateEntry? old, Operation operation)
    {
        if (!lab.KubeconfigRenewalDue || old is null || operation != Operation.Same)
        {
            return operation;
        }

        switch (r.Type)
        {
            case Types.Kubeconfig:
                _renewed = true;
                return Operation.Update;
            case Types.KubernetesProvider when _renewed:
                if (preview && !SameIdentifier(old.Inputs, r.Inputs))
                {
                    throw new LabFailure(LabRules.KubeconfigRenewalPreview, r.Name,
                        "the kubeconfig is unknown at preview: the preview replaces the Kubernetes provider and every resource through it, "
                        + "which `up` will not do (`pulumi preview --expect-no-changes` fails on a cluster that did not change)");
                }

                return Operation.Update;
            case Types.Command when _renewed && r.Inputs["environment"] is JsonObject env && env.ContainsKey(LocalScript.KubeconfigVariable):
                return Operation.Update;
            default:
                return operation;
        }
    }

    /// <summary>DiffConfig keeps the provider when clusterIdentifier is set and the same as before.</summary>
    private static bool SameIdentifier(JsonObject old, JsonObject news) =>
        news["clusterIdentifier"] is JsonValue now && JsonNode.DeepEquals(old["clusterIdentifier"], now);
}
