using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Validation;

/// <summary>
/// Node labels and taints are valid Kubernetes keys and values, and labels pass the NodeRestriction admission plugin:
/// Talos applies them with the node's own credentials, which may not set kubernetes.io / k8s.io labels outside the allowed prefixes.
/// </summary>
public sealed partial class NodeLabelRule : IRule<ConfigContext>
{
    private static readonly string[] AllowedRestrictedPrefixes = ["kubelet.kubernetes.io/", "node.kubernetes.io/"];
    private static readonly string[] TaintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

    public IEnumerable<Diagnostic> Findings(ConfigContext context)
    {
        var config = context.Config;
        foreach (var (name, node) in config.Cluster.Nodes)
        {
            foreach (var (key, value) in node.Labels ?? new Dictionary<string, string>())
            {
                var at = ConfigKey.Child(Keys.Node(name, "labels"), key);
                if (!IsQualifiedName(key))
                {
                    yield return FindingId.NodeLabel.At(
                        at,
                        $"\"{key}\" is not a valid label key",
                        "use [prefix/]name with a DNS prefix and a name of letters, digits, '-', '_', '.' (63 characters at most)");
                }
                else if (IsRestricted(key))
                {
                    yield return FindingId.NodeLabel.At(
                        at,
                        $"the NodeRestriction admission plugin rejects label \"{key}\" set by a node",
                        "use your own prefix (e.g. platform.example.com/tier) or node.kubernetes.io/");
                }

                if (!LabelValue().IsMatch(value))
                {
                    yield return FindingId.NodeLabel.At(
                        at,
                        $"\"{value}\" is not a valid label value",
                        "use at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric");
                }
            }

            foreach (var (key, value) in node.Taints ?? new Dictionary<string, string>())
            {
                var at = ConfigKey.Child(Keys.Node(name, "taints"), key);
                if (!IsQualifiedName(key))
                {
                    yield return FindingId.NodeLabel.At(at, $"\"{key}\" is not a valid taint key", "use [prefix/]name like a label key");
                }

                var effect = value.Split(':').Last();
                var taintValue = value.Contains(':') ? value[..value.LastIndexOf(':')] : "";
                if (!value.Contains(':') || !TaintEffects.Contains(effect) || !LabelValue().IsMatch(taintValue))
                {
                    yield return FindingId.NodeLabel.At(
                        at,
                        $"\"{value}\" is not value:Effect",
                        $"write e.g. \"dedicated:NoSchedule\" or \":NoExecute\"; effects: {string.Join(", ", TaintEffects)}");
                }
            }
        }
    }

    public static bool IsQualifiedName(string key)
    {
        var slash = key.IndexOf('/');
        var prefix = slash < 0 ? null : key[..slash];
        var name = slash < 0 ? key : key[(slash + 1)..];
        return (prefix is null || (prefix.Length <= 253 && DnsSubdomain().IsMatch(prefix)))
            && name.Length is > 0 and <= 63
            && NamePart().IsMatch(name);
    }

    private static bool IsRestricted(string key)
    {
        var slash = key.IndexOf('/');
        if (slash < 0)
        {
            return false;
        }

        var prefix = key[..slash];
        var restricted = prefix is "kubernetes.io" or "k8s.io"
            || prefix.EndsWith(".kubernetes.io", StringComparison.Ordinal)
            || prefix.EndsWith(".k8s.io", StringComparison.Ordinal);
        return restricted
            && !AllowedRestrictedPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)
                || prefix.EndsWith("." + p.TrimEnd('/'), StringComparison.Ordinal));
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex NamePart();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
