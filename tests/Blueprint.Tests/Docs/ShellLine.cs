using System.Text;

namespace Bootstrap.Blueprint.Tests.Docs;

/// <summary>Splits one documented shell command into words: quotes respected; redirections, pipes and comments dropped.</summary>
internal static class ShellLine
{
    public static IReadOnlyList<string> Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }

                continue;
            }

            if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else if (c is '|' or ';' or '#' || (c == '&' && i + 1 < line.Length && line[i + 1] == '&'))
            {
                break;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        Flush();
        return DropRedirections(words);

        void Flush()
        {
            if (inWord)
            {
                words.Add(word.ToString());
            }

            word.Clear();
            inWord = false;
        }
    }

    private static List<string> DropRedirections(List<string> words)
    {
        var kept = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] is ">" or "<" or ">>" or "2>" or "2>&1")
            {
                i++;
                continue;
            }

            if (!words[i].StartsWith('>') && !words[i].StartsWith('<'))
            {
                kept.Add(words[i]);
            }
        }

        return kept;
    }
}
