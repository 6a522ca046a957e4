using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Blueprint.Validation;

/// <summary>What a config rule sees: a bound stack config and the repository it names (gitops/ and stacks/).</summary>
public sealed record ConfigContext(StackConfig Config, IRepository Repository);

/// <summary>The config keys rules report against.</summary>
public static class Keys
{
    public static readonly string Cluster = ConfigKey.Of(ConfigBinder.Cluster);
    public static readonly string GitOps = ConfigKey.Of(ConfigBinder.GitOps);

    public static string Of(string field) => ConfigKey.Child(Cluster, field);

    public static string Network(string field) => ConfigKey.Child(Of("network"), field);

    public static string Proxmox(string field) => ConfigKey.Child(Of("proxmox"), field);

    public static string Node(string name, string field) => ConfigKey.Child(ConfigKey.Child(Of("nodes"), name), field);

    public static string GitOpsField(string field) => ConfigKey.Child(GitOps, field);
}
