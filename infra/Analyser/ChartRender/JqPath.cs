using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Bootstrap.Analyser.ChartRender;

/// <summary>A jq path expression as people write it in ignoreDifferences (<c>.spec.replicas</c>, <c>.webhooks[]?.clientConfig.caBundle</c>,
/// <c>.data["tls.crt"]</c>, <c>.spec.template.spec.containers[] | select(.name == "agent") | .image</c>), as a path to compare changed
/// fields with. Anything else jq accepts is left unparsed (null); lint then says it cannot tell what it removes.</summary>
public sealed class JqPath
{
    private readonly IReadOnlyList<Step> _steps;

    private JqPath(IReadOnlyList<Step> steps) => _steps = steps;

    /// <summary>The path, or null when the expression uses jq beyond keys, <c>[]</c>, <c>[n]</c>, <c>?</c> and
    /// <c>select(.a == literal)</c>.</summary>
    public static JqPath? Parse(string expression)
    {
        var steps = new List<Step>();
        foreach (var part in expression.Split('|').Select(p => p.Trim()))
        {
            if (part.StartsWith("select(", StringComparison.Ordinal) && part.EndsWith(')'))
            {
                var condition = part["select(".Length..^1].Split("==", 2);
                if (condition.Length != 2 || Steps(condition[0].Trim()) is not { } left || left.Any(s => s is not Key)
                    || Literal(condition[1].Trim()) is not { } value)
                {
                    return null;
                }

                steps.Add(new Select(left.Cast<Key>().Select(k => k.Name).ToList(), value));
            }
            else if (Steps(part) is { } parsed)
            {
                steps.AddRange(parsed);
            }
            else
            {
                return null;
            }
        }

        return steps.Count == 0 ? null : new JqPath(steps);
    }

    /// <summary>True when <c>del(expr)</c> removes the field at <paramref name="path"/> (or one of its parents) from
    /// <paramref name="body"/>.</summary>
    public bool Covers(IReadOnlyList<string> path, JsonNode body)
    {
        JsonNode? node = body;
        var at = 0;
        foreach (var step in _steps)
        {
            switch (step)
            {
                case Select select:
                    if (!JsonNode.DeepEquals(At(node, select.Field), select.Value))
                    {
                        return false;
                    }

                    continue;
                case Key key when at < path.Count && path[at] == key.Name:
                case Each when at < path.Count:
                case Index index when at < path.Count && path[at] == index.Position.ToString(CultureInfo.InvariantCulture):
                    node = Child(node, path[at]);
                    at++;
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    private static JsonNode? At(JsonNode? node, IEnumerable<string> keys) => keys.Aggregate(node, Child);

    private static JsonNode? Child(JsonNode? node, string token) => node switch
    {
        JsonObject map => map[token],
        JsonArray list when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Count => list[i],
        _ => null,
    };

    /// <summary><c>.a.b</c>, <c>."a/b"</c>, <c>.a["b.c"]</c>, <c>[]</c>, <c>[3]</c>, each optionally followed by <c>?</c>.</summary>
    private static List<Step>? Steps(string text)
    {
        var steps = new List<Step>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '?')
            {
                i++;
            }
            else if (text[i] == '.' && i + 1 < text.Length && text[i + 1] == '"')
            {
                var (name, end) = Quoted(text, i + 1);
                if (name is null)
                {
                    return null;
                }

                steps.Add(new Key(name));
                i = end;
            }
            else if (text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                if (i > start)
                {
                    steps.Add(new Key(text[start..i]));
                }
            }
            else if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0)
                {
                    return null;
                }

                var inside = text[(i + 1)..close].Trim();
                if (inside.Length == 0)
                {
                    steps.Add(new Each());
                }
                else if (int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
                {
                    steps.Add(new Index(position));
                }
                else if (Quoted(text, i + 1) is (string name, var end) && text[end] == ']')
                {
                    steps.Add(new Key(name));
                    close = end;
                }
                else
                {
                    return null;
                }

                i = close + 1;
            }
            else
            {
                return null;
            }
        }

        return steps;
    }

    private static (string? Name, int End) Quoted(string text, int start)
    {
        if (start >= text.Length || text[start] != '"')
        {
            return (null, start);
        }

        var name = new StringBuilder();
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                name.Append(text[++i]);
            }
            else if (text[i] == '"')
            {
                return (name.ToString(), i + 1);
            }
            else
            {
                name.Append(text[i]);
            }
        }

        return (null, start);
    }

    private static JsonNode? Literal(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private abstract record Step;

    private sealed record Key(string Name) : Step;

    private sealed record Each : Step;

    private sealed record Index(int Position) : Step;

    private sealed record Select(IReadOnlyList<string> Field, JsonNode Value) : Step;
}
