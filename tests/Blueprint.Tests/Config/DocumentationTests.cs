using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Config;

/// <summary>Every key the binder accepts is documented in Pulumi.yaml and the README, so the docs cannot drift from the code.</summary>
public partial class DocumentationTests
{
    public static TheoryData<string> Files => new() { "Pulumi.yaml", "README.md" };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_config_key_is_documented(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, file));
        var documented = KeyMention().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

        var missing = AllKeys().Where(k => !documented.Contains(k)).ToList();

        Assert.True(missing.Count == 0, $"{file} does not document: {string.Join(", ", missing)}");
    }

    private static IEnumerable<string> AllKeys()
    {
        foreach (var key in ConfigBinder.BootstrapKeys)
        {
            yield return ConfigKey.Of(key);
        }

        foreach (var key in new[] { "proxmoxve:endpoint", "proxmoxve:insecure", "proxmoxve:apiToken" })
        {
            yield return key;
        }

        foreach (var type in new[] { typeof(ClusterSettings), typeof(NetworkSettings), typeof(ProxmoxSettings), typeof(NodeSettings), typeof(GitOpsSettings) })
        {
            foreach (var key in ShapeCheck.KeysOf(type))
            {
                yield return key;
            }
        }
    }


    // A key is documented where it starts a comment line ("#   vip ...") or appears in backticks ("`vip`").
    [GeneratedRegex(@"(?m)(?:^#\s+|`)([A-Za-z]+:?[A-Za-z]*)\b")]
    private static partial Regex KeyMention();
}
