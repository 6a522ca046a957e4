using System.Text;

namespace Bootstrap.Blueprint.Diagnostics;

/// <summary>
/// Input text shown back in a message: control characters escaped (no value moves the cursor or fakes a line), anything
/// long cut to its start and end, so a 1 MiB value comes back short and still shows where it went wrong.
/// </summary>
public static class Excerpt
{
    /// <summary>The longest unbroken run (a value, a key path, a file path) shown whole.</summary>
    public const int MaxRun = 200;

    /// <summary>The longest message part (a key, a problem, a fix) shown whole.</summary>
    public const int MaxText = 1000;

    public static string Of(string text)
    {
        if (text.Length <= MaxRun && !NeedsEscape(text))
        {
            return text;
        }

        var escaped = Escape(text);
        var runs = new StringBuilder();
        var start = 0;
        for (var i = 0; i <= escaped.Length; i++)
        {
            if (i < escaped.Length && escaped[i] != ' ')
            {
                continue;
            }

            runs.Append(Cut(escaped[start..i], MaxRun));
            if (i < escaped.Length)
            {
                runs.Append(' ');
            }

            start = i + 1;
        }

        return Cut(runs.ToString(), MaxText);
    }

    /// <summary>Keeps the first three quarters and the last quarter of the allowance, and says how much was left out.</summary>
    private static string Cut(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var head = limit * 3 / 4;
        var tail = limit - head;
        return $"{text[..head]}…[{text.Length - limit} characters left out]…{text[^tail..]}";
    }

    private static bool NeedsEscape(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }

    private static string Escape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[++i]);
            }
            else if (c is '\n')
            {
                result.Append("\\n");
            }
            else if (c is '\r')
            {
                result.Append("\\r");
            }
            else if (c is '\t')
            {
                result.Append("\\t");
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
            {
                result.Append($"\\u{(int)c:X4}");
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
