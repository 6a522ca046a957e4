namespace Bootstrap.Blueprint.Yaml;

/// <summary>The characters go-yaml accepts in a stream (readerc.go yaml_parser_update_buffer): tab, LF, CR, printable ASCII,
/// NEL, U+00A0–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. Anything else is "control characters are not allowed", even in
/// quotes or comments.</summary>
internal static class YamlCharacters
{
    public static void Check(string text, string source)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (!Allowed(c))
            {
                var what = char.IsSurrogate(c) ? "an unpaired UTF-16 surrogate" : "control character";
                throw new YamlFormatException(source, line, i - lineStart + 1,
                    $"{what} U+{(int)c:X4} is not allowed in YAML (go-yaml: control characters are not allowed)");
            }
        }
    }

    private static bool Allowed(char c) =>
        c is '\t' or '\n' or '\r' or (>= ' ' and <= '~') or '\u0085' or (>= '\u00A0' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
}
