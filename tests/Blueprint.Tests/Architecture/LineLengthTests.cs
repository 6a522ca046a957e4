using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Architecture;

/// <summary>Lines a person can read: no C# line in the repository runs past <see cref="MaxLength"/> characters.</summary>
public class LineLengthTests
{
    private const int MaxLength = 150;

    /// <summary>Folders git ignores (build output, tools, rendered plans) and git's own.</summary>
    private static readonly HashSet<string> Untracked =
        new(["bin", "obj", "out", "TestResults", ".git", ".tools", ".vs", ".idea"], StringComparer.Ordinal);

    [Fact]
    public void No_cs_line_is_longer_than_150_characters()
    {
        var files = SourceFiles(Repo.Source).ToList();
        Assert.Contains("infra/Blueprint/Diagnostics/Diagnostic.cs", files);

        var tooLong = files
            .SelectMany(f => File.ReadLines(Path.Combine(Repo.Source, f)).Select((line, i) => (File: f, Number: i + 1, line.Length)))
            .Where(l => l.Length > MaxLength)
            .Select(l => $"{l.File}:{l.Number} has {l.Length} characters")
            .ToList();

        Assert.True(tooLong.Count == 0, $"{tooLong.Count} line(s) longer than {MaxLength} characters; wrap them:\n" + string.Join("\n", tooLong));
    }

    /// <summary>Every .cs file under <paramref name="root"/>, as a path relative to it with '/', outside untracked folders.</summary>
    internal static IEnumerable<string> SourceFiles(string root)
    {
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs"))
            {
                yield return Path.GetRelativePath(root, file).Replace('\\', '/');
            }

            foreach (var child in Directory.EnumerateDirectories(folder).Where(d => !Untracked.Contains(Path.GetFileName(d))))
            {
                pending.Push(child);
            }
        }
    }
}
