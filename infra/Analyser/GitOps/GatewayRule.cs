using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Network;

namespace Bootstrap.Analyser.GitOps;

/// <summary>
/// One shared Gateway at the pinned address, serving HTTPS with a platform-CA certificate for its listeners; every attached
/// HTTPRoute names a host a listener serves to its namespace, no host twice, and Argo CD's URL is one of them.
/// </summary>
public sealed class GatewayRule : IRule<GitOpsContext>
{
    public const string PlatformIssuer = "platform-ca";

    /// <summary>LB IPAM's annotations: set on the Gateway (spec.infrastructure) they win over spec.addresses
    /// (cilium/cilium Documentation/network/servicemesh/gateway-api/addresses.rst, network/lb-ipam.rst).</summary>
    private static readonly string[] AddressAnnotations = ["io.cilium/lb-ipam-ips", "lbipam.cilium.io/ips"];

    public IEnumerable<Diagnostic> Findings(GitOpsContext context)
    {
        var gateways = context.Cluster.Objects.Where(o => o.Kind == "Gateway").ToList();
        var stack = context.Blueprint.Config.Stack;
        var gateway = gateways.FirstOrDefault(g => g.Name == GatewayAddress.Name && Namespace(g) == GatewayAddress.Namespace);
        if (gateway is null)
        {
            yield return FindingId.Gateway.At(
                $"{context.Blueprint.Config.GitOps.Path}/",
                $"cluster {stack} runs no Gateway {GatewayAddress.Namespace}/{GatewayAddress.Name}: nothing serves its hosts over HTTPS",
                $"add gitops/platform/gateway/{stack}/ (copy another cluster's) and an Application syncing it");
            yield break;
        }

        foreach (var other in gateways.Where(g => g != gateway))
        {
            yield return FindingId.Gateway.At(
                other.Where,
                $"is a second Gateway on cluster {stack}: each would need its own address from the pool",
                $"attach routes to {GatewayAddress.Namespace}/{GatewayAddress.Name} instead");
        }

        foreach (var finding in Address(context, gateway)
            .Concat(Tls(context, gateway))
            .Concat(RouteHosts(context, gateway))
            .Concat(ArgoCdUrl(context)))
        {
            yield return finding;
        }
    }

    private static IEnumerable<Diagnostic> Address(GitOpsContext context, GitOpsObject gateway)
    {
        var pinned = GatewayAddress.For(context.Blueprint.Config.Cluster).ToString();
        if (GitOpsObject.Text(gateway.Spec["gatewayClassName"]) != GatewayAddress.ClassName)
        {
            yield return FindingId.Gateway.At(
                $"{gateway.Where}: spec.gatewayClassName",
                $"is not {GatewayAddress.ClassName}: no controller on this cluster would serve it",
                $"set gatewayClassName: {GatewayAddress.ClassName}");
        }

        var addresses = (gateway.Spec["addresses"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(a => $"{GitOpsObject.Text(a["type"]) ?? "IPAddress"} {GitOpsObject.Text(a["value"])}")
            .ToList();
        if (addresses.Count != 1 || addresses[0] != $"IPAddress {pinned}")
        {
            yield return FindingId.Gateway.At(
                $"{gateway.Where}: spec.addresses",
                $"is [{string.Join(", ", addresses)}], but the blueprint pins the Gateway at {pinned} (the first address of "
                + $"network.loadBalancerPool, reserved for it by pool {LoadBalancerPool.GatewayPoolName(context.Blueprint.Config.Cluster)})",
                $"set addresses: [{{type: IPAddress, value: {pinned}}}]");
        }

        var annotations = gateway.Spec["infrastructure"]?["annotations"] as JsonObject ?? [];
        foreach (var key in AddressAnnotations.Where(annotations.ContainsKey))
        {
            yield return FindingId.Gateway.At(
                $"{gateway.Where}: spec.infrastructure.annotations.{key}",
                "overrides spec.addresses, so the pinned address would not be used",
                "remove it");
        }
    }

    private static IEnumerable<Diagnostic> Tls(GitOpsContext context, GitOpsObject gateway)
    {
        var certificates = context.Cluster.Objects.Where(o => o.Kind == "Certificate" && Namespace(o) == Namespace(gateway)).ToList();
        foreach (var listener in Listeners(gateway).Where(l => GitOpsObject.Text(l["protocol"]) == "HTTPS"))
        {
            var name = GitOpsObject.Text(listener["name"]);
            var where = $"{gateway.Where}: spec.listeners[{name}]";
            if (GitOpsObject.Text(listener["tls"]?["mode"]) is not (null or "Terminate"))
            {
                yield return FindingId.Gateway.At(
                    $"{where}.tls.mode",
                    "does not terminate TLS",
                    "use mode: Terminate with the platform CA's certificate");
                continue;
            }

            var secrets = (listener["tls"]?["certificateRefs"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(r => GitOpsObject.Text(r["name"]))
                .OfType<string>()
                .ToList();
            var certificate = certificates.FirstOrDefault(c => secrets.Contains(GitOpsObject.Text(c.Spec["secretName"]) ?? ""));
            if (certificate is null)
            {
                yield return FindingId.Gateway.At(
                    $"{where}.tls.certificateRefs",
                    $"names no Secret that a Certificate in namespace {Namespace(gateway)} issues",
                    $"reference the secretName of a Certificate issued by ClusterIssuer {PlatformIssuer}");
                continue;
            }

            if (GitOpsObject.Text(certificate.Spec["issuerRef"]?["kind"]) != "ClusterIssuer"
                || GitOpsObject.Text(certificate.Spec["issuerRef"]?["name"]) != PlatformIssuer)
            {
                yield return FindingId.Gateway.At(
                    $"{certificate.Where}: spec.issuerRef",
                    $"is not ClusterIssuer {PlatformIssuer}: clients trust the platform CA only",
                    $"set issuerRef: {{group: cert-manager.io, kind: ClusterIssuer, name: {PlatformIssuer}}}");
            }

            var hostname = GitOpsObject.Text(listener["hostname"]);
            var dnsNames = GitOpsObject.Strings(certificate.Spec["dnsNames"]).ToList();
            if (hostname is null || !dnsNames.Contains(hostname))
            {
                yield return FindingId.Gateway.At(
                    $"{certificate.Where}: spec.dnsNames",
                    $"does not cover listener {name}'s hostname {hostname ?? "(any host)"}: browsers would reject the certificate",
                    $"list {hostname ?? "a hostname"} in dnsNames (and give the listener a hostname)");
            }
        }
    }

    /// <summary>Every route to the Gateway names hosts an HTTPS listener serves to its namespace, and no two routes share a host.</summary>
    private static IEnumerable<Diagnostic> RouteHosts(GitOpsContext context, GitOpsObject gateway)
    {
        var https = Listeners(gateway).Where(l => GitOpsObject.Text(l["protocol"]) == "HTTPS").ToList();
        var owners = new Dictionary<string, GitOpsObject>(StringComparer.Ordinal);
        foreach (var route in PlatformPlan.Routes(context.Cluster))
        {
            foreach (var host in GitOpsObject.Strings(route.Spec["hostnames"]))
            {
                if (!https.Any(l => Serves(l, host) && Admits(l, gateway, Namespace(route))))
                {
                    yield return FindingId.Gateway.At(
                        $"{route.Where}: spec.hostnames",
                        $"{host} is not served to namespace {Namespace(route)} by an HTTPS listener of the Gateway "
                        + $"({string.Join(", ", https.Select(l => GitOpsObject.Text(l["hostname"]) ?? "*"))}): the route would never attach",
                        "use a host under the listener's hostname, or widen the listener");
                }

                if (owners.TryGetValue(host, out var first))
                {
                    yield return FindingId.Gateway.At(
                        $"{route.Where}: spec.hostnames",
                        $"{host} is already routed by {first.Where}: two routes would compete for it",
                        "give each host to one route");
                }
                else
                {
                    owners[host] = route;
                }
            }
        }
    }

    /// <summary>argocd-cm advertises https://&lt;global.domain&gt;; some route must serve that host.</summary>
    private static IEnumerable<Diagnostic> ArgoCdUrl(GitOpsContext context)
    {
        if (context.Blueprint.Addons.ArgoCdUrl is not { } url)
        {
            yield break;
        }

        var host = new Uri(url).Host;
        if (!PlatformPlan.RoutedHosts(context.Cluster).Contains(host))
        {
            var release = context.Blueprint.Addons.Release(BootstrapReleases.ArgoCd);
            yield return FindingId.Gateway.At(
                $"{string.Join(" + ", release.ValueFiles)}: global.domain",
                $"Argo CD advertises {url}, but no HTTPRoute on the Gateway serves {host}",
                $"add an HTTPRoute for {host} to argocd-server port 80 (see gitops/platform/gateway/<cluster>/argocd-route.yaml)");
        }
    }

    /// <summary>
    /// Whether a listener serves the host with a valid certificate: hostname equal, or a wildcard one label above. Gateway API
    /// matches "*.x" deeper too, but a wildcard certificate covers one label only (RFC 6125 6.4.3).
    /// </summary>
    public static bool Serves(JsonObject listener, string host) => GitOpsObject.Text(listener["hostname"]) switch
    {
        null => true,
        var wildcard when wildcard.StartsWith("*.", StringComparison.Ordinal) =>
            host.EndsWith(wildcard[1..], StringComparison.Ordinal) && !host[..^(wildcard.Length - 1)].Contains('.'),
        var exact => exact == host,
    };

    private static bool Admits(JsonObject listener, GitOpsObject gateway, string? ns) =>
        (GitOpsObject.Text(listener["allowedRoutes"]?["namespaces"]?["from"]) ?? "Same") switch
        {
            "All" => true,
            "Same" => ns == Namespace(gateway),
            // Selector: the labels of a namespace are not known from Git; assume it admits.
            _ => true,
        };

    private static IEnumerable<JsonObject> Listeners(GitOpsObject gateway) => (gateway.Spec["listeners"] as JsonArray ?? []).OfType<JsonObject>();

    private static string? Namespace(GitOpsObject item) => GitOpsObject.Text(item.Body["metadata"]?["namespace"]);
}
