using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Bootstrap.Blueprint.Tests.Config;

/// <summary>Pulumi.yaml and the README show the keys exactly as KeyTable writes them.</summary>
public class KeyDocsTests
{
    public const string PulumiYamlBegin = "# Generated from infra/Blueprint/Config/KeyTable.cs (tests: Config/KeyDocsTests).";
    public const string ReadmeBegin = "<!-- Generated from infra/Blueprint/Config/KeyTable.cs (tests: Config/KeyDocsTests). -->";
    public const string ReadmeEnd = "<!-- End of the generated key table. -->";

    /// <summary>The live project file and the fixture repository's copy of it.</summary>
    public static TheoryData<string> PulumiProjects => ["Pulumi.yaml", "tests/FixtureRepo/Pulumi.yaml"];

    [Theory]
    [MemberData(nameof(PulumiProjects))]
    public void Pulumi_yaml_comments_are_the_key_table(string file) =>
        GeneratedText.Check(file, PulumiYamlBegin, null, KeyDocs.PulumiYamlComments());

    [Fact]
    public void The_readme_key_table_is_the_key_table() =>
        GeneratedText.Check("README.md", ReadmeBegin, ReadmeEnd, KeyDocs.MarkdownTable());

    /// <summary>
    /// The keys stay comments: a project's <c>config:</c> block types keys only as string, integer, boolean or array
    /// (pulumi/pulumi sdk/go/common/workspace/project.json, <c>simpleConfigType</c>), and bootstrap:cluster is a mapping.
    /// </summary>
    [Theory]
    [MemberData(nameof(PulumiProjects))]
    public void Pulumi_yaml_declares_only_the_project(string file)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Repo.Source, file))));
        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;

        Assert.Equal(["name", "description", "runtime"], root.Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
        Assert.Equal("dotnet", ((YamlScalarNode)((YamlMappingNode)root["runtime"])["name"]).Value);
    }

    [Fact]
    public void Every_key_is_one_line_of_each_rendering_with_its_default_and_example()
    {
        var yaml = KeyDocs.PulumiYamlComments().Split('\n');
        var markdown = KeyDocs.MarkdownTable().Split('\n');

        foreach (var key in KeyTable.All)
        {
            var comment = Assert.Single(yaml, l => l.StartsWith($"# {new string(' ', 2 * key.Depth)}{key.Name} ", StringComparison.Ordinal));
            var shown = key.Depth == 0 ? key.Path : key.Path[(key.Path.IndexOf(':') + 1)..];
            var row = Assert.Single(markdown, l => l.StartsWith($"| `{shown}` |", StringComparison.Ordinal));
            foreach (var part in new[] { key.Meaning, key.Default, key.Example }.OfType<string>())
            {
                Assert.Contains(part, comment, StringComparison.Ordinal);
                Assert.Contains(part, row, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>
    /// End to end, without KeyTable: every key the binder accepts (its bootstrap keys, the provider keys it reads, every
    /// record field) starts a Pulumi.yaml comment line and a README row, and a record's default is on that line.
    /// </summary>
    [Theory]
    [InlineData("Pulumi.yaml")]
    [InlineData("README.md")]
    public void Every_key_the_binder_accepts_is_documented_with_the_default_it_applies(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Source, file));
        var problems = new List<string>();
        foreach (var (name, fallback) in AcceptedKeys())
        {
            var line = file == "Pulumi.yaml"
                ? lines.FirstOrDefault(l => Regex.IsMatch(l, $@"^#\s+{Regex.Escape(name)}\s"))
                : lines.FirstOrDefault(l => Regex.IsMatch(l, $@"^\| `([^`]*[.:])?{Regex.Escape(name)}` \|"));
            if (line is null)
            {
                problems.Add($"{name} is not documented");
            }
            else if (fallback is not null && !line.Contains(fallback, StringComparison.Ordinal))
            {
                problems.Add($"{name} defaults to {fallback}, documented as \"{line.Trim()}\"");
            }
        }

        Assert.True(problems.Count == 0, $"{file}: {string.Join("; ", problems)}");
    }

    private static IEnumerable<(string Name, string? Default)> AcceptedKeys()
    {
        string[] provider = ["proxmoxve:endpoint", "proxmoxve:insecure", "proxmoxve:apiToken"];
        foreach (var key in ConfigBinder.BootstrapKeys.Select(ConfigKey.Of).Concat(provider))
        {
            yield return (key, null);
        }

        foreach (var key in ConfigBinder.GitOpsCredentialKeys)
        {
            yield return (key, null);
        }

        Type[] records = [typeof(ClusterSettings), typeof(NetworkSettings), typeof(ProxmoxSettings), typeof(NodeSettings), typeof(GitOpsSettings)];
        foreach (var parameter in records.SelectMany(r => r.GetConstructors().Single().GetParameters()))
        {
            var fallback = parameter.HasDefaultValue && parameter.DefaultValue is { } value
                ? value is bool flag ? (flag ? "true" : "false") : value.ToString()
                : null;
            yield return (ShapeCheck.JsonName(parameter.Name!), fallback);
        }
    }
}
