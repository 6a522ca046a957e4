using System.Text.Json;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Tools.Verify;
using k8s;

namespace Bootstrap.Cli.Cluster;

/// <summary>Reads the monitoring stack's workloads and, through the API server's service proxy, Prometheus' scrape targets.</summary>
internal static class MonitoringReader
{
    /// <summary>Prometheus' HTTP API port on the chart's Service (kube-prometheus-stack prometheus.service.port).</summary>
    private const int PrometheusPort = 9090;

    public static async Task<ObservedMonitoring> Read(ClusterApi api, MonitoringPlan plan, CancellationToken cancel)
    {
        var workloads = new List<ObservedWorkload>();
        foreach (var name in new[] { plan.PrometheusStatefulSet, plan.AlertmanagerStatefulSet })
        {
            var set = await api.Find(
                $"get statefulset {plan.Namespace}/{name}",
                (k, t) => k.AppsV1.ReadNamespacedStatefulSetAsync(name, plan.Namespace, cancellationToken: t),
                cancel).ConfigureAwait(false);
            if (set is not null)
            {
                workloads.Add(new ObservedWorkload("StatefulSet", name, set.Spec?.Replicas ?? 1, set.Status?.ReadyReplicas ?? 0));
            }
        }

        var grafana = await api.Find(
            $"get deployment {plan.Namespace}/{plan.GrafanaDeployment}",
            (k, t) => k.AppsV1.ReadNamespacedDeploymentAsync(plan.GrafanaDeployment, plan.Namespace, cancellationToken: t),
            cancel).ConfigureAwait(false);
        if (grafana is not null)
        {
            workloads.Add(new ObservedWorkload(
                "Deployment", plan.GrafanaDeployment, grafana.Spec?.Replicas ?? 1, grafana.Status?.ReadyReplicas ?? 0));
        }

        var (targets, unreadable) = await Targets(api, plan, cancel).ConfigureAwait(false);
        return new ObservedMonitoring(workloads, targets, unreadable);
    }

    /// <summary>GET /api/v1/targets (Prometheus docs querying/api "Targets"): data.activeTargets[] with labels, health, lastError.</summary>
    private static async Task<(IReadOnlyList<ObservedTarget>? Targets, string? Unreadable)> Targets(
        ClusterApi api, MonitoringPlan plan, CancellationToken cancel)
    {
        var service = $"{plan.PrometheusService}:{PrometheusPort}";
        try
        {
            var body = await api.Find(
                $"get Prometheus targets through services/{service}/proxy",
                async (k, t) =>
                {
                    var proxy = k.CoreV1.ConnectGetNamespacedServiceProxyWithPathAsync(
                        service, plan.Namespace, "api/v1/targets", cancellationToken: t);
                    await using var stream = await proxy.ConfigureAwait(false);
                    return await JsonNode.ParseAsync(stream, cancellationToken: t).ConfigureAwait(false) as JsonObject ?? [];
                },
                cancel).ConfigureAwait(false);
            if (body is null)
            {
                return (null, $"Service {plan.Namespace}/{plan.PrometheusService} not found through the API server proxy");
            }

            return (Json.Items(body["data"]?["activeTargets"]).Select(Target).ToList(), null);
        }
        catch (Exception e) when (e is ClusterAccessException or JsonException)
        {
            // Prometheus not answering yet, or a kubeconfig without services/proxy: the workloads still tell the state.
            return (null, e.Message);
        }
    }

    private static ObservedTarget Target(JsonObject target) => new(
        Json.Text(target["labels"]?["job"]) ?? Json.Text(target["scrapePool"]) ?? "",
        Json.Text(target["labels"]?["instance"]) ?? Json.Text(target["scrapeUrl"]) ?? "",
        Json.Text(target["health"]) ?? "unknown",
        Json.Text(target["lastError"]));
}
