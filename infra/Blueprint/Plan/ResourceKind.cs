namespace Bootstrap.Blueprint.Plan;

/// <summary>What a planned resource is: plan and topology show it, protection and retention follow from it.</summary>
public enum ResourceKind
{
    ProxmoxProvider,

    /// <summary>Reads the Proxmox version and datastores; not a resource, but everything else waits for it.</summary>
    ProxmoxPreflight,
    ImageSchematic,
    ImageDownload,
    VirtualMachine,
    TalosSecrets,

    /// <summary>The Talos secrets of an earlier cluster, from the stack's config; not a resource, nothing is generated.</summary>
    RestoredTalosSecrets,
    TalosUpgrade,
    KubernetesUpgrade,

    /// <summary>A local script per node: after its VM was created or changed, the node is back and Ready (VM changes roll).</summary>
    VmReady,

    /// <summary>A local command per node whose delete script drains, resets and deletes the node when it leaves the stack.</summary>
    NodeRemoval,
    MachineConfigApply,
    /// <summary>A local script: bootstraps etcd (from a snapshot when one is configured) unless it already runs.</summary>
    EtcdBootstrap,
    Kubeconfig,

    /// <summary>A local script that waits until the cluster really is ready for the next stage.</summary>
    ReadinessGate,
    KubernetesProvider,

    /// <summary>
    /// A local script run once that prints the source of a one-time install; later changes in Git are ignored, so the
    /// install keeps the source it was made from (the Gateway API CRD bundle, owned by Argo CD after the handoff).
    /// </summary>
    InstalledSource,

    /// <summary>Objects applied from a URL the Blueprint read from Git (the Gateway API CRDs).</summary>
    CrdManifests,
    LoadBalancerManifests,
    RestoredSealedSecretsKeys,
    HelmRelease,
    Namespace,
    ArgoCdServerSecret,
    RepositorySecret,
    RootApplication,
}

public static class ResourceKinds
{
    /// <summary>
    /// Whether Pulumi registers a resource for it: a preflight check and restored secrets are steps that create nothing.
    /// The program fails when a planned resource of such a kind was never registered.
    /// </summary>
    public static bool CreatesResource(this ResourceKind kind) => kind is not (ResourceKind.ProxmoxPreflight or ResourceKind.RestoredTalosSecrets);

    /// <summary>
    /// Kinds replaced in normal operation (a new version re-runs a script or downloads a new image), which a protected
    /// stack must not protect: Pulumi refuses to replace a protected resource (pulumi/pulumi step_generator.go).
    /// </summary>
    public static bool ReplacedInNormalOperation(this ResourceKind kind) => kind is ResourceKind.TalosUpgrade or ResourceKind.VmReady
        or ResourceKind.KubernetesUpgrade or ResourceKind.ReadinessGate or ResourceKind.ImageDownload
        or ResourceKind.ImageSchematic or ResourceKind.ProxmoxPreflight or ResourceKind.ProxmoxProvider
        or ResourceKind.KubernetesProvider;
}
