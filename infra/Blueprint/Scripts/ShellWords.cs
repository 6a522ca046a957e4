using System.Text.RegularExpressions;

namespace Bootstrap.Blueprint.Scripts;

/// <summary>Commands printed for a person to paste into a POSIX shell: each word quoted only when it has to be.</summary>
public static partial class ShellWords
{
    public static string Quote(string word) =>
        word.Length > 0 && Plain().IsMatch(word) ? word : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    public static string Join(IEnumerable<string> words) => string.Join(" ", words.Select(Quote));

    [GeneratedRegex("^[A-Za-z0-9_@%+=:,./-]+$")]
    private static partial Regex Plain();
}
