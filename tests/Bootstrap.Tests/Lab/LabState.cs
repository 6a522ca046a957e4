namespace Bootstrap.Tests.Lab;

/// <summary>The state of a node as Talos runs it.</summary>
internal enum NodeState
{
    /// <summary>Booted from the nocloud image, no config: only the maintenance-mode API answers.</summary>
    Maintenance,
    Configured,
}

internal sealed record LabVm(string Name, string Host, string Ip, bool Started, string DiskFrom, int VmId = 0);

/// <param name="Schematic">The start of the Image Factory schematic id the node runs (the image file names carry 12 characters).</param>
internal sealed record LabNode(
    string Ip, string MachineType, NodeState State, string TalosVersion, string? KubernetesVersion, string? Schematic = null);

/// <summary>
/// The simulated lab: what exists on the Proxmox hosts and in the cluster after each operation the engine performs.
/// Only <see cref="LabEffects"/> changes it, from operations that passed every <see cref="LabRule"/>.
/// </summary>
internal sealed partial class LabState(LabFacts facts)
{
    public LabFacts Facts { get; } = facts;

    /// <summary>Files on the hosts' datastores: volume id (datastore:content/name) per host.</summary>
    public HashSet<(string Host, string FileId)> Files { get; private init; } = [];

    public Dictionary<string, LabVm> Vms { get; private init; } = new(StringComparer.Ordinal);

    /// <summary>A second cluster on the same Proxmox hosts: datastores and VMs are shared, the cluster is its own.</summary>
    public LabState OnSameHosts() => new(Facts) { Files = Files, Vms = Vms };

    /// <summary>Talos nodes by IP, once their VM has booted.</summary>
    public Dictionary<string, LabNode> Nodes { get; } = new(StringComparer.Ordinal);

    public bool EtcdBootstrapped { get; set; }

    /// <summary>The snapshot etcd was restored from (talosctl bootstrap --recover-from), or null for an empty etcd.</summary>
    public string? EtcdRestoredFrom { get; set; }

    /// <summary>kube-apiserver answers on the VIP: only known once something waited for it.</summary>
    public bool ApiAnswers { get; set; }

    /// <summary>Kubernetes providers by resource name, and whether each found the cluster when it was configured.</summary>
    public Dictionary<string, bool> KubernetesProviders { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Crds { get; } = new(StringComparer.Ordinal);

    /// <summary>Helm releases installed, and whether each became ready.</summary>
    public Dictionary<string, bool> Releases { get; } = new(StringComparer.Ordinal);

    /// <summary>Kubernetes objects Pulumi wrote, as kind/namespace/name.</summary>
    public HashSet<string> Objects { get; } = new(StringComparer.Ordinal);

    public bool NodesReady { get; set; }

    /// <summary>Every call to a live system, in order: (operation, what).</summary>
    public List<string> LiveCalls { get; } = [];

    /// <summary>etcd snapshot files where pulumi runs, by path: what `talosctl bootstrap --recover-from` restores.</summary>
    public Dictionary<string, EtcdContent> Snapshots { get; } = new(StringComparer.Ordinal);

    /// <summary>The Gateway API bundle whose CRDs the cluster holds (who applied it is in their managed fields), or null.</summary>
    public string? CrdBundle { get; set; }

    /// <summary>The cluster is gone (its control planes do not answer): every call through the Kubernetes provider fails.</summary>
    public bool ClusterUnreachable { get; set; }

    /// <summary>The admin kubeconfig is within Talos' renewal window: the next run renews it.</summary>
    public bool KubeconfigRenewalDue { get; set; }

    public string? ClusterKubernetesVersion =>
        Nodes.Values.Where(n => n.State == NodeState.Configured).Select(n => n.KubernetesVersion).FirstOrDefault();
}
