using Bootstrap.Blueprint.Config;

namespace Bootstrap.Blueprint.Render;

/// <summary>How plan output names things users recognise.</summary>
public static class Labels
{
    public const string Secret = "[secret]";
    public const string NotSet = "not set";

    public static string Role(NodeRole role) => Talos.MachinePatches.MachineType(role);

    public static string Size(NodeSettings node) => $"{node.Cores} vCPU / {node.MemoryMiB / 1024.0:0.#} GiB / {node.DiskGiB} GiB";

    /// <summary>Each secret key and whether the stack holds it, never its value.</summary>
    public static IReadOnlyList<(string Key, string State)> Secrets(StackConfig config) =>
    [
        ("proxmoxve:apiToken", config.Proxmox.HasApiToken ? Secret : NotSet),
        (ConfigKey.Of(ConfigBinder.GitOpsCredentials), config.Secrets.GitOpsCredentials ? Secret : NotSet),
        (ConfigKey.Of(ConfigBinder.SealedSecretsKeys), config.Secrets.SealedSecretsKeys ? Secret : NotSet),
        (ConfigKey.Of(ConfigBinder.ArgoCdAdminPassword), config.Secrets.ArgoCdAdminPassword ? Secret : NotSet),
    ];
}
