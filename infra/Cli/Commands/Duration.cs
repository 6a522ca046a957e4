using System.Globalization;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Cli.Commands;

/// <summary>Durations as kubectl and talosctl take them: <c>15m</c>, <c>5s</c>, <c>1h30m</c>, <c>500ms</c>.</summary>
internal static partial class Duration
{
    public const string Expected = "a number with a unit (ms, s, m, h), e.g. 15m, 5s or 1h30m";

    /// <summary>
    /// The longest duration taken: a week. .NET waits at most int.MaxValue milliseconds (Task.Delay and CancelAfter throw
    /// beyond about 24.8 days) and a TimeSpan holds about 29,000 years, so a longer one would be an internal error.
    /// </summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(168);

    /// <summary>The duration a flag gives, or a usage error naming the flag, the excerpt and what it takes.</summary>
    public static TimeSpan Parse(string flag, string? text, bool positive)
    {
        if (!TryParse(text, out var duration))
        {
            throw new UsageException($"{flag} {Excerpt.Of(text ?? "")}: not a duration; use {Expected}");
        }

        if (duration > Longest)
        {
            throw new UsageException($"{flag} {Excerpt.Of(text!)}: longer than {Format(Longest)} (a week), the longest this tool waits");
        }

        return positive && duration <= TimeSpan.Zero
            ? throw new UsageException($"{flag} {Excerpt.Of(text!)}: not a positive duration; use {Expected}")
            : duration;
    }

    /// <summary>Parses without overflowing: each part is at most 9 digits, and the sum stops growing past a week.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text is null || text.Length > 100 || !Whole().IsMatch(text))
        {
            return false;
        }

        foreach (Match part in Part().Matches(text))
        {
            var amount = long.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            var milliseconds = amount * part.Groups[2].Value switch
            {
                "ms" => 1L,
                "s" => 1000L,
                "m" => 60_000L,
                _ => 3_600_000L,
            };
            duration += TimeSpan.FromMilliseconds(Math.Min(milliseconds, (long)Longest.TotalMilliseconds + 1));
            if (duration > Longest)
            {
                duration = Longest + TimeSpan.FromMilliseconds(1);
            }
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
