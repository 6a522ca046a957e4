using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bootstrap.Blueprint.Yaml;

internal enum YamlKind
{
    Scalar,
    Sequence,
    Mapping,
    Alias,
}

/// <summary>One node as go-yaml's parser keeps it (decode.go, type Node): aliases point at their anchor's node, not copied.</summary>
internal sealed class YamlTreeNode
{
    public required YamlKind Kind { get; init; }

    /// <summary>The tag as written: empty, "!" (non-specific), or a full tag such as tag:yaml.org,2002:str.</summary>
    public string Tag { get; init; } = "";

    /// <summary>A scalar's text, or an alias' anchor name.</summary>
    public string Value { get; init; } = "";

    public bool Plain { get; init; }

    public required int Line { get; init; }

    public required int Column { get; init; }

    /// <summary>A collection's children (a mapping's keys and values alternate); scalars and aliases have none.</summary>
    public List<YamlTreeNode> Content => _content ??= [];

    private List<YamlTreeNode>? _content;

    public YamlTreeNode? Target { get; init; }

    public bool IsEmptyScalar => Kind == YamlKind.Scalar && Plain && Value.Length == 0 && Tag.Length == 0;
}

/// <summary>Turns YamlDotNet's events into go-yaml's node tree: anchors register when their node starts (so a self-alias is
/// caught when decoding, as in go-yaml), an unknown alias is an error at the alias, nesting stops at
/// <see cref="YamlReader.MaxDepth"/>. No recursion, so no input can exhaust the stack.</summary>
internal static class YamlComposer
{
    public static List<YamlTreeNode> Compose(string yaml, string source)
    {
        var parser = new Parser(new StringReader(yaml));
        var nodes = 0;
        var documents = new List<YamlTreeNode>();
        var anchors = new Dictionary<string, YamlTreeNode>(StringComparer.Ordinal);
        var open = new Stack<(YamlTreeNode Node, bool Flow)>();
        YamlTreeNode? root = null;
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current.End;
                switch (current)
                {
                    case DocumentStart:
                        anchors.Clear();
                        root = null;
                        nodes = 0;
                        break;
                    case DocumentEnd:
                        documents.Add(root ?? new YamlTreeNode { Kind = YamlKind.Scalar, Plain = true, Line = (int)current.Start.Line,
                            Column = (int)current.Start.Column });
                        break;
                    case Scalar scalar:
                        Add(Anchored(scalar.Anchor, new YamlTreeNode
                        {
                            Kind = YamlKind.Scalar,
                            Tag = TagOf(scalar.Tag),
                            Value = scalar.Value,
                            Plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any,
                            Line = (int)scalar.Start.Line,
                            Column = (int)scalar.Start.Column,
                        }));
                        break;
                    case AnchorAlias alias:
                        var target = anchors.GetValueOrDefault(alias.Value.Value)
                            ?? throw new YamlFormatException(
                                source, (int)alias.Start.Line, (int)alias.Start.Column, $"unknown anchor '{alias.Value.Value}' referenced");
                        Add(new YamlTreeNode { Kind = YamlKind.Alias, Value = alias.Value.Value, Target = target, Line = (int)alias.Start.Line,
                            Column = (int)alias.Start.Column });
                        break;
                    case SequenceStart sequence:
                        Open(sequence, YamlKind.Sequence, sequence.Anchor, sequence.Tag, sequence.Style == SequenceStyle.Flow);
                        break;
                    case MappingStart mapping:
                        Open(mapping, YamlKind.Mapping, mapping.Anchor, mapping.Tag, mapping.Style == MappingStyle.Flow);
                        break;
                    case SequenceEnd or MappingEnd:
                        open.Pop();
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            throw Syntax(yaml, source, e, last, open);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner gives up on some malformed input with these (e.g. "key: [a, b" followed by a new key).
            throw new YamlFormatException(source, (int)last.Line, (int)last.Column, $"cannot be parsed here{Unclosed(open)}");
        }

        return documents;

        void Add(YamlTreeNode node)
        {
            if (++nodes > YamlReader.MaxNodes)
            {
                throw new YamlFormatException(
                    source, node.Line, node.Column, $"holds more than {YamlReader.MaxNodes:N0} YAML nodes in one document; split it up");
            }

            if (open.Count == 0)
            {
                root = node;
            }
            else
            {
                open.Peek().Node.Content.Add(node);
            }
        }

        YamlTreeNode Anchored(AnchorName anchor, YamlTreeNode node)
        {
            if (!anchor.IsEmpty)
            {
                anchors[anchor.Value] = node;
            }

            return node;
        }

        void Open(ParsingEvent start, YamlKind kind, AnchorName anchor, TagName tag, bool flow)
        {
            if (open.Count >= YamlReader.MaxDepth)
            {
                throw new YamlFormatException(
                    source, (int)start.Start.Line, (int)start.Start.Column, $"nests deeper than {YamlReader.MaxDepth} levels");
            }

            var node = Anchored(
                anchor, new YamlTreeNode { Kind = kind, Tag = TagOf(tag), Line = (int)start.Start.Line, Column = (int)start.Start.Column });
            Add(node);
            open.Push((node, flow));
        }
    }

    private static string TagOf(TagName tag) => tag.IsEmpty ? "" : tag.IsNonSpecific ? "!" : tag.Value;

    /// <summary>YamlDotNet's message at the line go-yaml reports ("found character that cannot start any token", scannerc.go).
    /// YamlDotNet's tab errors miss the tab (one has no position, reading 1:1); it throws on reaching it, so the tab is the first
    /// in a line's indentation after both the error's start and the last event read (<paramref name="last"/>).</summary>
    private static YamlFormatException Syntax(string yaml, string source, YamlException e, Mark last, Stack<(YamlTreeNode Node, bool Flow)> open)
    {
        var (line, column) = ((int)e.Start.Line, (int)e.Start.Column);
        var tabError = e.Message.Contains("tab", StringComparison.Ordinal);
        if (tabError && TabInIndentation(yaml, Later((line, column), ((int)last.Line, (int)last.Column))) is { } tab)
        {
            (line, column) = tab;
        }

        var message = e.Message.TrimEnd('.');
        message = message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : "is not valid YAML";
        if (tabError)
        {
            message += " (YAML indents with spaces, never tabs)";
        }

        return new YamlFormatException(source, line, column, message + Unclosed(open));
    }

    private static (int Line, int Column) Later((int Line, int Column) a, (int Line, int Column) b) =>
        a.Line > b.Line || (a.Line == b.Line && a.Column >= b.Column) ? a : b;

    /// <summary>The first tab in a line's indentation at or after <paramref name="from"/>, lines broken as YAML 1.1 breaks them.</summary>
    private static (int Line, int Column)? TabInIndentation(string yaml, (int Line, int Column) from)
    {
        var (line, column, indentation) = (1, 1, true);
        for (var i = 0; i < yaml.Length; i++)
        {
            var c = yaml[i];
            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                i += c == '\r' && i + 1 < yaml.Length && yaml[i + 1] == '\n' ? 1 : 0;
                (line, column, indentation) = (line + 1, 1, true);
                continue;
            }

            if (c == '\t' && indentation && (line > from.Line || (line == from.Line && column >= from.Column)))
            {
                return (line, column);
            }

            indentation &= c is ' ' or '\t';
            column++;
        }

        return null;
    }

    private static string Unclosed(Stack<(YamlTreeNode Node, bool Flow)> open) =>
        open.FirstOrDefault(o => o.Flow) is { Node: { } node }
            ? $" (inside the '{(node.Kind == YamlKind.Sequence ? '[' : '{')}' opened at {node.Line}:{node.Column}, "
                + "which is not closed before this point)"
            : "";
}
