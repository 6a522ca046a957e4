using System.Reflection;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.FindingIds;

/// <summary>
/// Finding ids are a contract with users (silences in stack files, links to docs/findings.md): the catalog is pinned by a
/// hand-kept list, every id has its docs entry, and no finding can be made without an id.
/// </summary>
public partial class FindingIdTests
{
    private static readonly string Pinned = Path.Combine(Repo.Source, "tests", "Blueprint.Tests", "FindingIds", "finding-ids.txt");

    private static readonly string Docs = Path.Combine(Repo.Source, "docs", "findings.md");

    [Fact]
    public void The_catalog_is_the_pinned_list_so_renumbering_or_reusing_an_id_fails()
    {
        var pinned = File.ReadAllLines(Pinned).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var actual = FindingId.All.Select(Line)
            .Concat(FindingId.Retired.Select(n => $"BP{n:D3} retired"))
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(pinned.Order(StringComparer.Ordinal), actual);
        Assert.Equal(pinned.Count, pinned.Select(l => l[..5]).Distinct().Count());
        Assert.Empty(FindingId.All.Select(id => id.Number).Intersect(FindingId.Retired));
    }

    [Fact]
    public void Every_id_has_its_docs_entry_with_level_and_title_and_every_entry_an_id()
    {
        var text = File.ReadAllText(Docs).ReplaceLineEndings("\n");
        var entries = Entry().Matches(text)
            .ToDictionary(m => m.Groups["code"].Value, m => (Level: m.Groups["level"].Value, Title: m.Groups["title"].Value));

        Assert.Equal(FindingId.All.Select(id => id.Code).Order(StringComparer.Ordinal), entries.Keys.Order(StringComparer.Ordinal));
        foreach (var id in FindingId.All)
        {
            Assert.Equal((Level(id.Level), id.Title), entries[id.Code]);
        }
    }

    [Fact]
    public void Each_docs_entry_says_what_it_means_and_how_to_fix_it()
    {
        var text = File.ReadAllText(Docs).ReplaceLineEndings("\n");
        foreach (Match entry in Entry().Matches(text))
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

    private static string Line(FindingId id) => $"{id.Code} {Level(id.Level)} {CatalogName(id)}";

    private static string Level(Severity level) => level == Severity.Error ? "error" : "warning";

    private static string CatalogName(FindingId id) => typeof(FindingId)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Single(f => ReferenceEquals(f.GetValue(null), id)).Name;

    [GeneratedRegex(@"^### (?<code>BP\d{3})\n\n\*\*(?<level>error|warning)\*\* · (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex Entry();
}
