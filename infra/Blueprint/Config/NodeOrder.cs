using System.Text.RegularExpressions;

namespace Bootstrap.Blueprint.Config;

/// <summary>Orders hostnames as people read them: cp-2 before cp-10.</summary>
public sealed partial class NodeOrder : IComparer<string>
{
    public static readonly NodeOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = Parts().Matches(x ?? "");
        var b = Parts().Matches(y ?? "");
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var left = a[i].Value;
            var right = b[i].Value;
            var bothNumbers = char.IsAsciiDigit(left[0]) && char.IsAsciiDigit(right[0]);
            var result = bothNumbers
                ? left.TrimStart('0').Length != right.TrimStart('0').Length
                    ? left.TrimStart('0').Length.CompareTo(right.TrimStart('0').Length)
                    : string.CompareOrdinal(left.TrimStart('0'), right.TrimStart('0'))
                : string.CompareOrdinal(left, right);
            if (result != 0)
            {
                return result;
            }
        }

        return a.Count != b.Count ? a.Count.CompareTo(b.Count) : string.CompareOrdinal(x, y);
    }

    [GeneratedRegex(@"\d+|\D+")]
    private static partial Regex Parts();
}
