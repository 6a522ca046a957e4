using System.Text.Json.Nodes;

namespace Bootstrap.Tests.Lab;

/// <summary>
/// Which input changes make a provider replace a resource instead of updating it, per resource type, as each provider
/// declares it, and how the engine applies ignoreChanges. Types not listed update in place.
/// </summary>
internal static class ProviderDiff
{
    private static readonly Dictionary<string, string[]> ReplaceKeys = new(StringComparer.Ordinal)
    {
        // bpg proxmoxtf/resource/vm/vm.go CustomizeDiff (vm_id, node_name without migrate, EFI disk type) and
        // proxmoxtf/resource/vm/disk/schema.go (file_id ForceNew; import_from is not ForceNew and ignored after creation).
        ["proxmoxve:index/vmLegacy:VmLegacy"] = ["vmId", "nodeName", "disks[*].fileId", "efiDisk.type"],

        // bpg fwprovider/nodes/resource_download_file.go: RequiresReplace on these attributes.
        ["proxmoxve:download/file:File"] =
            ["contentType", "fileName", "datastoreId", "nodeName", "url", "checksum", "checksumAlgorithm", "decompressionAlgorithm"],

        // pulumi-command provider/pkg/provider/common/inputs.go: triggers carry provider:"replaceOnChanges".
        ["command:local:Command"] = ["triggers"],

        // pulumi-kubernetes helm_release.go Diff: forceNewFields .name, .namespace.
        ["kubernetes:helm.sh/v3:Release"] = ["name", "namespace"],

        // pulumi-kubernetes provider.go: .metadata.name and .metadata.namespace force a new object.
        ["kubernetes:core/v1:Secret"] = ["metadata.name", "metadata.namespace", "type"],
        ["kubernetes:core/v1:Namespace"] = ["metadata.name"],
        ["kubernetes:argoproj.io/v1alpha1:Application"] = ["metadata.name", "metadata.namespace"],

        // siderolabs/terraform-provider-talos image factory schematic: a new schematic is a new resource.
        ["talos:imageFactory/schematic:Schematic"] = ["schematic"],
    };

    /// <summary>What the engine does with a registration given the previous state of the same resource.</summary>
    public static Operation Compare(string type, JsonObject? old, JsonObject news, IReadOnlyList<string> ignoreChanges)
    {
        if (old is null)
        {
            return Operation.Create;
        }

        var before = Without((JsonObject)old.DeepClone(), ignoreChanges);
        var after = Without((JsonObject)news.DeepClone(), ignoreChanges);
        var changed = ChangedPaths(before, after, "").ToList();
        if (changed.Count == 0)
        {
            return Operation.Same;
        }

        var replaceKeys = ReplaceKeys.GetValueOrDefault(type) ?? [];
        if (type == Types.Vm && news["migrate"] is JsonValue migrate && migrate.GetValue<bool>())
        {
            // bpg vm.go CustomizeDiff: ForceNewIf(node_name) only when migrate is false; with it the update migrates the VM.
            replaceKeys = [.. replaceKeys.Where(k => k != "nodeName")];
        }

        return changed.Any(path => replaceKeys.Any(key => Matches(path, key))) ? Operation.Replace : Operation.Update;
    }

    public static IEnumerable<string> ChangedPaths(JsonNode? before, JsonNode? after, string path)
    {
        if (before is JsonObject a && after is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Distinct())
            {
                foreach (var changed in ChangedPaths(a[key], b[key], path.Length == 0 ? key : $"{path}.{key}"))
                {
                    yield return changed;
                }
            }
        }
        else if (before is JsonArray x && after is JsonArray y && x.Count == y.Count)
        {
            for (var i = 0; i < x.Count; i++)
            {
                foreach (var changed in ChangedPaths(x[i], y[i], $"{path}[{i}]"))
                {
                    yield return changed;
                }
            }
        }
        else if (!JsonNode.DeepEquals(before, after))
        {
            yield return path;
        }
    }

    /// <summary>A changed path matches a replace key when it is that property or inside it ([*] for any list index).</summary>
    private static bool Matches(string path, string key)
    {
        var pattern = "^" + System.Text.RegularExpressions.Regex.Escape(key).Replace(@"\[\*]", @"\[\d+]", StringComparison.Ordinal) + @"($|[.\[])";
        return System.Text.RegularExpressions.Regex.IsMatch(path, pattern);
    }

    /// <summary>ignoreChanges: the engine diffs as if the ignored properties kept their old values.</summary>
    private static JsonObject Without(JsonObject inputs, IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            var parts = path.Split('.');
            JsonNode? node = inputs;
            for (var i = 0; i < parts.Length && node is not null; i++)
            {
                var (name, index) = Part(parts[i]);
                var last = i == parts.Length - 1;
                if (node is not JsonObject map)
                {
                    break;
                }

                if (last && index is null)
                {
                    map.Remove(name);
                    break;
                }

                node = map[name];
                if (index is { } at && node is JsonArray list)
                {
                    if (last)
                    {
                        if (at < list.Count)
                        {
                            list[at] = null;
                        }

                        break;
                    }

                    node = at < list.Count ? list[at] : null;
                }
            }
        }

        return inputs;
    }

    private static (string Name, int? Index) Part(string part)
    {
        var open = part.IndexOf('[', StringComparison.Ordinal);
        return open < 0 ? (part, null) : (part[..open], int.Parse(part[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
