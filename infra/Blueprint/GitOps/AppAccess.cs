using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bootstrap.Blueprint.GitOps;

/// <summary>A host an app serves through the cluster's shared Gateway: requests for it go to a Service port of the app.</summary>
public sealed record AppRoute(string Host, string Service, int Port);

/// <summary>What kind of peer an extra ingress/egress allow names.</summary>
public enum PeerKind
{
    Namespace,
    Cidr,
    Entity,
    Fqdn,
}

/// <summary>One extra allow from config.json: a peer and the ports (all when empty) and protocol (TCP or UDP).</summary>
public sealed record AppPeer(PeerKind Kind, string Value, IReadOnlyList<int> Ports, string Protocol = "TCP")
{
    public string Describe() => $"{Kind.ToString().ToLowerInvariant()} {Value}{(Ports.Count == 0 ? "" : $" {Protocol} {string.Join(",", Ports)}")}";
}

/// <summary>The network access config.json declares for an app: routes (host → Service port) and allows beyond the
/// baseline. Read leniently: entries breaking gitops/apps/config.schema.json are skipped here and reported by lint.</summary>
public sealed record AppAccess(string Namespace, IReadOnlyList<AppRoute> Routes, IReadOnlyList<AppPeer> Ingress, IReadOnlyList<AppPeer> Egress)
{
    /// <summary>The generated file in the app's folder: its NetworkPolicies, CiliumNetworkPolicies and HTTPRoutes.</summary>
    public const string FileName = "access.yaml";

    public static AppAccess Of(AppConfig config) => new(
        config.Field("namespace") ?? "",
        Items(config.Fields["routes"]).Select(Route).OfType<AppRoute>().ToList(),
        Items(config.Fields["ingress"]).Select(Peer).OfType<AppPeer>().ToList(),
        Items(config.Fields["egress"]).Select(Peer).OfType<AppPeer>().ToList());

    public static string PathFor(AppConfig config) => $"{Path.GetDirectoryName(config.File)!.Replace('\\', '/')}/{FileName}";

    private static IEnumerable<JsonObject> Items(JsonNode? node) => (node as JsonArray ?? []).OfType<JsonObject>();

    private static AppRoute? Route(JsonObject route) =>
        GitOpsObject.Text(route["host"]) is { } host && GitOpsObject.Text(route["service"]) is { } service && Number(route["port"]) is { } port
            ? new AppRoute(host, service, port)
            : null;

    private static AppPeer? Peer(JsonObject peer)
    {
        var ports = (peer["ports"] as JsonArray ?? []).Select(Number).OfType<int>().ToList();
        var protocol = GitOpsObject.Text(peer["protocol"]) ?? "TCP";
        foreach (var kind in Enum.GetValues<PeerKind>())
        {
            if (GitOpsObject.Text(peer[kind.ToString().ToLowerInvariant()]) is { } value)
            {
                return new AppPeer(kind, value, ports, protocol);
            }
        }

        return null;
    }

    private static int? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) ? number : null;
}
