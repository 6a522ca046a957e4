using System.Text.Json.Nodes;

namespace Bootstrap.Blueprint.Yaml;

/// <summary>Decodes one document's node tree into JSON as go-yaml v3 decodes into interface{} (decode.go): aliases expand
/// under go-yaml's budget (an alias bomb stops after a few thousand nodes); self-aliases, repeated keys and malformed merges
/// are errors; merge keys (&lt;&lt;) merge with explicit keys winning.</summary>
internal sealed class YamlDecoder(string source)
{
    // decode.go: alias_ratio_range_low / alias_ratio_range_high.
    private const int AliasRatioRangeLow = 400_000;
    private const int AliasRatioRangeHigh = 4_000_000;

    private readonly HashSet<YamlTreeNode> _expanding = new(ReferenceEqualityComparer.Instance);
    private int _decodeCount;
    private int _aliasCount;
    private int _aliasDepth;

    public JsonNode? Decode(YamlTreeNode root) => Node(root, 1);

    /// <summary>decode.go, allowedAliasRatio: 99% of decodes may come from aliases in small documents, 10% in huge ones.</summary>
    internal static double AllowedAliasRatio(int decodeCount) => decodeCount switch
    {
        <= AliasRatioRangeLow => 0.99,
        >= AliasRatioRangeHigh => 0.10,
        _ => 0.99 - (0.89 * ((double)(decodeCount - AliasRatioRangeLow) / (AliasRatioRangeHigh - AliasRatioRangeLow))),
    };

    private JsonNode? Node(YamlTreeNode node, int depth)
    {
        _decodeCount++;
        if (_aliasDepth > 0)
        {
            _aliasCount++;
        }

        // decode.go, d.unmarshal: the same test, so Pulumi and this reader refuse the same documents.
        if (_aliasCount > 100 && _decodeCount > 1000 && (double)_aliasCount / _decodeCount > AllowedAliasRatio(_decodeCount))
        {
            throw Error(node, "document contains excessive aliasing (an alias expansion this large is refused by go-yaml, Pulumi's YAML reader)");
        }

        if (_decodeCount > YamlReader.MaxNodes)
        {
            throw Error(node, $"expands to more than {YamlReader.MaxNodes:N0} nodes once its aliases are expanded; split it up");
        }

        if (node.Kind is YamlKind.Sequence or YamlKind.Mapping && depth > YamlReader.MaxDepth)
        {
            throw Error(node, $"nests deeper than {YamlReader.MaxDepth} levels once its aliases are expanded");
        }

        return node.Kind switch
        {
            YamlKind.Alias => Alias(node, depth),
            YamlKind.Scalar => GoScalar.Resolve(node, source).ToJson(),
            YamlKind.Sequence => new JsonArray(node.Content.Select(child => Node(child, depth + 1)).ToArray()),
            _ => Mapping(node, depth),
        };
    }

    private JsonNode? Alias(YamlTreeNode alias, int depth)
    {
        if (!_expanding.Add(alias))
        {
            throw Error(alias, $"anchor '{alias.Value}' value contains itself");
        }

        _aliasDepth++;
        var value = Node(alias.Target!, depth);
        _aliasDepth--;
        _expanding.Remove(alias);
        return value;
    }

    private JsonObject Mapping(YamlTreeNode map, int depth)
    {
        // decode.go, d.mapping (uniqueKeys is on for yaml.Unmarshal): the same key text twice is an error.
        var seen = new Dictionary<(YamlKind, string), YamlTreeNode>();
        for (var i = 0; i + 1 < map.Content.Count; i += 2)
        {
            var key = map.Content[i];
            if (!seen.TryAdd((key.Kind, key.Value), key))
            {
                throw Error(key, $"mapping key \"{key.Value}\" already defined at line {seen[(key.Kind, key.Value)].Line}");
            }
        }

        var result = new JsonObject();
        YamlTreeNode? merge = null;
        for (var i = 0; i + 1 < map.Content.Count; i += 2)
        {
            var key = map.Content[i];
            if (IsMerge(key))
            {
                merge = map.Content[i + 1];
                continue;
            }

            result[KeyText(key, depth)] = Node(map.Content[i + 1], depth + 1);
        }

        if (merge is not null)
        {
            Merge(result, merge, depth);
        }

        return result;
    }

    private string KeyText(YamlTreeNode key, int depth)
    {
        var scalar = key;
        while (scalar.Kind == YamlKind.Alias)
        {
            scalar = scalar.Target!;
        }

        if (scalar.Kind != YamlKind.Scalar)
        {
            throw Error(key, "a mapping or list cannot be a mapping key (go-yaml: invalid map key)");
        }

        Node(key, depth); // counted as go-yaml counts decoding a key, aliases included
        return GoScalar.KeyText(GoScalar.Resolve(scalar, source));
    }

    /// <summary>decode.go, d.merge: a mapping, an alias of one, or a list of them; keys already present win.</summary>
    private void Merge(JsonObject into, YamlTreeNode merge, int depth)
    {
        var sources = merge.Kind == YamlKind.Sequence ? merge.Content : [merge];
        if (sources.Any(s => (s.Kind == YamlKind.Alias ? s.Target!.Kind : s.Kind) != YamlKind.Mapping)
            || (merge.Kind == YamlKind.Alias && merge.Target!.Kind != YamlKind.Mapping))
        {
            throw Error(merge, "map merge requires map or sequence of maps as the value");
        }

        foreach (var mapping in sources)
        {
            var merged = (JsonObject)Node(mapping, depth)!;
            var entries = merged.ToList();
            merged.Clear();
            foreach (var (name, value) in entries)
            {
                into.TryAdd(name, value);
            }
        }
    }

    private static bool IsMerge(YamlTreeNode key) =>
        key is { Kind: YamlKind.Scalar, Plain: true, Value: "<<" } && key.Tag is "" or "!" or "tag:yaml.org,2002:merge";

    private YamlFormatException Error(YamlTreeNode node, string problem) => new(source, node.Line, node.Column, problem);
}
