using System.Text.RegularExpressions;

namespace Bootstrap.Blueprint.GitOps;

/// <summary>The glob subset Argo CD uses in project destinations, source repos and directory includes: *, ? and {a,b}.</summary>
public static class Glob
{
    public static bool Matches(string pattern, string text) => ToRegex(pattern).IsMatch(text);

    private static Regex ToRegex(string pattern)
    {
        var regex = Regex.Escape(pattern)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal)
            .Replace(@"\{", "(", StringComparison.Ordinal)
            .Replace(@"}", ")", StringComparison.Ordinal)
            .Replace(",", "|", StringComparison.Ordinal);
        return new Regex($"^{regex}$", RegexOptions.CultureInvariant);
    }
}
