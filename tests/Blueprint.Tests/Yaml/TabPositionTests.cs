using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Tests.Yaml;

/// <summary>
/// A tab in YAML's indentation is reported at the tab, the line go-yaml names ("yaml: line N: found character that cannot
/// start any token", scannerc.go yaml_parser_fetch_next_token), not at 1:1 where YamlDotNet leaves its position-less
/// "while scanning a mapping, found invalid tab" error.
/// </summary>
public class TabPositionTests
{
    [Theory]
    [InlineData("a: 1\nb:\n\tc: 2\n", 3, 1)] // "while scanning a mapping": YamlDotNet gives no position
    [InlineData("a: 1\nb: |\n  text\n\tmore\n", 4, 1)]
    [InlineData("a: 1\nb: 2\nc:\n  d: 1\n\te: 2\n", 5, 1)] // "while scanning a plain scalar": YamlDotNet starts at the scalar
    [InlineData("a: 1\n---\nb: 2\nc:\n\td: 3\n", 5, 1)] // in a later document
    [InlineData("a: 1\r\nb:\r\n\tc: 2\r\n", 3, 1)] // CRLF line breaks count once
    public void The_error_points_at_the_tab(string yaml, int line, int column)
    {
        var error = Assert.Throws<YamlFormatException>(() => YamlReader.ParseAll(yaml, "t.yaml"));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains("tab", error.Problem, StringComparison.Ordinal);
        Assert.Contains("never tabs", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: |\n  x\n  \ty\nb:\n\tc: 1\n", 5, 1)] // the tab at 3:3 is text of the block scalar
    [InlineData("a: [1,\n\t2]\nb:\n\tc: 1\n", 4, 1)] // the tab at 2:1 is allowed inside a flow collection
    [InlineData("a: \"x\n\ty\"\nb:\n\tc: 1\n", 4, 1)] // the tab at 2:1 is inside a quoted scalar
    public void Tabs_yaml_allows_before_the_bad_one_are_passed_over(string yaml, int line, int column)
    {
        var error = Assert.Throws<YamlFormatException>(() => YamlReader.ParseAll(yaml, "t.yaml"));

        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void A_stack_file_with_a_tab_is_reported_at_the_tab()
    {
        using var repository = new RepoCopy().Write("Pulumi.lab.yaml", "config:\n  bootstrap:cluster:\n    name: lab\n\ttalosVersion: v1.13.9\n");

        var (_, findings) = StackFile.Read(repository, "lab");

        var error = Assert.Single(findings);
        Assert.Equal((Severity.Error, "Pulumi.lab.yaml:4:1"), (error.Severity, error.Key));
        Assert.Contains("tab", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gitops_manifest_with_a_tab_is_reported_at_the_tab()
    {
        using var repository = new RepoCopy().Write(
            "gitops/clusters/dev/core/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n\tkey: value\n");
        var findings = new List<Diagnostic>();

        GitOpsTree.Load(repository, findings);

        var error = Assert.Single(findings, f => f.Key.StartsWith("gitops/clusters/dev/core/extra.yaml", StringComparison.Ordinal));
        Assert.Equal("gitops/clusters/dev/core/extra.yaml:6:1", error.Key);
        Assert.Contains("tab", error.Problem, StringComparison.Ordinal);
    }
}
