namespace Bootstrap.Blueprint.Diagnostics;

/// <summary>
/// The catalog of finding ids, one per rule or check. A number is never changed or reused (a removed rule's goes to
/// <see cref="Retired"/>); docs/findings.md explains each and, with FindingIdTests, pins every number ever given.
/// </summary>
public sealed partial class FindingId
{
    /// <summary>Numbers of removed rules, never given again.</summary>
    public static readonly IReadOnlyList<int> Retired = [];

    public static readonly FindingId ConfigPlainSecret = new(1, Severity.Error, "Secret in plain text in the stack file");

    public static readonly FindingId ConfigUnknownKey = new(2, Severity.Error, "Unknown config key");

    public static readonly FindingId ConfigValue = new(3, Severity.Error, "Config value missing or of the wrong shape");

    public static readonly FindingId EtcdRestore = new(4, Severity.Warning, "etcd restore configured");

    public static readonly FindingId EtcdRestoreSecrets = new(5, Severity.Error, "etcd snapshot without its Talos secrets");

    public static readonly FindingId StackFile = new(6, Severity.Error, "Stack file unreadable or malformed");

    public static readonly FindingId NetworkAddress = new(7, Severity.Error, "Network address, range or subnet invalid");

    public static readonly FindingId ControlPlaneCount = new(8, Severity.Error, "No control plane or too many nodes");

    public static readonly FindingId SingleControlPlane = new(9, Severity.Warning, "Single control plane");

    public static readonly FindingId EvenControlPlanes = new(10, Severity.Warning, "Even number of control planes");

    public static readonly FindingId GatewayAddressPool = new(11, Severity.Error, "LoadBalancer pool too small");

    public static readonly FindingId GitOpsSource = new(12, Severity.Error, "GitOps source invalid");

    public static readonly FindingId NameLabel = new(13, Severity.Error, "Cluster or node name not a DNS label");

    public static readonly FindingId NodeLabel = new(14, Severity.Error, "Node label or taint invalid");

    public static readonly FindingId HostQuorum = new(15, Severity.Warning, "One Proxmox host holds the etcd quorum");

    public static readonly FindingId HostWorkers = new(16, Severity.Warning, "One Proxmox host runs every worker");

    public static readonly FindingId ProxmoxSettings = new(17, Severity.Error, "Proxmox setting invalid");

    public static readonly FindingId NodeSize = new(18, Severity.Error, "Node size outside limits");

    public static readonly FindingId NodeSizeBelowRecommended = new(19, Severity.Warning, "Node size below recommended");

    public static readonly FindingId TalosSettings = new(20, Severity.Error, "Talos setting invalid");

    public static readonly FindingId NoGuestAgent = new(21, Severity.Warning, "No QEMU guest agent extension");

    public static readonly FindingId Versions = new(22, Severity.Error, "Talos or Kubernetes version unsupported");

    public static readonly FindingId ArgoCdRepoCredentials = new(23, Severity.Error, "Argo CD repository credentials invalid");

    public static readonly FindingId EtcdSnapshot = new(24, Severity.Error, "etcd snapshot unusable");

    public static readonly FindingId SealedSecretsKeys = new(25, Severity.Error, "Sealed-secrets keys invalid");

    public static readonly FindingId SecretInputs = new(26, Severity.Error, "Secret input empty");

    public static readonly FindingId TalosSecrets = new(27, Severity.Error, "Talos secrets invalid");

    public static readonly FindingId CoreRelease = new(28, Severity.Error, "Core app manifest disagrees with the stack");

    public static readonly FindingId CoreValues = new(29, Severity.Error, "Core app values break a bootstrap need");

    public static readonly FindingId AppConfigFile = new(30, Severity.Error, "App config.json unreadable");

    public static readonly FindingId ApplicationSetTemplate = new(31, Severity.Error, "ApplicationSet template unusable");

    public static readonly FindingId CoreAppManifest = new(32, Severity.Error, "Core app manifest malformed");

    public static readonly FindingId GatewayApiCrds = new(33, Severity.Error, "Gateway API CRD source malformed");

    public static readonly FindingId GitOpsYaml = new(34, Severity.Error, "gitops/ YAML unreadable");

    public static readonly FindingId ProxmoxPreflight = new(35, Severity.Error, "Proxmox cannot host the plan");

    public static readonly FindingId FileUnreadable = new(36, Severity.Error, "File unreadable");

    public static readonly FindingId RepositoryPath = new(37, Severity.Error, "Path leaves the repository");

    public static readonly FindingId InstalledVersions = new(38, Severity.Error, "Installed versions file unreadable");

    public static readonly FindingId Upgrade = new(39, Severity.Error, "Upgrade not allowed");

    public static readonly FindingId NeverDeployed = new(40, Severity.Warning, "Installed file records no versions");

    public static readonly FindingId SilenceInvalid = new(41, Severity.Error, "Silence invalid");

    public static readonly FindingId SilenceUnused = new(42, Severity.Warning, "Silence matches nothing");

    public static readonly FindingId AppConfig = new(43, Severity.Error, "App config invalid");

    public static readonly FindingId AppProject = new(44, Severity.Error, "AppProject too permissive");

    public static readonly FindingId ApplicationPath = new(45, Severity.Error, "Application path unusable");

    public static readonly FindingId BootstrapParity = new(46, Severity.Error, "Pulumi and Argo CD disagree on a core app");

    public static readonly FindingId CoreAppSync = new(47, Severity.Error, "Core app would not sync cleanly");

    public static readonly FindingId IgnoredSecretNotRendered = new(48, Severity.Warning, "ignoreDifferences lists unrendered Secrets");

    public static readonly FindingId DeletionSafety = new(49, Severity.Error, "Deleting could remove workloads");

    public static readonly FindingId EnvironmentCopy = new(50, Severity.Error, "Environment copies diverge");

    public static readonly FindingId Gateway = new(51, Severity.Error, "Gateway, route or certificate inconsistent");

    public static readonly FindingId Monitoring = new(52, Severity.Error, "Monitoring rule inconsistent");

    public static readonly FindingId NetworkIsolation = new(53, Severity.Error, "Network isolation incomplete");

    public static readonly FindingId PodSecurity = new(54, Severity.Error, "Pod security level invalid");

    public static readonly FindingId Project = new(55, Severity.Error, "Application outside its project");

    public static readonly FindingId SyncWave = new(56, Severity.Error, "Sync wave order wrong");

    public static readonly FindingId ValueFile = new(57, Severity.Error, "Values file missing");

    public static readonly FindingId YamlLimits = new(58, Severity.Error, "YAML file too large or deep");

    public static readonly FindingId SchemaFileBroken = new(59, Severity.Error, "Pinned schema file broken");

    public static readonly FindingId SchemaMissing = new(60, Severity.Error, "Pinned schema missing");

    public static readonly FindingId KubernetesSchemaMissing = new(61, Severity.Warning, "Kubernetes OpenAPI schema missing");

    public static readonly FindingId CrdSchemaOlder = new(62, Severity.Warning, "CRD schema of an older version");

    public static readonly FindingId Manifest = new(63, Severity.Error, "Manifest does not match its schema");

    public static readonly FindingId KindNotValidated = new(64, Severity.Warning, "Kind not validated");

    public static readonly FindingId RenovateConfig = new(65, Severity.Error, "Renovate configuration invalid");

    public static readonly FindingId TalosPatch = new(66, Severity.Error, "Talos patch does not match the Talos schema");

    public static readonly FindingId Values = new(67, Severity.Error, "Helm values do not match the chart schema");

    public static readonly FindingId RenovateCoverage = new(68, Severity.Error, "Pinned version Renovate does not see");

    public static readonly FindingId StageUncovered = new(69, Severity.Warning, "Pin outside every rollout stage");

    public static readonly FindingId SharedPin = new(70, Severity.Warning, "Pin shared by every environment");

    public static readonly FindingId StageOrder = new(71, Severity.Error, "Later stage ahead of an earlier one");

    public static readonly FindingId ChartRender = new(72, Severity.Error, "Chart render fails or breaks a rule");

    public static readonly FindingId IgnoreDifferencesJq = new(73, Severity.Warning, "jq ignoreDifferences not evaluated");

    public static readonly FindingId SyncRefused = new(74, Severity.Error, "Argo CD would refuse the sync");

    public static readonly FindingId SyncNotRendered = new(75, Severity.Warning, "App not rendered for the sync check");

    public static readonly FindingId UnknownScope = new(76, Severity.Warning, "Kind scope unknown");

    public static readonly FindingId RemoteResourceOffline = new(77, Severity.Warning, "Remote resource not available offline");

    public static readonly FindingId NewAppInput = new(78, Severity.Error, "new-app input invalid");

    public static readonly FindingId NewEnvInput = new(79, Severity.Error, "new-env input invalid");

    public static readonly FindingId SharedVlan = new(80, Severity.Warning, "New environment shares a VLAN");
}
