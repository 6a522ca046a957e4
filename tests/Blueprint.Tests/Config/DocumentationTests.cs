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
        var text = File.ReadAllText(Path.Combine(Repo.Source, file));
        var documented = KeyMention().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

        var missing = AllKeys().Where(k => !documented.Contains(k)).ToList();

        Assert.True(missing.Count == 0, $"{file} does not document: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_default_the_binder_applies_is_the_documented_one(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Source, file));
        var wrong = new List<string>();
        foreach (var (key, value) in Defaults())
        {
            // Pulumi.yaml: the comment line of the key; README: the first table row naming it.
            var documented = file == "Pulumi.yaml"
                ? Regex.Match(text, $@"(?m)^#\s+{key}\s.*$").Value
                : Regex.Match(text, $@"(?m)^\|.*`{key}`.*$").Value;
            if (!documented.Contains(value, StringComparison.Ordinal))
            {
                wrong.Add($"{key} defaults to {value}, documented as \"{documented.Trim()}\"");
            }
        }

        Assert.True(wrong.Count == 0, $"{file}: {string.Join("; ", wrong)}");
    }

    /// <summary>The records the config keys bind to.</summary>
    private static readonly Type[] Records =
        [typeof(ClusterSettings), typeof(NetworkSettings), typeof(ProxmoxSettings), typeof(NodeSettings), typeof(GitOpsSettings)];

    /// <summary>The optional keys whose default is a value (not "absent"), as the records bind them.</summary>
    private static IEnumerable<(string Key, string Value)> Defaults()
    {
        foreach (var type in Records)
        {
            foreach (var parameter in type.GetConstructors().Single().GetParameters().Where(p => p.HasDefaultValue && p.DefaultValue is not null))
            {
                var value = parameter.DefaultValue is bool flag ? (flag ? "true" : "false") : parameter.DefaultValue!.ToString()!;
                yield return (char.ToLowerInvariant(parameter.Name![0]) + parameter.Name[1..], value);
            }
        }
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

        foreach (var type in Records)
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
