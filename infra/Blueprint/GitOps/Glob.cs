using System.Text;
using System.Text.RegularExpressions;

namespace Bootstrap.Blueprint.GitOps;

/// <summary>The glob subset Argo CD uses in project destinations, source repos and directory includes: *, ? and {a,b}.</summary>
public static class Glob
{
    public static bool Matches(string pattern, string text) => ToRegex(pattern).IsMatch(text);

    /// <summary>
    /// Every other character is literal, and braces only group when they pair up, so a pattern read from a file can never
    /// be a broken regex; matching never backtracks, so no pattern takes exponential time.
    /// </summary>
    private static Regex ToRegex(string pattern)
    {
        var groups = Paired(pattern);
        var regex = new StringBuilder("^");
        var depth = 0;
        foreach (var c in pattern)
        {
            regex.Append(c switch
            {
                '*' => "[^/]*",
                '?' => "[^/]",
                '{' when groups => (++depth > 0 ? "(" : ""),
                '}' when groups => (--depth >= 0 ? ")" : ""),
                ',' when groups && depth > 0 => "|",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    private static bool Paired(string pattern)
    {
        var depth = 0;
        foreach (var c in pattern)
        {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }
}
