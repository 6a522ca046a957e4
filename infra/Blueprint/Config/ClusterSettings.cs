using System.Text.Json.Serialization;

namespace Bootstrap.Blueprint.Config;

// The shape of `bootstrap:cluster` in Pulumi.<stack>.yaml, bound camelCase. What each key means: KeyTable (tests hold the two equal).

public sealed record ClusterSettings(
    string Name,
    string TalosVersion,
    string KubernetesVersion,
    NetworkSettings Network,
    ProxmoxSettings Proxmox,
    IReadOnlyDictionary<string, NodeSettings> Nodes,
    IReadOnlyList<string>? ImageExtensions = null,
    string InstallDisk = "/dev/sda")
{
    public IReadOnlyList<string> Extensions => ImageExtensions ?? [];
}

public sealed record NetworkSettings(
    string Cidr,
    string Gateway,
    IReadOnlyList<string> Nameservers,
    string Vip,
    string LoadBalancerPool,
    string Bridge,
    IReadOnlyList<string>? TimeServers = null,
    int? Vlan = null,
    string PodSubnet = "10.244.0.0/16",
    string ServiceSubnet = "10.96.0.0/12");

public sealed record ProxmoxSettings(
    string VmDatastore,
    string ImageDatastore,
    bool Protect = false);

[JsonConverter(typeof(JsonStringEnumConverter<NodeRole>))]
public enum NodeRole
{
    [JsonStringEnumMemberName("controlplane")]
    ControlPlane,

    [JsonStringEnumMemberName("worker")]
    Worker,
}

public sealed record NodeSettings(
    NodeRole Role,
    string Ip,
    string Host,
    int VmId,
    int Cores,
    int MemoryMiB,
    int DiskGiB,
    string? Mac = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    IReadOnlyDictionary<string, string>? Taints = null);

/// <summary><c>bootstrap:gitops</c>: where the root Application points.</summary>
public sealed record GitOpsSettings(string RepoUrl, string Revision, string Path);
