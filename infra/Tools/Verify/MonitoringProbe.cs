namespace Bootstrap.Tools.Verify;

/// <summary>Where the cluster runs monitoring: Prometheus, Alertmanager and Grafana are ready and every scrape target is up,
/// read from Prometheus' HTTP API through the API server's service proxy; if that fails (RBAC, no answer) a note says so and
/// the workloads alone are judged.</summary>
public static class MonitoringProbe
{
    public const string Name = "monitoring";

    public static ProbeResult Run(ClusterExpectation expected, ClusterState state)
    {
        var plan = expected.Monitoring!;
        var missing = new List<string>();
        var notes = new List<string>();
        var workloads = state.Monitoring?.Workloads ?? [];
        var expectedWorkloads = new[]
        {
            ("StatefulSet", plan.PrometheusStatefulSet), ("StatefulSet", plan.AlertmanagerStatefulSet), ("Deployment", plan.GrafanaDeployment),
        };
        foreach (var (kind, name) in expectedWorkloads)
        {
            var seen = workloads.FirstOrDefault(w => w.Kind == kind && w.Name == name);
            if (seen is null)
            {
                missing.Add($"{kind} {plan.Namespace}/{name} not found (has Argo CD synced the monitoring stack?)");
            }
            else if (seen.Replicas == 0 || seen.Ready < seen.Replicas)
            {
                missing.Add($"{kind} {plan.Namespace}/{name}: {seen.Ready}/{seen.Replicas} ready");
            }
        }

        var targets = state.Monitoring?.Targets;
        if (targets is null)
        {
            notes.Add($"scrape targets not checked: {state.Monitoring?.TargetsUnreadable ?? "Prometheus was not asked"}");
        }
        else
        {
            missing.AddRange(targets
                .Where(t => t.Health != "up")
                .OrderBy(t => t.Job, StringComparer.Ordinal).ThenBy(t => t.Instance, StringComparer.Ordinal)
                .Select(t => $"target {t.Job} {t.Instance} is {t.Health}{(string.IsNullOrEmpty(t.LastError) ? "" : $": {t.LastError}")}"));
        }

        var summary = targets is null
            ? $"Prometheus, Alertmanager and Grafana ready in {plan.Namespace}"
            : $"Prometheus, Alertmanager and Grafana ready in {plan.Namespace}; {targets.Count} target(s) up";
        return new ProbeResult(Name, summary, missing, notes);
    }
}
