using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Network;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Blueprint.GitOps;

/// <summary>A DNS record to create by hand (or in the lab's DNS server) so a host reaches the Gateway.</summary>
public sealed record DnsRecord(string Name, string Type, string Value)
{
    public override string ToString() => $"{Name} {Type} {Value}";
}

/// <summary>The shared Gateway: where it is, the address it keeps, and every host routed through it on this cluster.</summary>
public sealed record GatewayPlan(string Namespace, string Name, string Address, IReadOnlyList<string> Hosts)
{
    public IReadOnlyList<DnsRecord> DnsRecords => Hosts.Select(h => new DnsRecord(h, "A", Address)).ToList();
}

/// <summary>The monitoring stack (kube-prometheus-stack) and the workloads it creates, named after the chart's fullname,
/// which is the release name when that contains the chart name (prometheus-community/helm-charts kube-prometheus-stack
/// templates/_helpers.tpl); the Prometheus Operator prefixes its StatefulSets with "prometheus-" and "alertmanager-".</summary>
public sealed record MonitoringPlan(string Namespace, string Release)
{
    public string PrometheusStatefulSet => $"prometheus-{Release}-prometheus";

    public string AlertmanagerStatefulSet => $"alertmanager-{Release}-alertmanager";

    public string GrafanaDeployment => $"{Release}-grafana";

    /// <summary>The Service Prometheus answers on (port 9090), read through the API server's service proxy.</summary>
    public string PrometheusService => $"{Release}-prometheus";
}

/// <summary>
/// What a stack's cluster runs on top of the bootstrap, read from the GitOps tree its root Application follows: the shared
/// Gateway and the hosts routed through it, the monitoring stack (or none), and which namespaces are isolated.
/// </summary>
public sealed record PlatformPlan(
    GatewayPlan Gateway, MonitoringPlan? Monitoring, IReadOnlyList<string> IsolatedNamespaces, IReadOnlyList<string> OpenNamespaces)
{
    public const string MonitoringChart = "kube-prometheus-stack";

    /// <summary>An empty plan, for blueprints built without a repository.</summary>
    public static PlatformPlan None { get; } = new(new GatewayPlan(GatewayAddress.Namespace, GatewayAddress.Name, "", []), null, [], []);

    public static PlatformPlan For(StackConfig config, IRepository repository)
    {
        // Broken YAML and the like are lint's findings; the plan shows what can be read.
        var cluster = ClusterView.Of(config, GitOpsTree.Load(repository, []), []);
        var gateway = new GatewayPlan(
            GatewayAddress.Namespace, GatewayAddress.Name, GatewayAddress.For(config.Cluster).ToString(), RoutedHosts(cluster));
        var isolated = IsolatedIn(cluster);
        var open = cluster.Applications
            .Select(a => GitOpsObject.Text(a.Destination?["namespace"]))
            .OfType<string>()
            .Where(ns => !isolated.Contains(ns))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return new PlatformPlan(gateway, MonitoringIn(cluster), isolated, open);
    }

    /// <summary>What lint says about isolation: which namespaces start from default-deny and which core ones stay open.</summary>
    public string IsolationLine(string stack) =>
        $"lint: {stack}: isolated namespaces (default-deny, allows from config.json): {List(IsolatedNamespaces)}; "
        + $"open (core): {List(OpenNamespaces)}";

    /// <summary>The hosts of every HTTPRoute the cluster runs that attaches to the shared Gateway, sorted, once each.</summary>
    public static IReadOnlyList<string> RoutedHosts(ClusterView cluster) =>
        Routes(cluster)
            .SelectMany(r => GitOpsObject.Strings(r.Spec["hostnames"]))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The HTTPRoutes with a parentRef to the shared Gateway (a parentRef without namespace means the route's own).</summary>
    public static IEnumerable<GitOpsObject> Routes(ClusterView cluster) =>
        cluster.Objects.Where(o => o.Kind == "HTTPRoute" && (o.Spec["parentRefs"] as JsonArray ?? []).Any(p =>
            GitOpsObject.Text(p?["name"]) == GatewayAddress.Name
            && (GitOpsObject.Text(p?["namespace"]) ?? GitOpsObject.Text(o.Body["metadata"]?["namespace"])) == GatewayAddress.Namespace));

    /// <summary>Namespaces with a default-deny NetworkPolicy for both directions: an empty podSelector, both policy types, no rules.</summary>
    public static IReadOnlyList<string> IsolatedIn(ClusterView cluster) =>
        cluster.Objects
            .Where(o => o.Kind == "NetworkPolicy"
                && o.Spec["podSelector"] is JsonObject { Count: 0 }
                && GitOpsObject.Strings(o.Spec["policyTypes"]).Order(StringComparer.Ordinal).SequenceEqual(["Egress", "Ingress"])
                && o.Spec["ingress"] is null && o.Spec["egress"] is null)
            .Select(o => GitOpsObject.Text(o.Body["metadata"]?["namespace"]))
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static MonitoringPlan? MonitoringIn(ClusterView cluster)
    {
        foreach (var app in cluster.Applications)
        {
            var chart = app.App.Sources.FirstOrDefault(s => GitOpsObject.Text(s["chart"]) == MonitoringChart);
            if (chart is not null && GitOpsObject.Text(app.Destination?["namespace"]) is { } ns)
            {
                return new MonitoringPlan(ns, GitOpsObject.Text(chart["helm"]?["releaseName"]) ?? app.Name);
            }
        }

        return null;
    }

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
