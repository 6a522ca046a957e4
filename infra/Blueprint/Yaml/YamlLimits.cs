namespace Bootstrap.Blueprint.Yaml;

/// <summary>The stack file's limits (<see cref="YamlReader.MaxNodes"/> expanded nodes, <see cref="YamlReader.MaxDepth"/> levels)
/// for YAML read otherwise, e.g. YamlDotNet's representation model, where walking an alias bomb takes minutes. Measured
/// on go-yaml's node tree in linear time: each node's expanded size and depth are computed once.</summary>
public static class YamlLimits
{
    /// <summary>
    /// Where the text first exceeds a limit, or null when it stays within them; text that does not parse at all is left to
    /// whatever reads it (each reader reports syntax its own way).
    /// </summary>
    public static YamlFormatException? Exceeded(string yaml, string source)
    {
        try
        {
            Check(yaml, source);
            return null;
        }
        catch (YamlFormatException e) when (IsLimit(e))
        {
            return e;
        }
        catch (YamlFormatException)
        {
            return null;
        }
    }

    /// <summary>The limit messages of <see cref="YamlComposer"/> and of this class (and only those).</summary>
    private static bool IsLimit(YamlFormatException e) =>
        e.Problem.StartsWith("holds more than", StringComparison.Ordinal) || e.Problem.StartsWith("nests deeper than", StringComparison.Ordinal)
        || e.Problem.StartsWith("expands to more than", StringComparison.Ordinal) || e.Problem.Contains("contains it", StringComparison.Ordinal)
        || e.Problem.Contains("contains itself", StringComparison.Ordinal);

    /// <summary>Throws a <see cref="YamlFormatException"/> at the first place the text exceeds a limit or cannot be parsed.</summary>
    public static void Check(string yaml, string source)
    {
        foreach (var root in YamlComposer.Compose(yaml, source))
        {
            var measured = new Dictionary<YamlTreeNode, (long Nodes, int Depth)>(ReferenceEqualityComparer.Instance);
            var (nodes, depth) = Measure(root, measured, source);
            if (nodes > YamlReader.MaxNodes)
            {
                throw new YamlFormatException(source, root.Line, root.Column,
                    $"expands to more than {YamlReader.MaxNodes:N0} nodes once its aliases are expanded; split it up");
            }

            if (depth > YamlReader.MaxDepth)
            {
                throw new YamlFormatException(
                    source, root.Line, root.Column, $"nests deeper than {YamlReader.MaxDepth} levels once its aliases are expanded");
            }
        }
    }

    /// <summary>Post-order without recursion (no input can exhaust the stack); an alias inside its own anchor is an error.</summary>
    private static (long Nodes, int Depth) Measure(YamlTreeNode root, Dictionary<YamlTreeNode, (long, int)> measured, string source)
    {
        var pending = new Stack<(YamlTreeNode Node, bool Expanded)>([(root, false)]);
        var open = new HashSet<YamlTreeNode>(ReferenceEqualityComparer.Instance);
        while (pending.Count > 0)
        {
            var (node, expanded) = pending.Pop();
            if (measured.ContainsKey(node))
            {
                continue;
            }

            var children = node.Kind == YamlKind.Alias ? [node.Target!] : node.Content;
            if (!expanded)
            {
                if (!open.Add(node))
                {
                    throw new YamlFormatException(source, node.Line, node.Column, $"anchor '{node.Value}' value contains itself");
                }

                pending.Push((node, true));
                foreach (var child in children.Where(c => !measured.ContainsKey(c)))
                {
                    if (open.Contains(child))
                    {
                        throw new YamlFormatException(source, node.Line, node.Column, "an alias refers to an anchor that contains it");
                    }

                    pending.Push((child, false));
                }

                continue;
            }

            open.Remove(node);
            long nodes = node.Kind == YamlKind.Alias ? 0 : 1;
            var depth = 0;
            foreach (var child in children)
            {
                var (n, d) = measured[child];
                nodes = Math.Min(nodes + n, long.MaxValue / 2);
                depth = Math.Max(depth, d);
            }

            measured[node] = (nodes, node.Kind is YamlKind.Sequence or YamlKind.Mapping ? depth + 1 : depth);
        }

        return measured[root];
    }
}
