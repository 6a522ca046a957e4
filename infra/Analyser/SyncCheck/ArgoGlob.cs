using System.Text;
using System.Text.RegularExpressions;

namespace Bootstrap.Analyser.SyncCheck;

/// <summary>The two pattern languages an AppProject's lists are matched with (argo-cd pkg/apis/application/v1alpha1): gobwas/glob for
/// source repositories (separator '/') and destinations (none), via util/glob/glob.go; Go's path/filepath.Match for group/kind lists
/// (types.go isResourceInList, isNamedResourceInList). A pattern either library refuses to compile matches nothing, as there.</summary>
public static class ArgoGlob
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    /// <summary>gobwas/glob: <c>*</c> (not across <paramref name="separator"/>), <c>**</c>, <c>?</c>, <c>[a-z]</c>, <c>[!a]</c>,
    /// <c>{a,b}</c> and <c>\</c> escapes.</summary>
    public static bool Gobwas(string pattern, string text, char? separator) =>
        ToRegex(pattern, separator is { } s ? $"[^{Regex.Escape(s.ToString())}]" : "(?s:.)", '!', gobwas: true) is { } regex
        && regex.IsMatch(text);

    /// <summary>path/filepath.Match: <c>*</c> and <c>?</c> (not across '/'), <c>[a-z]</c>, <c>[^a]</c> and <c>\</c> escapes.</summary>
    public static bool FilePath(string pattern, string text) => ToRegex(pattern, "[^/]", '^', gobwas: false) is { } regex && regex.IsMatch(text);

    /// <param name="any">One character a wildcard stands for.</param>
    /// <param name="negation">What opens a negated class.</param>
    /// <param name="gobwas">gobwas's <c>**</c> and <c>{a,b}</c>, which filepath.Match does not have.</param>
    private static Regex? ToRegex(string pattern, string any, char negation, bool gobwas)
    {
        var regex = new StringBuilder("^");
        var depth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when gobwas && i + 1 < pattern.Length && pattern[i + 1] == '*':
                    regex.Append("(?s:.)*");
                    i++;
                    break;
                case '*':
                    regex.Append(any).Append('*');
                    break;
                case '?':
                    regex.Append(any);
                    break;
                case '[':
                    if (Class(pattern, ref i, negation) is not { } set)
                    {
                        return null;
                    }

                    regex.Append(set);
                    break;
                case '{' when gobwas:
                    depth++;
                    regex.Append("(?:");
                    break;
                case '}' when gobwas && depth > 0:
                    depth--;
                    regex.Append(')');
                    break;
                case ',' when gobwas && depth > 0:
                    regex.Append('|');
                    break;
                case '\\':
                    if (++i >= pattern.Length)
                    {
                        return null;
                    }

                    regex.Append(Regex.Escape(pattern[i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return depth == 0 ? Compile(regex.Append('$')) : null;
    }

    /// <summary>A character class starting at pattern[i] ('['), as a regex class; i ends on ']'. Null when it never closes.</summary>
    private static string? Class(string pattern, ref int i, char negation)
    {
        var set = new StringBuilder("[");
        var j = i + 1;
        if (j < pattern.Length && pattern[j] == negation)
        {
            set.Append('^');
            j++;
        }

        var members = 0;
        for (; j < pattern.Length && pattern[j] != ']'; j++)
        {
            var c = pattern[j];
            if (c == '\\' && j + 1 < pattern.Length)
            {
                c = pattern[++j];
            }

            if (c == '-' && members > 0 && j + 1 < pattern.Length && pattern[j + 1] != ']')
            {
                set.Append('-');
                continue;
            }

            set.Append(Regex.Escape(c.ToString()).Replace("]", "\\]", StringComparison.Ordinal).Replace("-", "\\-", StringComparison.Ordinal));
            members++;
        }

        if (j >= pattern.Length || members == 0)
        {
            return null;
        }

        i = j;
        return set.Append(']').ToString();
    }

    private static Regex? Compile(StringBuilder regex)
    {
        try
        {
            return new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Limit);
        }
        catch (ArgumentException)
        {
            return null; // e.g. a reversed range [z-a]: Go and gobwas refuse it too.
        }
    }
}
