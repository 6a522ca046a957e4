using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Architecture;

/// <summary>Doc comments say what and why in a few lines: no <c>///</c> block in infra/ or Program.cs runs past
/// <see cref="MaxLines"/> lines. Longer explanations belong in docs/ or in a short <c>//</c> at the line they explain.</summary>
public class DocCommentTests
{
    private const int MaxLines = 4;

    [Fact]
    public void No_doc_comment_block_is_longer_than_4_lines()
    {
        var files = LineLengthTests.SourceFiles(Path.Combine(Repo.Source, "infra")).Select(f => "infra/" + f).Append("Program.cs").ToList();
        Assert.Contains("infra/Blueprint/Diagnostics/Diagnostic.cs", files);

        var offenders = files.SelectMany(f => LongBlocks(f, File.ReadAllLines(Path.Combine(Repo.Source, f)))).ToList();

        Assert.True(offenders.Count == 0, $"{offenders.Count} doc comment block(s) longer than {MaxLines} lines; say what and why in at "
            + $"most {MaxLines} lines (move a long explanation to docs/):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void A_block_is_the_run_of_consecutive_doc_comment_lines()
    {
        string[] source =
        [
            "/// <summary>One.</summary>", // 1 line
            "public sealed record A;",
            "    /// <summary>", // 5 lines: too long
            "    /// a",
            "    /// b",
            "    /// </summary>",
            "    /// <param name=\"x\">x</param>",
            "    public void M(int x) { }",
            "/// 1", // 4 lines, then a // comment that is no doc comment
            "/// 2",
            "/// 3",
            "/// 4",
            "// not a doc comment",
            "/// 5",
        ];

        Assert.Equal([new Offender("Sample.cs", 3, 5)], LongBlocks("Sample.cs", source));
    }

    private sealed record Offender(string Path, int Line, int Lines)
    {
        public override string ToString() => $"{Path}:{Line} ({Lines} lines)";
    }

    private static IEnumerable<Offender> LongBlocks(string path, string[] lines)
    {
        var start = -1;
        for (var i = 0; i <= lines.Length; i++)
        {
            var isDoc = i < lines.Length && lines[i].TrimStart().StartsWith("///", StringComparison.Ordinal);
            if (isDoc && start < 0)
            {
                start = i;
            }
            else if (!isDoc && start >= 0)
            {
                if (i - start > MaxLines)
                {
                    yield return new Offender(path, start + 1, i - start);
                }

                start = -1;
            }
        }
    }
}
