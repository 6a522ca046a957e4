using System.Reflection;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.FindingIds;

/// <summary>
/// Finding ids are a contract with users (silences in stack files, links to docs/findings.md): docs/findings.md pins the
/// catalog, every id has its docs entry, and no finding can be made without an id.
/// </summary>
public partial class FindingIdTests
{
    private static readonly string Docs = Path.Combine(Repo.Source, "docs", "findings.md");

    /// <summary>
    /// docs/findings.md is the pinned list: every number ever given has its entry (a removed rule's stays, marked retired),
    /// so renumbering, reusing or dropping an id without retiring it fails here.
    /// </summary>
    [Fact]
    public void Docs_hold_every_id_ever_given_with_its_level_and_title()
    {
        var entries = Entry().Matches(File.ReadAllText(Docs).ReplaceLineEndings("\n"))
            .Select(m => (Code: m.Groups["code"].Value, Level: m.Groups["level"].Value, Title: m.Groups["title"].Value))
            .ToList();
        var expected = FindingId.All.Select(id => (id.Code, Level(id.Level), id.Title))
            .Concat(FindingId.Retired.Select(n => ($"BP{n:D3}", "retired", entries.FirstOrDefault(e => e.Code == $"BP{n:D3}").Title)));

        Assert.Equal(expected.OrderBy(e => e.Item1, StringComparer.Ordinal), entries.OrderBy(e => e.Code, StringComparer.Ordinal));
        Assert.Equal(entries.Count, entries.Select(e => e.Code).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(n => $"BP{n:D3}"), entries.Select(e => e.Code).Order(StringComparer.Ordinal));
        Assert.Empty(FindingId.All.Select(id => id.Number).Intersect(FindingId.Retired));
    }

    [Fact]
    public void Each_docs_entry_says_what_it_means_and_how_to_fix_it()
    {
        var text = File.ReadAllText(Docs).ReplaceLineEndings("\n");
        foreach (Match entry in Entry().Matches(text).Where(m => m.Groups["level"].Value != "retired"))
        {
            var body = text[(entry.Index + entry.Length)..].Split("\n### ")[0].Trim();
            Assert.True(body.Contains("\nFix: ", StringComparison.Ordinal) && body.Length > 40, $"{entry.Groups["code"].Value}: {body}");
        }
    }

    [Fact]
    public void A_finding_prints_its_id_after_the_level_and_links_its_docs_entry()
    {
        var finding = FindingId.NetworkAddress.At("bootstrap:cluster.nodes.cp-1.ip", "10.0.0.1 is outside network.cidr", "use an address in …");

        Assert.Equal("error BP007: bootstrap:cluster.nodes.cp-1.ip: 10.0.0.1 is outside network.cidr; use an address in …", finding.ToString());
        Assert.Equal("warning BP009: k: p", FindingId.SingleControlPlane.At("k", "p", "").ToString());
        Assert.Equal("docs/findings.md#bp007", finding.Id.Documentation);
        Assert.Same(FindingId.NetworkAddress, FindingId.Find("bp007"));
    }

    /// <summary>The compiler keeps findings to the catalog: no public way to make an id or a finding without one.</summary>
    [Fact]
    public void Ids_and_findings_have_no_constructor_outside_the_core()
    {
        Assert.All(
            typeof(FindingId).GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic), c => Assert.True(c.IsPrivate));
        Assert.All(typeof(Diagnostic).GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic),
            c => Assert.False(c.IsPublic || c.IsFamily || c.IsFamilyOrAssembly, c.ToString()));
    }

    private static string Level(Severity level) => level == Severity.Error ? "error" : "warning";

    [GeneratedRegex(@"^### (?<code>BP\d{3})\n\n\*\*(?<level>error|warning|retired)\*\* · (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex Entry();
}
