using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.GitOps;

/// <summary>
/// What ops' monitoring stack scrapes, graphs and alerts on agrees with what the core charts expose. The Services each chart
/// creates once its metrics are on, with their labels and port names, are taken from the pinned charts' templates (cited).
/// </summary>
public partial class MonitoringConfigTests
{
    private static readonly Lazy<ClusterView> Ops = new(() => ClusterView.Of(StackInput.Of("ops").Config(), GitOpsTree.Load(Repo.Directory, []), []));

    /// <summary>(monitor, the values path that makes its chart render the Service, that Service's labels and port name).</summary>
    public static TheoryData<string, string, string, string> Monitors() => new()
    {
        // argo-helm 10.1.1 templates/argocd-application-controller/metrics.yaml (+ server, repo-server): argocd-<name>-metrics.
        {
            "argocd",
            "argocd:controller.metrics.enabled",
            "app.kubernetes.io/name=argocd-metrics,app.kubernetes.io/instance=argocd,app.kubernetes.io/part-of=argocd",
            "http-metrics"
        },
        {
            "argocd",
            "argocd:server.metrics.enabled",
            "app.kubernetes.io/name=argocd-server-metrics,app.kubernetes.io/instance=argocd,app.kubernetes.io/part-of=argocd",
            "http-metrics"
        },
        {
            "argocd",
            "argocd:repoServer.metrics.enabled",
            "app.kubernetes.io/name=argocd-repo-server-metrics,app.kubernetes.io/instance=argocd,app.kubernetes.io/part-of=argocd",
            "http-metrics"
        },
        {
            "argocd",
            "argocd:applicationSet.metrics.enabled",
            "app.kubernetes.io/name=argocd-metrics,app.kubernetes.io/instance=argocd,app.kubernetes.io/part-of=argocd",
            "http-metrics"
        },
        // cilium 1.20.0 templates/cilium-agent/service.yaml: with prometheus.enabled and prometheus.metricsService.
        {
            "cilium-agent", "cilium:prometheus.metricsService", "k8s-app=cilium,app.kubernetes.io/name=cilium-agent,app.kubernetes.io/part-of=cilium",
            "metrics"
        },
        // templates/cilium-operator/service.yaml: operator.prometheus.enabled and operator.prometheus.metricsService.
        {
            "cilium-operator",
            "cilium:operator.prometheus.metricsService",
            "io.cilium/app=operator,app.kubernetes.io/name=cilium-operator,app.kubernetes.io/part-of=cilium",
            "metrics"
        },
        // templates/cilium-envoy/service.yaml: envoy.prometheus.enabled.
        {
            "cilium-envoy",
            "cilium:envoy.prometheus.enabled",
            "k8s-app=cilium-envoy,app.kubernetes.io/name=cilium-envoy,app.kubernetes.io/part-of=cilium",
            "envoy-metrics"
        },
        // templates/hubble/metrics-service.yaml: hubble.metrics.enabled (a non-empty list).
        {
            "hubble", "cilium:hubble.metrics.enabled", "k8s-app=hubble,app.kubernetes.io/name=hubble,app.kubernetes.io/part-of=cilium",
            "hubble-metrics"
        },
        // cert-manager v1.21.1 templates/service.yaml: prometheus.enabled.
        {
            "cert-manager",
            "cert-manager:prometheus.enabled",
            "app.kubernetes.io/name=cert-manager,app.kubernetes.io/instance=cert-manager,app.kubernetes.io/component=controller",
            "http-metrics"
        },
        // sealed-secrets 2.18.5 templates/service.yaml: the metrics Service is always rendered.
        {
            "sealed-secrets",
            "",
            "app.kubernetes.io/name=sealed-secrets,app.kubernetes.io/instance=sealed-secrets,app.kubernetes.io/component=metrics",
            "metrics"
        },
    };

    [Theory]
    [MemberData(nameof(Monitors))]
    public void Every_service_monitor_selects_a_service_the_core_values_switch_on(string monitor, string switchedOnBy, string labels, string port)
    {
        var item = Ops.Value.Objects.Single(o => o.Kind == "ServiceMonitor" && o.Name == monitor);
        var serviceLabels = labels.Split(',').Select(l => l.Split('=')).ToDictionary(l => l[0], l => l[1]);

        Assert.True(Selects(item.Spec["selector"]!, serviceLabels), $"{monitor} does not select a Service labelled {labels}");
        Assert.Equal(port, (string?)item.Spec["endpoints"]![0]!["port"]);
        if (switchedOnBy.Length > 0)
        {
            var colon = switchedOnBy.IndexOf(':', StringComparison.Ordinal);
            var (app, path) = (switchedOnBy[..colon], switchedOnBy[(colon + 1)..].Split('.'));
            var value = HelmValues.At(StackInput.Of("ops").Blueprint().Addons.Release(app).Values, path);
            Assert.True(
                value is JsonArray { Count: > 0 } || (value is JsonValue v && v.TryGetValue<bool>(out var on) && on), $"{switchedOnBy} is not on");
        }
    }

    [Fact]
    public void The_argocd_dashboard_graphs_the_jobs_the_argocd_monitor_scrapes()
    {
        var configMap = Ops.Value.Objects.Single(o => o.Kind == "ConfigMap" && o.Name == "argocd-dashboard");
        var text = (string)configMap.Body["data"]!["argocd.json"]!;
        var dashboard = JsonNode.Parse(text)!;
        // A ServiceMonitor's job label is the Service name; argo-helm names them <fullname>-metrics.
        string[] scraped = [
            "argocd-application-controller-metrics",
            "argocd-applicationset-controller-metrics",
            "argocd-repo-server-metrics",
            "argocd-server-metrics"];

        Assert.Equal("1", (string?)configMap.Body["metadata"]!["labels"]!["grafana_dashboard"]);
        Assert.Equal("ArgoCD", (string?)dashboard["title"]);
        Assert.Equal(scraped, JobSelector().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Cilium_ships_its_dashboards_for_grafanas_sidecar()
    {
        var cilium = StackInput.Of("ops").Blueprint().Addons.Release("cilium").Values;

        foreach (var path in new[] { "dashboards.enabled", "operator.dashboards.enabled", "hubble.metrics.dashboards.enabled" })
        {
            Assert.Equal(true, (bool?)HelmValues.At(cilium, path.Split('.')));
        }
    }

    [Theory]
    [InlineData("ArgoCdApplicationOutOfSync", "argocd_app_info{sync_status=\"OutOfSync\"}", "15m")]
    [InlineData("ArgoCdApplicationDegraded", "argocd_app_info{health_status=\"Degraded\"}", "15m")]
    [InlineData("CertificateExpiringSoon", "certmanager_certificate_expiration_timestamp_seconds", "1h")]
    [InlineData("NodeNotReady", "kube_node_status_condition{condition=\"Ready\",status=\"true\"}", "5m")]
    [InlineData("SealedSecretsKeyNotRenewed", "label_sealedsecrets_bitnami_com_sealed_secrets_key", "1h")]
    [InlineData("SealedSecretsKeyNeedsBackup", "kube_secret_created", null)]
    public void The_platform_alerts_watch_the_metrics_the_issue_names(string alert, string metric, string? duration)
    {
        var rule = Ops.Value.Objects.Where(o => o.Kind == "PrometheusRule")
            .SelectMany(r => r.Spec["groups"]!.AsArray().SelectMany(g => g!["rules"]!.AsArray()))
            .Single(r => (string?)r!["alert"] == alert)!;

        Assert.Contains(metric, (string)rule["expr"]!, StringComparison.Ordinal);
        Assert.Equal(duration, (string?)rule["for"]);
    }

    [Fact]
    public void Kube_state_metrics_exports_the_sealed_secrets_key_label_the_alerts_join_on()
    {
        var values = (JsonObject)Bootstrap.Blueprint.Yaml.YamlReader.Parse(
            Repo.Directory.ReadFile("stacks/monitoring/apps/kube-prometheus-stack-values.yaml")!, "values")!;

        Assert.Equal(
            ["secrets=[sealedsecrets.bitnami.com/sealed-secrets-key]"],
            HelmValues.At(values, "kube-state-metrics", "metricLabelsAllowlist")!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public void Grafana_knows_the_url_the_gateway_serves_it_at_and_prometheus_without_authentication_is_not_published()
    {
        var values = (JsonObject)Bootstrap.Blueprint.Yaml.YamlReader.Parse(
            Repo.Directory.ReadFile("stacks/monitoring/apps/kube-prometheus-stack-values.yaml")!, "values")!;
        var routes = AppAccess.Of(GitOpsTree.Load(Repo.Directory, []).AppConfigs.Single(c => c.Folder == "kube-prometheus-stack")).Routes;

        Assert.Equal(["https://grafana.ops.lab.internal"], routes.Select(r => $"https://{r.Host}"));
        Assert.Equal("https://grafana.ops.lab.internal", (string?)HelmValues.At(values, "grafana", "grafana.ini", "server", "root_url"));
        Assert.Null(HelmValues.At(values, "prometheus", "prometheusSpec", "externalUrl"));
        Assert.Equal(["kube-prometheus-stack-grafana"], routes.Select(r => r.Service));
    }

    /// <summary>A Kubernetes label selector (matchLabels and In expressions) against a Service's labels.</summary>
    private static bool Selects(JsonNode selector, Dictionary<string, string> labels) =>
        (selector["matchLabels"] as JsonObject ?? []).All(p => labels.TryGetValue(p.Key, out var v) && v == (string?)p.Value)
        && (selector["matchExpressions"] as JsonArray ?? []).All(e => (string?)e!["operator"] == "In"
            && labels.TryGetValue((string)e["key"]!, out var v) && e["values"]!.AsArray().Any(x => (string?)x == v));

    [GeneratedRegex("job=\\\\\"(argocd-[a-z-]+)\\\\\"")]
    private static partial Regex JobSelector();
}
