using Bootstrap.Blueprint.Config;

namespace Bootstrap.Blueprint.Plan;

/// <summary>The bootstrap dependency graph: from empty Proxmox hosts to Argo CD owning the platform.</summary>
public static class Stages
{
    public const string Schematic = "schematic";
    public const string Image = "image";
    public const string Vm = "vm";
    public const string TalosSecrets = "talos-secrets";
    public const string TalosUpgrade = "talos-upgrade";
    public const string KubernetesUpgrade = "kubernetes-upgrade";
    public const string TalosApply = "talos-apply";
    public const string EtcdBootstrap = "etcd-bootstrap";
    public const string Kubeconfig = "kubeconfig";
    public const string Cilium = "cilium";
    public const string LoadBalancer = "load-balancer";
    public const string ClusterHealth = "cluster-health";
    public const string CertManager = "cert-manager";
    public const string SealedSecretsKeys = "sealed-secrets-keys";
    public const string SealedSecrets = "sealed-secrets";
    public const string ArgoCdSecrets = "argocd-secrets";
    public const string ArgoCd = "argocd";
    public const string RootApplication = "root-application";

    /// <summary>The stage that installs a bootstrap core app.</summary>
    public static string ForApp(string app) => app switch
    {
        "cilium" => Cilium,
        "cert-manager" => CertManager,
        "sealed-secrets" => SealedSecrets,
        "argocd" => ArgoCd,
        _ => throw new ArgumentOutOfRangeException(nameof(app), app, "not a bootstrap core app"),
    };

    public static IReadOnlyList<BootstrapStage> For(StackSecrets secrets)
    {
        var stages = new List<BootstrapStage>
        {
            new(Schematic, "Register the Image Factory schematic", []),
            new(Image, "Download the Talos nocloud image, once per Proxmox host", [new(Schematic, EdgeScope.All, "the Image Factory serves images only for a registered schematic")]),
            new(Vm, "Create and start one VM per node", [new(Image, EdgeScope.SameHost, "the boot disk is imported from the image on the VM's own host")]),
            new(TalosSecrets, "Generate the cluster's Talos machine secrets", []),
            new(TalosUpgrade, "Upgrade Talos in place, one node at a time (no-op on new nodes and at the target)", [
                new(Vm, EdgeScope.SameNode, "only a running node can be upgraded"),
                new(TalosUpgrade, EdgeScope.PreviousNode, "one node at a time: control planes in turn keep etcd quorum, then workers"),
            ]),
            new(KubernetesUpgrade, "Upgrade Kubernetes with talosctl upgrade-k8s (no-op on a new cluster and at the target)", [
                new(TalosUpgrade, EdgeScope.All, "Kubernetes moves only once every node runs the Talos release that supports it"),
            ]),
            new(TalosApply, "Apply each node's machine config", [
                new(Vm, EdgeScope.SameNode, "a node takes its config in maintenance mode once its own VM has booted"),
                new(TalosSecrets, EdgeScope.All, "the config carries the cluster's PKI and tokens"),
                new(KubernetesUpgrade, EdgeScope.All, "the config carries the Kubernetes version: applying it before upgrade-k8s would upgrade every node at once"),
            ]),
            new(EtcdBootstrap, "Bootstrap etcd on the first control plane", [new(TalosApply, EdgeScope.BootstrapNode, "etcd starts only on a configured control plane; the VIP exists only after etcd runs")]),
            new(Kubeconfig, "Fetch the admin kubeconfig", [new(EtcdBootstrap, EdgeScope.All, "the API server answers only once etcd runs")]),
            new(Cilium, "Install Cilium (CNI, kube-proxy replacement, L2 load balancer)", [new(Kubeconfig, EdgeScope.All, "Helm needs the API; without a CNI nodes stay NotReady and Talos reboots them after ~10 minutes")]),
            new(LoadBalancer, "Create the Cilium load-balancer pool and L2 announcement policy", [new(Cilium, EdgeScope.All, "their CRDs come with Cilium")]),
            new(ClusterHealth, "Wait until every node is up and Ready", [
                new(Cilium, EdgeScope.All, "nodes turn Ready only once the CNI runs"),
                new(TalosApply, EdgeScope.All, "every node must have its config before it can join"),
            ]),
            new(CertManager, "Install cert-manager", [new(ClusterHealth, EdgeScope.All, "Helm waits for pods, which schedule only on Ready nodes")]),
        };

        var sealedSecrets = new List<StageEdge> { new(ClusterHealth, EdgeScope.All, "Helm waits for pods, which schedule only on Ready nodes") };
        if (secrets.SealedSecretsKeys)
        {
            stages.Add(new(SealedSecretsKeys, "Restore the sealed-secrets keys from the stack's secrets", [new(Kubeconfig, EdgeScope.All, "the keys are Secrets written through the API")]));
            sealedSecrets.Add(new(SealedSecretsKeys, EdgeScope.All, "the controller adopts existing keys only when it starts, so SealedSecrets in Git decrypt"));
        }

        stages.Add(new(SealedSecrets, "Install the sealed-secrets controller", sealedSecrets));
        stages.Add(new(ArgoCdSecrets, "Write Argo CD's admin password and repository credentials", [new(Kubeconfig, EdgeScope.All, "Secrets are written through the API")]));
        stages.Add(new(ArgoCd, "Install Argo CD", [
            new(ClusterHealth, EdgeScope.All, "Helm waits for pods, which schedule only on Ready nodes"),
            new(ArgoCdSecrets, EdgeScope.All, "Argo CD reads argocd-secret and repository credentials when it starts"),
        ]));
        stages.Add(new(RootApplication, "Create the root Application: Argo CD takes over", [
            new(ArgoCd, EdgeScope.All, "the Application CRD and controller come with Argo CD (Cilium is already done: Argo CD waited for it)"),
            new(CertManager, EdgeScope.All, "Argo CD must adopt a finished release, not race Pulumi installing it"),
            new(SealedSecrets, EdgeScope.All, "Argo CD must adopt a finished release, not race Pulumi installing it"),
        ]));
        return stages;
    }
}
