namespace Bootstrap.Tests.Lab;

/// <summary>
/// What an etcd snapshot holds of the cluster, as far as the bootstrap cares: every Kubernetes object (Pulumi's and the
/// ones Argo CD applied), the CRDs, and Helm's release records, which Helm keeps as Secrets in the release's namespace
/// (helm pkg/storage/driver/secrets.go, owner=helm). `talosctl bootstrap --recover-from` brings all of it back.
/// </summary>
internal sealed record EtcdContent(
    IReadOnlySet<string> Objects, IReadOnlySet<string> Crds, IReadOnlySet<string> ReleaseRecords, string? CrdBundle)
{
    /// <summary>A snapshot of the lab's cluster as `talosctl etcd snapshot` takes it.</summary>
    public static EtcdContent Of(LabState lab) => new(
        lab.Objects.ToHashSet(StringComparer.Ordinal),
        lab.Crds.ToHashSet(StringComparer.Ordinal),
        lab.Releases.Keys.ToHashSet(StringComparer.Ordinal),
        lab.CrdBundle);

    /// <summary>The restored cluster: its objects, CRDs and deployed release records, before Pulumi creates anything.</summary>
    public void RestoreInto(LabState lab)
    {
        lab.Objects.UnionWith(Objects);
        lab.Crds.UnionWith(Crds);
        lab.CrdBundle = CrdBundle;
        foreach (var release in ReleaseRecords)
        {
            lab.Releases[release] = true;
        }
    }
}
