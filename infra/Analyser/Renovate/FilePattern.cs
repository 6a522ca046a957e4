using System.Text;
using System.Text.RegularExpressions;

namespace Bootstrap.Analyser.Renovate;

/// <summary>Renovate's "regex or glob" strings (managerFilePatterns, matchFileNames, ignorePaths) on repo-relative paths, as
/// renovatebot/renovate lib/util/string-match.ts: "*" is everything, "/re/" or "/re/i" a regular expression ("!/re/" negates it),
/// anything else a minimatch glob { dot: true, nocase: true } (*, **, ?, [...], {a,b}, leading !). .NET's regex engine agrees with
/// re2 and JavaScript's RegExp on what config patterns use (classes, groups, anchors, named groups).</summary>
public static partial class FilePattern
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>One managerFilePatterns entry against a path (file-match.ts getMatchingFiles: each pattern on its own).</summary>
    public static bool Matches(string pattern, string path)
    {
        if (pattern == "*")
        {
            return true;
        }

        if (RegexLiteral().Match(pattern) is { Success: true } literal)
        {
            var options = literal.Groups["flags"].Value == "i" ? RegexOptions.IgnoreCase : RegexOptions.None;
            var found = new Regex(literal.Groups["body"].Value, options, Timeout).IsMatch(path);
            return literal.Groups["not"].Success ? !found : found;
        }

        return Glob(pattern, path, ignoreCase: true);
    }

    /// <summary>A list such as matchFileNames (matchRegexOrGlobList): any positive pattern matches and every negative one does.</summary>
    public static bool MatchesList(IReadOnlyList<string> patterns, string path)
    {
        if (patterns.Count == 0)
        {
            return false;
        }

        var positive = patterns.Where(p => !p.StartsWith('!')).ToList();
        var negative = patterns.Where(p => p.StartsWith('!')).ToList();
        return (positive.Count == 0 || positive.Any(p => Matches(p, path))) && negative.All(p => Matches(p, path));
    }

    /// <summary>ignorePaths: a substring of the path or a case-sensitive minimatch glob (lib/workers/repository/extract/file-match.ts).</summary>
    public static bool Ignores(string ignorePath, string path) =>
        path.Contains(ignorePath, StringComparison.Ordinal) || Glob(ignorePath, path, ignoreCase: false);

    private static bool Glob(string pattern, string path, bool ignoreCase)
    {
        var negated = pattern.StartsWith('!');
        var body = negated ? pattern[1..] : pattern;
        var options = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        var found = ExpandBraces(body).Any(p => new Regex($"^{GlobRegex(p)}$", options, Timeout).IsMatch(path));
        return found != negated;
    }

    /// <summary>minimatch expands {a,b} first (brace-expansion), innermost-first here, then matches each alternative.</summary>
    private static IEnumerable<string> ExpandBraces(string pattern)
    {
        var close = pattern.IndexOf('}', StringComparison.Ordinal);
        var open = close < 0 ? -1 : pattern.LastIndexOf('{', close);
        if (open < 0 || !pattern[open..close].Contains(','))
        {
            return [pattern];
        }

        return pattern[(open + 1)..close].Split(',')
            .SelectMany(choice => ExpandBraces(pattern[..open] + choice + pattern[(close + 1)..]));
    }

    private static string GlobRegex(string glob)
    {
        var segments = glob.Split('/');
        var regex = new StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            if (segments[i] == "**")
            {
                // A globstar matches zero or more whole segments.
                regex.Append(last ? (i == 0 ? ".*" : "(?:/.*)?") : (i == 0 ? "(?:[^/]+/)*" : "/(?:[^/]+/)*"));
                continue;
            }

            if (i > 0 && segments[i - 1] != "**")
            {
                regex.Append('/');
            }

            regex.Append(Segment(segments[i]));
        }

        return regex.ToString();
    }

    private static string Segment(string segment)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[' when segment.IndexOf(']', i + 1) is var end and > 0:
                    var inner = segment[(i + 1)..end];
                    regex.Append('[').Append(inner.StartsWith('!') ? "^" + inner[1..] : inner).Append(']');
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.ToString();
    }

    [GeneratedRegex("^(?<not>!)?/(?<body>.*)/(?<flags>i?)$", RegexOptions.Singleline)]
    private static partial Regex RegexLiteral();
}
