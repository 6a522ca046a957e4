namespace Bootstrap.Tests.Lab;

/// <summary>The resource types the program registers, as the engine names them.</summary>
internal static class Types
{
    public const string ProxmoxProvider = "pulumi:providers:proxmoxve";
    public const string KubernetesProvider = "pulumi:providers:kubernetes";
    public const string File = "proxmoxve:download/file:File";
    public const string Vm = "proxmoxve:index/vmLegacy:VmLegacy";
    public const string Schematic = "talos:imageFactory/schematic:Schematic";
    public const string Secrets = "talos:machine/secrets:Secrets";
    public const string ConfigApply = "talos:machine/configurationApply:ConfigurationApply";
    public const string Kubeconfig = "talos:cluster/kubeconfig:Kubeconfig";
    public const string Command = "command:local:Command";
    public const string ConfigGroup = "kubernetes:yaml/v2:ConfigGroup";
    public const string Release = "kubernetes:helm.sh/v3:Release";
    public const string Namespace = "kubernetes:core/v1:Namespace";
    public const string Secret = "kubernetes:core/v1:Secret";
    public const string Application = "kubernetes:argoproj.io/v1alpha1:Application";
}
