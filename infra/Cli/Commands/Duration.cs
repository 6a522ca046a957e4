using System.Globalization;
using System.Text.RegularExpressions;

namespace Bootstrap.Cli.Commands;

/// <summary>Durations as kubectl and talosctl take them: <c>15m</c>, <c>5s</c>, <c>1h30m</c>, <c>500ms</c>.</summary>
internal static partial class Duration
{
    public const string Expected = "a number with a unit (ms, s, m, h), e.g. 15m, 5s or 1h30m";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text is null || !Whole().IsMatch(text))
        {
            return false;
        }

        foreach (Match part in Part().Matches(text))
        {
            var amount = long.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            duration += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
        }

        return true;
    }

    /// <summary>How a duration is shown back: the largest units that add up to it.</summary>
    public static string Format(TimeSpan duration) =>
        duration == TimeSpan.Zero ? "0s"
        : string.Concat(
            duration.Hours + (duration.Days * 24) > 0 ? $"{duration.Hours + (duration.Days * 24)}h" : "",
            duration.Minutes > 0 ? $"{duration.Minutes}m" : "",
            duration.Seconds > 0 ? $"{duration.Seconds}s" : "",
            duration.Milliseconds > 0 ? $"{duration.Milliseconds}ms" : "");

    [GeneratedRegex("^([0-9]{1,9}(ms|s|m|h))+$")]
    private static partial Regex Whole();

    [GeneratedRegex("([0-9]{1,9})(ms|s|m|h)")]
    private static partial Regex Part();
}
