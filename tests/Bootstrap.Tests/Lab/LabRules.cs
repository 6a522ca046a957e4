using Bootstrap.Blueprint.Plan;

namespace Bootstrap.Tests.Lab;

/// <summary>
/// The rules of the lab, one per real behaviour the first `pulumi up` depends on. Each is checked when the engine creates,
/// updates or replaces a resource during an update (never during a preview, which runs nothing).
/// </summary>
internal static partial class LabRules
{
    public const string DiskImportNeedsSsh = "disk-import-needs-ssh";
    public const string ImportContent = "import-content";
    public const string AwaitedReleaseReady = "awaited-release-ready";
    public const string ClusterReachable = "cluster-reachable";
    public const string CrdBeforeObject = "crd-before-object";
    public const string ConfigApplyNeedsItsVm = "config-apply-needs-its-vm";
    public const string BootstrapNeedsConfiguredControlPlane = "bootstrap-needs-configured-control-plane";
    public const string KeysBeforeController = "keys-before-controller";
    public const string RootApplicationLast = "root-application-last";
    public const string ArgoCdNeedsItsSecret = "argocd-needs-its-secret";
    public const string NamespaceBeforeObject = "namespace-before-object";
    public const string KubernetesMovesWithUpgradeK8s = "kubernetes-moves-with-upgrade-k8s";
    public const string TalosUpgradesOneAtATime = "talos-upgrades-one-at-a-time";
    public const string GatewayCrdsBeforeCilium = "gateway-crds-before-cilium";
    public const string ProtectedNotReplaced = "protected-not-replaced";

    /// <summary>
    /// The engine refuses to delete a protected resource (pulumi/pulumi pkg/resource/deploy/step.go DeleteStep.Apply); see <see cref="Destroy"/>.
    /// </summary>
    public const string ProtectedNotDeleted = "protected-not-deleted";
    public const string GateMustPass = "gate-must-pass";

    /// <summary>Invokes that read a live cluster. A preview must never call one; the program may not use them at all.</summary>
    public const string NoClusterInvokes = "no-cluster-invokes";

    /// <summary>Rules the engine itself enforces (not per registration): gates, deletes, invokes.</summary>
    public static readonly IReadOnlyList<(string Id, string Behaviour, string Source)> Engine =
    [
        (GateMustPass, "a local script waits only for what comes before it; a state it waits for that is not guaranteed by then times out",
            "pulumi-command local.Command (runs the script, fails on a non-zero exit); "
            + "the scripts' own deadlines (Blueprint Readiness/ and Upgrades/)"),
        (ProtectedNotDeleted, "the engine refuses to delete a protected resource and stops after the deletes already running",
            "pulumi/pulumi pkg/resource/deploy/step.go DeleteStep.Apply; step_generator.go ScheduleDeletes"),
        (NoClusterInvokes, "an invoke (data source) runs on every preview and every update; one that reads the cluster makes a preview touch it",
            "pulumi/pulumi-dotnet Deployment.Invoke; "
            + "siderolabs/terraform-provider-talos pkg/talos/talos_cluster_health_data_source.go (a data source)"),
        .. NodeLifecycleRules.Engine,
        .. Day2Engine,
    ];

    public static readonly IReadOnlyList<LabRule> All =
    [
        new(DiskImportNeedsSsh,
            "a VM disk given by file_id is imported with `qm disk import` over SSH on the node; an API token gives the provider no SSH user",
            "bpg/terraform-provider-proxmox proxmoxtf/resource/vm/disk/disk.go createCustomDisk; docs/index.md (ssh block)",
            (r, c) => r.Type == Types.Vm && FileIdDisks(r).Any()
                && c.Registered.Values.All(p => p.Type != Types.ProxmoxProvider || p.Inputs["ssh"] is null)
                ? "creating custom disk: the provider has no SSH settings, but disks given by file_id are imported over SSH (qm disk import)"
                : null),
        new(ImportContent,
            "download-url stores \"import\" content only on Proxmox VE 8.4+ and only on a datastore with Import enabled; "
            + "compressed images cannot be imported through the API; a VM imports a disk only from a file that exists on its own node",
            "bpg fwprovider/nodes/resource_download_file.go, proxmox/version/capabilities.go SupportImportContentType; "
            + "docs/resources/virtual_environment_vm.md import_from",
            ImportContentViolation),
        new(AwaitedReleaseReady,
            "an awaited Helm release is ready only when every LoadBalancer Service has an address and every pod runs; "
            + "pods schedule only on Ready nodes (the CNI's own pods excepted); pulumi-kubernetes waits 300 s",
            "pulumi-kubernetes provider/pkg/provider/helm_release.go (client.Wait = !SkipAwait); helm pkg/kube/ready.go serviceReady; "
            + "cilium 1.20.0 templates/cilium-ingress-service.yaml",
            AwaitedReleaseViolation),
        new(ClusterReachable,
            "pulumi-kubernetes checks the cluster once when the provider is configured and marks it unreachable without retrying; "
            + "every resource through it then fails",
            "pulumi-kubernetes provider/pkg/provider/provider.go Configure (clusterUnreachable) "
            + "and Create (\"configured Kubernetes cluster is unreachable\")",
            (r, c) => r.Provider is { } provider && c.Lab.KubernetesProviders.TryGetValue(provider, out var reachable) && !reachable
                ? "configured Kubernetes cluster is unreachable: the provider was configured before kube-apiserver answered on the VIP"
                : null),
        new(CrdBeforeObject,
            "an object of a custom kind is accepted only once its CRD exists: "
            + "Cilium's CRDs are registered by cilium-operator at run time, Argo CD's come with its chart",
            "Kubernetes API (no matches for kind); Cilium docs (CRDs registered by the operator, the chart ships none); argo-helm crds.install",
            CrdViolation),
        new(ConfigApplyNeedsItsVm,
            "a machine config reaches a node only over its Talos API, which answers only once its VM exists and has booted",
            "siderolabs/terraform-provider-talos pkg/talos/talos_machine_configuration_apply_resource.go (talosClientOp to the node)",
            (r, c) => r.Type == Types.ConfigApply && Vm(r, c, r.Text("node")!) is null
                ? $"timed out: nothing answers at {r.Text("node")}:50000 (no started VM with that address comes before this apply)"
                : null),
        new(BootstrapNeedsConfiguredControlPlane,
            "etcd bootstraps only on a control plane that already has its machine config; "
            + "before that machined answers FailedPrecondition and the script retries until its deadline",
            "siderolabs/talos internal/app/machined/internal/server/v1alpha1/v1alpha1_server.go Bootstrap "
            + "(FailedPrecondition before the config is applied); Blueprint Talos/EtcdBootstrap.cs",
            (r, c) => r.Planned?.Kind == ResourceKind.EtcdBootstrap && !c.Lab.EtcdBootstrapped
                && (!c.Lab.Nodes.TryGetValue(c.Blueprint.Talos.BootstrapIp, out var node) || node.State != NodeState.Configured
                    || node.MachineType != "controlplane"
                    || !c.Before(r, PlannedResource.KeyOf(Stages.TalosApply, c.Blueprint.Talos.BootstrapNode)))
                ? $"etcd-bootstrap: {c.Blueprint.Talos.BootstrapNode} ({c.Blueprint.Talos.BootstrapIp}) did not accept the bootstrap: "
                    + "it is not a configured control plane"
                : null),
        new(KeysBeforeController,
            "the sealed-secrets controller adopts existing keys only when it starts; "
            + "started without them it generates a new key and SealedSecrets from Git stay sealed",
            "bitnami-labs/sealed-secrets README (Bring your own certificates: "
            + "keys labelled sealedsecrets.bitnami.com/sealed-secrets-key are read when the controller starts)",
            (r, c) => r.Type == Types.Release && r.Text("name") == "sealed-secrets"
                && c.Planned(Stages.SealedSecretsKeys) is { } keys && !r.Comes(keys.Name)
                ? "the controller starts without the restored keys and generates a new one"
                : null),
        new(RootApplicationLast,
            "Argo CD adopts only finished releases: the root Application comes after every other resource of the bootstrap",
            "argoproj/argo-cd docs/operator-manual/declarative-setup.md (Manage Argo CD Using Argo CD): the adopted release must match what runs",
            (r, c) => r.Type == Types.Application
                && c.Blueprint.Plan.Resources
                    .Where(p => p.Kind != ResourceKind.RootApplication && p.Kind.CreatesResource())
                    .Select(p => p.Name)
                    .Where(n => !r.Comes(n))
                    .ToList() is { Count: > 0 } early
                ? $"the root Application is created before {string.Join(", ", early)}: Argo CD would race Pulumi"
                : null),
        new(ArgoCdNeedsItsSecret,
            "with configs.secret.createSecret false, argocd-server starts only once argocd-secret exists",
            "argo-helm charts/argo-cd values.yaml (configs.secret.createSecret); Argo CD docs (argocd-secret holds server.secretkey)",
            (r, c) => r.Type == Types.Release && r.Text("name") == "argocd" && !Flag(r, "skipAwait")
                && !(c.Before(r, Stages.ArgoCdSecret) && c.Lab.Objects.Contains($"Secret/{r.Text("namespace")}/argocd-secret"))
                ? "timed out after 300s: argocd-server crash-loops without argocd-secret"
                : null),
        new(NamespaceBeforeObject,
            "a namespaced object can be written only into a namespace that exists",
            "Kubernetes API (namespaces \"x\" not found)",
            (r, c) => r.Type is Types.Secret && !NamespaceBefore(r, c, r.Text("metadata", "namespace")!)
                ? $"namespaces \"{r.Text("metadata", "namespace")}\" not found"
                : null),
        new(KubernetesMovesWithUpgradeK8s,
            "a machine config carrying another Kubernetes version moves that node at once; only talosctl upgrade-k8s moves a cluster safely",
            "Talos docs kubernetes-guides/upgrading-kubernetes (talosctl upgrade-k8s moves the control plane, then the kubelets)",
            KubernetesVersionViolation),
        new(TalosUpgradesOneAtATime,
            "Talos upgrades one node at a time: two control planes rebooting together lose etcd quorum",
            "Talos docs (Upgrading Talos Linux: one node at a time)",
            TalosUpgradeOrderViolation),
        new(GatewayCrdsBeforeCilium,
            "cilium-operator enables Gateway API only if its CRDs exist when it starts, "
            + "and the chart creates the GatewayClass only if the API is known at install",
            "cilium 1.20.0 templates/cilium-gateway-api-class.yaml (.Capabilities.APIVersions.Has); "
            + "Cilium docs (Gateway API support: install the CRDs first)",
            (r, c) => r.Type == Types.Release && r.Text("name") == "cilium"
                && ReleaseValues.Flag(ReleaseValues.Of(r, c), false, "gatewayAPI", "enabled")
                && !(c.Before(r, Stages.GatewayApiCrds) && c.Lab.Crds.Contains("gateways.gateway.networking.k8s.io"))
                ? "cilium-operator starts without the Gateway API CRDs and disables Gateway API"
                : null),
        new(ProtectedNotReplaced,
            "the engine refuses to replace (delete) a protected resource",
            "pulumi/pulumi pkg/resource/deploy/step_generator.go (unable to replace resource ... marked for protection)",
            (r, c) => c.Operation == Operation.Replace && r.Protect
                ? $"unable to replace resource {r.Name} as it is currently marked for protection"
                : null),
        .. NodeLifecycleRules.All,
        .. Day2,
    ];
}
