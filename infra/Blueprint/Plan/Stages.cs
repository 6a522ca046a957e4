using Bootstrap.Blueprint.Config;

namespace Bootstrap.Blueprint.Plan;

/// <summary>
/// The bootstrap dependency graph, from empty Proxmox hosts to Argo CD owning the platform. Stage ids are the only
/// names: a single-resource stage's resource key is its id, a per-node or per-host one's is <c>id/member</c>.
/// </summary>
public static class Stages
{
    public const string ProxmoxProvider = "proxmox-provider";
    public const string ProxmoxPreflight = "proxmox-preflight";
    public const string Schematic = "schematic";
    public const string Image = "image";
    public const string Vm = "vm";
    public const string VmReady = "vm-ready";
    public const string NodeRemoval = "node-removal";
    public const string TalosSecrets = "talos-secrets";
    public const string TalosUpgrade = "talos-upgrade";
    public const string KubernetesUpgrade = "kubernetes-upgrade";
    public const string TalosApply = "talos-apply";
    public const string EtcdBootstrap = "etcd-bootstrap";
    public const string Kubeconfig = "kubeconfig";
    public const string ApiReady = "api-ready";
    public const string KubernetesProvider = "kubernetes-provider";
    public const string GatewayApiCrdsSource = "gateway-api-crds-source";
    public const string GatewayApiCrds = "gateway-api-crds";
    public const string Cilium = "cilium";
    public const string CiliumCrds = "cilium-crds";
    public const string LoadBalancer = "load-balancer";
    public const string ClusterHealth = "cluster-health";
    public const string CertManager = "cert-manager";
    public const string SealedSecretsKeys = "sealed-secrets-keys";
    public const string SealedSecrets = "sealed-secrets";
    public const string ArgoCdNamespace = "argocd-namespace";
    public const string ArgoCdSecret = "argocd-secret";
    public const string ArgoCdRepository = "argocd-repository";
    public const string ArgoCd = "argocd";
    public const string RootApplication = "root-application";

    private const string ScheduledPods = "Helm waits for the release's pods, which schedule only on Ready nodes";

    /// <param name="restoreEtcd">etcd starts from a snapshot (bootstrap:etcdSnapshot) instead of empty.</param>
    public static IReadOnlyList<BootstrapStage> For(StackSecrets secrets, bool restoreEtcd = false)
    {
        var stages = new List<BootstrapStage>
        {
            new(ProxmoxProvider, "Configure the Proxmox provider with the API token", ResourceKind.ProxmoxProvider, StageScope.One, []),
            new(ProxmoxPreflight, "Check the Proxmox version and datastores the plan needs", ResourceKind.ProxmoxPreflight, StageScope.One, [
                new(ProxmoxProvider, EdgeScope.All, "the version and datastores are read through the provider"),
            ]),
            new(Schematic, "Register the Image Factory schematic", ResourceKind.ImageSchematic, StageScope.One, [
                new(ProxmoxPreflight, EdgeScope.All, "nothing is created before Proxmox is known to hold the plan"),
            ]),
            new(Image, "Download the Talos nocloud qcow2 image as import content, once per Proxmox host",
                ResourceKind.ImageDownload, StageScope.PerHost, [
                new(Schematic, EdgeScope.All, "the Image Factory serves images only for a registered schematic"),
            ]),
            new(Vm, "Create and start one VM per node, its disk imported from the image (no SSH)", ResourceKind.VirtualMachine, StageScope.PerNode, [
                new(Image, EdgeScope.SameHost, "the boot disk is imported from the image on the VM's own host"),
                new(VmReady, EdgeScope.PreviousNode,
                    "a resize reboots the VM: one node at a time, each Ready again before the next (etcd keeps quorum)"),
            ]),
            new(TalosSecrets,
                secrets.TalosSecrets
                    ? "Restore the cluster's Talos machine secrets from bootstrap:talosSecrets"
                    : "Generate the cluster's Talos machine secrets",
                secrets.TalosSecrets ? ResourceKind.RestoredTalosSecrets : ResourceKind.TalosSecrets, StageScope.One, [
                new(ProxmoxPreflight, EdgeScope.All, "nothing is created before Proxmox is known to hold the plan"),
            ]),
            new(VmReady, "Wait until the node is back and Ready after its VM was created or resized (skips a node in maintenance mode)",
                ResourceKind.VmReady, StageScope.PerNode, [
                new(Vm, EdgeScope.SameNode, "Proxmox reboots the VM to apply new cores or memory and returns once it runs, not once it is Ready"),
                new(TalosSecrets, EdgeScope.All, "the node is asked with the cluster's credentials"),
            ]),
            new(TalosUpgrade, "Upgrade Talos in place, one node at a time (skips a node only in maintenance mode)",
                ResourceKind.TalosUpgrade, StageScope.PerNode, [
                new(VmReady, EdgeScope.SameNode, "only a running node can be upgraded, and not while its VM change reboots it"),
                new(TalosUpgrade, EdgeScope.PreviousNode, "one node at a time: control planes in turn keep etcd quorum, then workers"),
            ]),
            new(KubernetesUpgrade, "Upgrade Kubernetes with talosctl upgrade-k8s (skips a cluster in maintenance mode)",
                ResourceKind.KubernetesUpgrade, StageScope.One, [
                new(TalosUpgrade, EdgeScope.All, "Kubernetes moves only once every node runs the Talos release that supports it"),
            ]),
            new(TalosApply, "Apply each node's machine config", ResourceKind.MachineConfigApply, StageScope.PerNode, [
                new(Vm, EdgeScope.SameNode, "a node takes its config in maintenance mode once its own VM has booted"),
                new(TalosSecrets, EdgeScope.All, "the config carries the cluster's PKI and tokens"),
                new(
                    KubernetesUpgrade,
                    EdgeScope.All,
                    "the config carries the Kubernetes version: applying it before upgrade-k8s would upgrade every node at once"),
            ]),
            new(EtcdBootstrap, restoreEtcd
                    ? "Bootstrap etcd on the first control plane from bootstrap:etcdSnapshot (skipped while etcd runs on any control plane)"
                    : "Bootstrap etcd on the first control plane (skipped while etcd runs on any control plane)",
                ResourceKind.EtcdBootstrap, StageScope.One, [
                new(TalosApply, EdgeScope.BootstrapNode, "etcd starts only on a configured control plane; the VIP exists only after etcd runs"),
            ]),
            new(Kubeconfig, "Fetch the admin kubeconfig", ResourceKind.Kubeconfig, StageScope.One, [
                new(EtcdBootstrap, EdgeScope.All, "the kubeconfig names the VIP, which exists only once etcd runs"),
            ]),
            new(ApiReady, "Wait until kube-apiserver answers on the VIP", ResourceKind.ReadinessGate, StageScope.One, [
                new(Kubeconfig, EdgeScope.All, "Talos hands out the kubeconfig seconds after the etcd bootstrap, long before kube-apiserver answers"),
            ]),
            new(KubernetesProvider, "Configure the Kubernetes provider with the admin kubeconfig", ResourceKind.KubernetesProvider, StageScope.One, [
                new(ApiReady, EdgeScope.All, "pulumi-kubernetes checks the cluster once when configured and never retries"),
            ]),
            new(GatewayApiCrdsSource, "Record the Gateway API CRD bundle of the first install (never re-run)",
                ResourceKind.InstalledSource, StageScope.One, [
                new(KubernetesProvider, EdgeScope.All, "recorded when the CRDs are first written through the API"),
            ]),
            new(GatewayApiCrds, "Install the Gateway API CRDs (standard channel) once; Argo CD owns them afterwards",
                ResourceKind.CrdManifests, StageScope.One, [
                new(GatewayApiCrdsSource, EdgeScope.All, "a later version in Git is Argo CD's to apply: Pulumi re-applying it would "
                    + "share server-side-apply ownership with Argo CD"),
            ]),
            new(Cilium, "Install Cilium (CNI, kube-proxy replacement, L2 load balancer); not awaited", ResourceKind.HelmRelease, StageScope.One, [
                new(GatewayApiCrds, EdgeScope.All, "cilium-operator enables Gateway API only if its CRDs exist when it starts"),
            ]),
            new(CiliumCrds, "Wait until cilium-operator has registered its CRDs", ResourceKind.ReadinessGate, StageScope.One, [
                new(Cilium, EdgeScope.All, "cilium-operator registers the pool and L2 policy CRDs at run time; the chart ships none"),
            ]),
            new(LoadBalancer, "Create the Cilium load-balancer pool and L2 announcement policy", ResourceKind.LoadBalancerManifests, StageScope.One, [
                new(CiliumCrds, EdgeScope.All, "a custom resource needs its CRD"),
            ]),
            new(ClusterHealth, "Wait until Talos is healthy and every node is Ready", ResourceKind.ReadinessGate, StageScope.One, [
                new(LoadBalancer, EdgeScope.All, "an awaited release's LoadBalancer Service is ready only once the pool gave it an address"),
                new(TalosApply, EdgeScope.All, "every node must have its config before it can join"),
            ]),
            new(CertManager, "Install cert-manager", ResourceKind.HelmRelease, StageScope.One, [new(ClusterHealth, EdgeScope.All, ScheduledPods)]),
            new(NodeRemoval, "On removal from the stack: drain, talosctl reset --graceful (leaves etcd), delete the Node object",
                ResourceKind.NodeRemoval, StageScope.PerNode, [
                new(TalosApply, EdgeScope.SameNode, "deleted before the node's config and VM: the node must still run to be drained and reset"),
                new(ClusterHealth, EdgeScope.All, "a node is removable once it has joined; its Node object is drained and deleted through the API"),
                new(NodeRemoval, EdgeScope.PreviousNode, "nodes removed in one update leave one at a time: control planes leave etcd in turn"),
            ]),
        };

        var sealedSecrets = new List<StageEdge> { new(ClusterHealth, EdgeScope.All, ScheduledPods) };
        if (secrets.SealedSecretsKeys)
        {
            stages.Add(new(SealedSecretsKeys, "Restore the sealed-secrets keys from the stack's secrets",
                ResourceKind.RestoredSealedSecretsKeys, StageScope.One, [
                new(KubernetesProvider, EdgeScope.All, "the keys are Secrets written through the API"),
            ]));
            sealedSecrets.Add(new(
                SealedSecretsKeys, EdgeScope.All, "the controller adopts existing keys only when it starts, so SealedSecrets in Git decrypt"));
        }

        stages.Add(new(SealedSecrets, "Install the sealed-secrets controller", ResourceKind.HelmRelease, StageScope.One, sealedSecrets));
        stages.Add(new(ArgoCdNamespace, "Create Argo CD's namespace", ResourceKind.Namespace, StageScope.One, [
            new(KubernetesProvider, EdgeScope.All, "namespaces are written through the API"),
        ]));
        stages.Add(new(ArgoCdSecret, "Write argocd-secret (the admin password)", ResourceKind.ArgoCdServerSecret, StageScope.One, [
            new(ArgoCdNamespace, EdgeScope.All, "a Secret needs its namespace"),
        ]));
        var argocd = new List<StageEdge>
        {
            new(ClusterHealth, EdgeScope.All, ScheduledPods),
            new(ArgoCdSecret, EdgeScope.All, "argocd-server reads argocd-secret when it starts"),
        };
        if (secrets.GitOpsCredentials)
        {
            stages.Add(new(ArgoCdRepository, "Write the Git repository credentials", ResourceKind.RepositorySecret, StageScope.One, [
                new(ArgoCdNamespace, EdgeScope.All, "a Secret needs its namespace"),
            ]));
            argocd.Add(new(ArgoCdRepository, EdgeScope.All, "Argo CD must reach the private repository on its first sync"));
        }

        stages.Add(new(ArgoCd, "Install Argo CD", ResourceKind.HelmRelease, StageScope.One, argocd));
        stages.Add(new(RootApplication, "Create the root Application: Argo CD takes over", ResourceKind.RootApplication, StageScope.One, [
            new(ArgoCd, EdgeScope.All, "the Application CRD and controller come with Argo CD (Cilium is already done: Argo CD waited for it)"),
            new(CertManager, EdgeScope.All, "Argo CD must adopt a finished release, not race Pulumi installing it"),
            new(SealedSecrets, EdgeScope.All, "Argo CD must adopt a finished release, not race Pulumi installing it"),
            new(NodeRemoval, EdgeScope.All, "every node has joined and can be removed cleanly before Argo CD takes over"),
        ]));
        return stages;
    }
}
