using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Tools.Environments;

/// <summary>
/// Writes a stack file in the layout of Pulumi.dev.yaml: block mappings, lists of scalars and each node on one line (flow style),
/// keys in the order the source file has them. The text is read back before it is used, so what Pulumi reads is exactly the config meant.
/// </summary>
public static partial class StackFileText
{
    private static readonly JsonSerializerOptions Quoted = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The new stack file: the source's, with the new name, network, node addresses, hosts and VM ids and gitops.path. Secrets are
    /// left out (they are encrypted with the source stack's key) and returned by key, to be set again.
    /// </summary>
    public static (string Text, IReadOnlyList<string> Secrets) Derive(
        NewEnvironmentRequest request,
        NetworkInput input,
        ClusterBlueprint source,
        IReadOnlyList<NodeSlot> slots,
        string clusterPath,
        IRepository repository)
    {
        var file = StackFile.NameFor(request.From);
        var config = (JsonObject)(YamlReader.Parse(repository.ReadFile(file)!, file)!["config"]!.DeepClone());
        // Secrets are encrypted with the source stack's key: the new stack cannot read them, so they are set again.
        var secrets = config.Where(p => HoldsSecret(p.Value))
            .Select(p => p.Key)
            .Append("proxmoxve:apiToken")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var key in secrets)
        {
            config.Remove(key);
        }

        var cluster = (JsonObject)(config["bootstrap:cluster"] ?? config["cluster"])!;
        cluster["name"] = request.Name;
        var network = (JsonObject)cluster["network"]!;
        var sourceGateway = source.Config.Cluster.Network.Gateway;
        network["cidr"] = input.Network.ToString();
        network["gateway"] = input.Gateway.ToString();
        network["nameservers"] = new JsonArray((input.Nameservers.Count > 0
                ? input.Nameservers.Select(n => n.ToString())
                : source.Config.Cluster.Network.Nameservers.Select(n => n == sourceGateway ? input.Gateway.ToString() : n))
            .Select(n => (JsonNode)n).ToArray());
        network["vip"] = input.Vip.ToString();
        network["loadBalancerPool"] = input.Pool.ToString();
        if (request.Bridge is { } bridge)
        {
            network["bridge"] = bridge;
        }

        if (request.Vlan is { } vlan)
        {
            network["vlan"] = vlan;
        }

        var nodes = (JsonObject)cluster["nodes"]!;
        foreach (var slot in slots)
        {
            var node = (JsonObject)nodes[slot.Name]!;
            node["ip"] = slot.Ip;
            node["host"] = slot.Host;
            node["vmId"] = slot.VmId;
            // A fixed MAC copied from the source would appear twice on the network: Proxmox assigns new ones.
            node.Remove("mac");
        }

        var gitops = (JsonObject)(config["bootstrap:gitops"] ?? config["gitops"])!;
        gitops["path"] = clusterPath;
        var ips = slots.Select(s => s.Ip).ToList();
        var hosts = string.Join(", ", slots.Select(s => s.Host).Distinct());
        var header = $"""
            # {request.Name}: {input.Network}, API VIP {input.Vip}, nodes {ips[0]}-{ips[^1]} on {hosts}; written by new-env from {file}.
            # Secrets are never written here by hand: pulumi config set --secret proxmoxve:apiToken '<user@realm!id=uuid>'

            """;
        return (Write(header, config), secrets);
    }

    private static bool HoldsSecret(JsonNode? node) => node switch
    {
        _ when SecretValue.IsSecret(node) => true,
        JsonObject map => map.Any(p => HoldsSecret(p.Value)),
        JsonArray list => list.Any(HoldsSecret),
        _ => false,
    };

    public static string Write(string header, JsonObject config)
    {
        var text = new StringBuilder(header).Append("config:\n");
        Block(text, config, 2, oneLinePerEntry: false);
        var written = text.ToString();
        var reread = YamlReader.Parse(written, "stack file")?["config"];
        return JsonNode.DeepEquals(reread, config)
            ? written
            : throw new InvalidOperationException("the stack file written does not read back as the config it was written from");
    }

    /// <summary>A block mapping; lists of scalars and the entries of <c>nodes</c> on one line each, as the stack files have them.</summary>
    private static void Block(StringBuilder text, JsonObject map, int indent, bool oneLinePerEntry)
    {
        var pad = new string(' ', indent);
        foreach (var (key, value) in map)
        {
            text.Append(pad).Append(Scalar(key, flow: false)).Append(':');
            if (value is JsonObject { Count: > 0 } child && !oneLinePerEntry)
            {
                text.Append('\n');
                Block(text, child, indent + 2, oneLinePerEntry: key == "nodes");
            }
            else if (value is JsonArray list && list.Any(i => i is JsonObject or JsonArray))
            {
                text.Append('\n').Append(string.Concat(list.Select(i => $"{pad}  - {Flow(i)}\n")));
            }
            else
            {
                text.Append(' ').Append(value is JsonValue scalar ? Value(scalar, flow: false) : Flow(value)).Append('\n');
            }
        }
    }

    private static string Flow(JsonNode? node) => node switch
    {
        JsonObject map => map.Count == 0 ? "{}" : $"{{ {string.Join(", ", map.Select(p => $"{Scalar(p.Key, flow: true)}: {Flow(p.Value)}"))} }}",
        JsonArray list => $"[{string.Join(", ", list.Select(Flow))}]",
        JsonValue value => Value(value, flow: true),
        _ => "null",
    };

    private static string Value(JsonValue value, bool flow) =>
        value.GetValueKind() == JsonValueKind.String ? Scalar(value.GetValue<string>(), flow) : value.ToJsonString();

    /// <summary>A string plain where YAML reads it back as the same string in any context, else double-quoted (JSON's escapes are YAML's).</summary>
    /// <remarks>Outside flow collections a ':' not followed by a space is part of a plain scalar (https://pve1:8006/).</remarks>
    private static string Scalar(string text, bool flow) =>
        (flow ? FlowPlain() : BlockPlain()).IsMatch(text) && YamlWriter.Write(JsonValue.Create(text)).TrimEnd('\n') == text
            ? text
            : JsonSerializer.Serialize(text, Quoted);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]*$")]
    private static partial Regex FlowPlain();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/:-]*$")]
    private static partial Regex BlockPlain();
}
