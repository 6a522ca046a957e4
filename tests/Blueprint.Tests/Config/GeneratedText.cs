using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Config;

/// <summary>
/// A part of a hand-written file that is made from code (Pulumi.yaml's key comments, the README's key table): it starts after
/// a marker line and runs to an end marker or the end of the file. A drift fails with the text to paste;
/// BOOTSTRAP_UPDATE_GOLDEN=1 writes it (<see cref="Golden"/>).
/// </summary>
internal static class GeneratedText
{
    public static void Check(string relative, string begin, string? end, string expected)
    {
        var file = Path.Combine(Repo.Source, relative);
        var text = File.ReadAllText(file);
        var start = text.IndexOf(begin + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{relative} has no line \"{begin}\" where the generated text starts");
        start += begin.Length + 1;
        var stop = end is null ? text.Length : text.IndexOf(end, start, StringComparison.Ordinal);
        Assert.True(stop >= 0, $"{relative} has no line \"{end}\" where the generated text ends");

        var actual = text[start..stop];
        if (actual != expected && Golden.Updating)
        {
            File.WriteAllText(file, text[..start] + expected + text[stop..]);
            actual = expected;
        }

        Assert.True(
            actual == expected,
            $"{relative} differs from what infra/Blueprint/Config/KeyTable.cs says; rerun with BOOTSTRAP_UPDATE_GOLDEN=1 "
            + $"or replace the lines after \"{begin}\" with:\n{expected}");
    }
}
