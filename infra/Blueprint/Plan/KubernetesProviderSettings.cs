namespace Bootstrap.Blueprint.Plan;

/// <summary>
/// How the Pulumi layer configures the Kubernetes provider and adopts what a restored cluster already holds. Every
/// setting is a day-2 decision; the source of each behaviour is named where it is set.
/// </summary>
/// <param name="ClusterIdentifier">
/// Names the cluster for the provider's replacement decision. Without it a kubeconfig that is unknown at preview (Talos
/// renews the admin kubeconfig 720 h before it expires, siderolabs/terraform-provider-talos
/// pkg/talos/talos_cluster_kubeconfig_resource.go) makes the provider, and every Kubernetes resource through it, show as
/// replaced; with it unchanged the provider is never replaced (pulumi-kubernetes provider/pkg/provider/provider.go
/// DiffConfig: Replaces cleared when clusterIdentifier is set and the same). Cluster name and API endpoint: a renewed
/// kubeconfig keeps both, another cluster at another address changes it. A different cluster at the same address comes
/// only from a rebuild, which starts a fresh stack (docs/runbooks/disaster-recovery.md).
/// </param>
/// <param name="DeleteUnreachable">
/// When the cluster is gone, `pulumi destroy` and `pulumi refresh` drop its objects from the state instead of failing on
/// each with "configured Kubernetes cluster is unreachable" (provider.go Delete and Read, deleteUnreachable). A refresh
/// while the cluster is only briefly unreachable drops them too; <see cref="UpsertExistingObjects"/> takes them back on
/// the next `up` without touching the cluster's objects.
/// </param>
/// <param name="UpsertExistingObjects">
/// Creating an object that already exists applies over it (server-side apply) instead of failing with "already exists"
/// (pulumi-kubernetes provider/pkg/await/await.go Creation: the create is a PATCH only with upsertExistingObjects). The
/// objects Pulumi writes (namespace, secrets, load-balancer pool, CRDs, root Application) exist before the create only when
/// etcd was restored from a snapshot or an earlier state of this same stack wrote them: adopting them is the intent.
/// </param>
/// <param name="AdoptRestoredReleases">
/// etcd comes from a snapshot (bootstrap:etcdSnapshot): the handed-off Helm releases already run and their release records
/// are restored, so Pulumi imports them (<see cref="Addons.HelmRelease.ImportId"/>) instead of installing; Argo CD, restored
/// with them, keeps reconciling the platform. Later updates find them in the state and import nothing.
/// </param>
public sealed record KubernetesProviderSettings(
    string ClusterIdentifier, bool DeleteUnreachable, bool UpsertExistingObjects, bool AdoptRestoredReleases)
{
    public static KubernetesProviderSettings For(ClusterBlueprint blueprint) => new(
        $"{blueprint.Talos.Name}@{blueprint.Talos.Endpoint}",
        DeleteUnreachable: true,
        UpsertExistingObjects: true,
        AdoptRestoredReleases: blueprint.Config.EtcdSnapshot is not null);
}
