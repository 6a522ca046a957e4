using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Validation;

/// <summary>Node hostnames and the cluster name become Kubernetes node names and resource names: DNS-1123 labels, unique.</summary>
public sealed partial class NameRule : IRule<ConfigContext>
{
    public IEnumerable<Diagnostic> Findings(ConfigContext context)
    {
        var config = context.Config;
        if (!IsDnsLabel(config.Cluster.Name))
        {
            yield return FindingId.NameLabel.At(
                Keys.Of("name"),
                $"\"{config.Cluster.Name}\" is not a DNS-1123 label",
                "use lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit");
        }

        foreach (var name in config.Cluster.Nodes.Keys)
        {
            if (!IsDnsLabel(name))
            {
                yield return FindingId.NameLabel.At(
                    ConfigKey.Child(Keys.Of("nodes"), name),
                    $"hostname \"{name}\" is not a DNS-1123 label",
                    "use lowercase letters, digits and '-', at most 63 characters, e.g. cp-1 or worker-1");
            }
        }

        foreach (var group in config.Cluster.Nodes.Keys.GroupBy(k => k.ToLowerInvariant()).Where(g => g.Count() > 1))
        {
            yield return FindingId.NameLabel.At(
                ConfigKey.Child(Keys.Of("nodes"), group.Last()),
                $"hostname collides with {group.First()} (hostnames are case-insensitive)",
                "give every node a distinct hostname");
        }
    }

    public static bool IsDnsLabel(string name) => name.Length <= 63 && DnsLabel().IsMatch(name);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
