namespace Bootstrap.Blueprint.Plan;

/// <summary>How the Pulumi layer configures the Kubernetes provider and adopts what a restored cluster holds (day-2 decisions).</summary>
/// <param name="AdoptRestoredReleases">etcd comes from a snapshot: the handed-off releases already run, so Pulumi imports them.</param>
public sealed record KubernetesProviderSettings(
    string ClusterIdentifier, bool DeleteUnreachable, bool UpsertExistingObjects, bool AdoptRestoredReleases)
{
    public static KubernetesProviderSettings For(ClusterBlueprint blueprint) => new(
        // A renewed kubeconfig (unknown at preview) then never replaces the provider and every object through it
        // (pulumi/pulumi-kubernetes provider/pkg/provider/provider.go DiffConfig).
        $"{blueprint.Talos.Name}@{blueprint.Talos.Endpoint}",
        // When the cluster is gone, destroy and refresh drop its objects from the state instead of failing (provider.go Delete, Read).
        DeleteUnreachable: true,
        // Creating an object that exists (restored etcd, an earlier state) applies over it (provider/pkg/await/await.go Creation).
        UpsertExistingObjects: true,
        AdoptRestoredReleases: blueprint.Config.EtcdSnapshot is not null);
}
