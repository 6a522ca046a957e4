namespace Bootstrap.Blueprint.Config;

/// <summary>
/// Every configuration key, written once: the binder's valid-key lists, Pulumi.yaml's comments and the README's key table
/// (<see cref="KeyDocs"/>) come from it; KeyTableTests holds it equal to the records, listed in constructor order.
/// </summary>
public static class KeyTable
{
    private const string Cluster = "bootstrap:cluster";
    private const string Network = Cluster + ".network";
    private const string Proxmox = Cluster + ".proxmox";
    private const string Node = Cluster + ".nodes.<hostname>";
    private const string GitOps = "bootstrap:gitops";
    private const string Credentials = "bootstrap:gitopsCredentials";

    public static IReadOnlyList<KeySpec> All { get; } =
    [
        new("proxmoxve:endpoint", Need.Required, "Proxmox API URL", Example: "https://pve1.lab.internal:8006/"),
        new("proxmoxve:insecure", Need.Optional, "\"true\" when the Proxmox certificate is self-signed", Default: "\"false\""),
        new("proxmoxve:apiToken", Need.ForUp, "Proxmox API token", Example: "user@realm!tokenid=uuid", Secret: true),

        new(Cluster, Need.Required, "the cluster, a mapping of the keys below"),
        new($"{Cluster}.name", Need.Required, "cluster name, a DNS-1123 label; also the VM tag and the Cilium pool's name", Example: "dev"),
        new($"{Cluster}.talosVersion", Need.Required, "Talos release; must be in infra/Blueprint/Talos/Compatibility.cs", Example: "v1.13.9"),
        new($"{Cluster}.kubernetesVersion", Need.Required, "Kubernetes release without \"v\", one the Talos release supports",
            Example: "1.36.3"),
        new(Network, Need.Required, "the node network, a mapping of the keys below"),
        new($"{Network}.cidr", Need.Required, "node network", Example: "192.168.40.0/24"),
        new($"{Network}.gateway", Need.Required, "default gateway, inside cidr", Example: "192.168.40.1"),
        new($"{Network}.nameservers", Need.Required, "DNS resolvers", Example: "[192.168.40.1]"),
        new($"{Network}.vip", Need.Required, "Kubernetes API VIP the control planes share, inside cidr", Example: "192.168.40.10"),
        new($"{Network}.loadBalancerPool", Need.Required,
            "first-last range for LoadBalancer Services, inside cidr; its first address is the shared Gateway's",
            Example: "192.168.40.20-192.168.40.39"),
        new($"{Network}.bridge", Need.Required, "Proxmox bridge the VMs attach to", Example: "vmbr0"),
        new($"{Network}.timeServers", Need.Optional, "NTP servers", Default: "Talos' (time.cloudflare.com)"),
        new($"{Network}.vlan", Need.Optional, "VLAN tag, 1-4094", Default: "untagged"),
        new($"{Network}.podSubnet", Need.Optional, "pod network; must not overlap cidr", Default: "10.244.0.0/16"),
        new($"{Network}.serviceSubnet", Need.Optional, "service network; must not overlap cidr", Default: "10.96.0.0/12"),
        new(Proxmox, Need.Required, "where the VMs live, a mapping of the keys below"),
        new($"{Proxmox}.vmDatastore", Need.Required, "storage for VM and EFI disks", Example: "local-lvm"),
        new($"{Proxmox}.imageDatastore", Need.Required, "storage the Talos image is imported from (content type Import)", Example: "local"),
        new($"{Proxmox}.protect", Need.Optional, "protect every resource from `pulumi destroy` (ops sets true)", Default: "false"),
        new($"{Cluster}.nodes", Need.Required, "the VMs, keyed by hostname; resource names derive from the key"),
        new(Node, Need.Required, "a node's hostname, a DNS-1123 label, with the keys below", Example: "cp-1"),
        new($"{Node}.role", Need.Required, "controlplane or worker"),
        new($"{Node}.ip", Need.Required, "static address inside cidr", Example: "192.168.40.11"),
        new($"{Node}.host", Need.Required, "Proxmox node the VM runs on; a change migrates the VM", Example: "pve1"),
        new($"{Node}.vmId", Need.Required, "Proxmox VM id, 100-999999999, unique", Example: "4011"),
        new($"{Node}.cores", Need.Required, "vCPUs (recommended: control plane 2, worker 4)", Example: "2"),
        new($"{Node}.memoryMiB", Need.Required, "memory (recommended: control plane 4096, worker 8192)", Example: "4096"),
        new($"{Node}.diskGiB", Need.Required, "boot disk (recommended: control plane 20, worker 50)", Example: "20"),
        new($"{Node}.mac", Need.Optional, "fixed MAC address", Default: "Proxmox assigns one"),
        new($"{Node}.labels", Need.Optional, "Kubernetes node labels (NodeRestriction rules apply)", Default: "none"),
        new($"{Node}.taints", Need.Optional, "Kubernetes node taints, key: \"value:Effect\"", Default: "none"),
        new($"{Cluster}.imageExtensions", Need.Optional, "Image Factory system extensions; include siderolabs/qemu-guest-agent",
            Default: "[]"),
        new($"{Cluster}.installDisk", Need.Optional, "disk Talos installs to (VirtIO SCSI)", Default: "/dev/sda"),

        new(GitOps, Need.Required, "where Argo CD's root Application points, a mapping of the keys below"),
        new($"{GitOps}.repoUrl", Need.Required, "https or ssh Git URL of this repository"),
        new($"{GitOps}.revision", Need.Required, "branch, tag or commit", Example: "main"),
        new($"{GitOps}.path", Need.Required, "folder under gitops/ the root Application syncs", Example: "gitops/clusters/dev"),

        new(Credentials, Need.Optional, "Git credentials for Argo CD (username and password, or sshPrivateKey)",
            Default: "none, for a public repository", Secret: true),
        new($"{Credentials}.username", Need.Optional, "Git user, with password", Example: "git"),
        new($"{Credentials}.password", Need.Optional, "Git password or token", Secret: true),
        new($"{Credentials}.sshPrivateKey", Need.Optional, "SSH private key, for an ssh repoUrl", Secret: true),
        new("bootstrap:sealedSecretsKeys", Need.Optional, "sealed-secrets keys restored on a rebuild (the `backup` output)",
            Default: "new keys", Secret: true),
        new("bootstrap:argocdAdminPassword", Need.Optional, "Argo CD admin password", Default: "Argo CD generates one", Secret: true),
        new("bootstrap:talosSecrets", Need.Optional, "Talos machine secrets reused on a rebuild (the `backup` output's talos-secrets.yaml)",
            Default: "new secrets", Secret: true),
        new("bootstrap:etcdSnapshot", Need.Optional,
            "rebuild only, with talosSecrets: etcd snapshot to restore (path absolute or from the repository root); remove after",
            Default: "a new etcd"),
        new("bootstrap:silence", Need.Optional, "warnings this stack accepts on purpose: finding id to reason (docs/findings.md)",
            Default: "none", Example: "{BP015: \"lab: one Proxmox host\"}"),
    ];

    /// <summary>The namespace keys of <paramref name="prefix"/> (<c>bootstrap</c>), bare (<c>cluster</c>), in table order.</summary>
    public static IReadOnlyList<string> TopLevel(string prefix) =>
        All.Where(k => k.Depth == 0 && k.Path.StartsWith(prefix + ":", StringComparison.Ordinal)).Select(k => k.Path[(prefix.Length + 1)..]).ToList();

    /// <summary>
    /// The keys directly under <paramref name="parent"/>, in table order. A segment of <paramref name="parent"/> may be any
    /// name where the table has a placeholder (<c>bootstrap:cluster.nodes.cp-1</c> finds <c>…nodes.&lt;hostname&gt;</c>'s keys).
    /// </summary>
    public static IReadOnlyList<string> ChildrenOf(string parent) =>
        All.Where(k => k.Parent is { } p && SamePath(p, parent)).Select(k => k.Name).ToList();

    public static KeySpec Get(string path) => All.Single(k => k.Path == path);

    private static bool SamePath(string pattern, string path)
    {
        var (want, got) = (pattern.Split('.'), path.Split('.'));
        return want.Length == got.Length && want.Zip(got).All(p => p.First == p.Second || p.First.StartsWith('<'));
    }
}
