namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>
/// Files pinned byte for byte under tests/Blueprint.Tests/Golden/. A test compares what it produced with the file; with
/// BOOTSTRAP_UPDATE_GOLDEN=1 it writes the file instead, and the reviewer reads the diff.
/// </summary>
internal static class Golden
{
    public static string Folder { get; } = Path.Combine(Repo.Source, "tests", "Blueprint.Tests", "Golden");

    public static bool Updating => Environment.GetEnvironmentVariable("BOOTSTRAP_UPDATE_GOLDEN") == "1";

    /// <summary>Fails unless <paramref name="actual"/> is exactly Golden/<paramref name="relative"/> (or writes it, when updating).</summary>
    public static void Match(string relative, string actual)
    {
        var file = Path.Combine(Folder, relative);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, actual);
        }

        Assert.True(File.Exists(file), $"tests/Blueprint.Tests/Golden/{relative} does not exist; create it with BOOTSTRAP_UPDATE_GOLDEN=1");
        var expected = File.ReadAllText(file);
        Assert.True(expected == actual, $"{relative} differs from tests/Blueprint.Tests/Golden/{relative}: {FirstDifference(expected, actual)}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var (want, got) = (expected.Split('\n'), actual.Split('\n'));
        var line = Enumerable.Range(0, Math.Min(want.Length, got.Length)).FirstOrDefault(i => want[i] != got[i], Math.Min(want.Length, got.Length));
        return $"line {line + 1}\n  golden: {(line < want.Length ? want[line] : "(end)")}\n  now:    {(line < got.Length ? got[line] : "(end)")}";
    }
}
