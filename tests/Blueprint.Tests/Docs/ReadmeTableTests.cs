using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Docs;

/// <summary>The README's tables stay an overview: a row that needs more words belongs in a page under docs/ it links.</summary>
public class ReadmeTableTests
{
    /// <summary>
    /// About two lines of GitHub's README column: the longest row today (a CLI command with its link) is under 190, so a
    /// new key or command fits, while a cell that explains (the 350–2,257-character rows this replaced) does not.
    /// </summary>
    private const int MaxRow = 200;

    [Fact]
    public void Every_readme_table_row_is_short()
    {
        var rows = File.ReadAllLines(Path.Combine(Repo.Source, "README.md"))
            .Select((line, i) => (Line: i + 1, Text: line))
            .Where(r => r.Text.StartsWith('|'))
            .ToList();

        var tooLong = rows.Where(r => r.Text.Length > MaxRow).Select(r => $"README.md:{r.Line} ({r.Text.Length} characters): {r.Text[..60]}…");

        Assert.True(rows.Count >= 20, $"expected the README's tables, found {rows.Count} rows");
        Assert.True(!tooLong.Any(), $"rows over {MaxRow} characters; move the detail to docs/ and link it:\n{string.Join("\n", tooLong)}");
    }
}
