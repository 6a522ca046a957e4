using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.GitOps;

/// <summary>
/// Monitoring objects survive syncing before their CRDs exist, and alerts watch their settings: the sealed-secrets key alert
/// uses keyrenewperiod; the certificate alert fires only after cert-manager should have renewed (below every renewBefore).
/// </summary>
public sealed partial class MonitoringRule : IRule<GitOpsContext>
{
    public const string MonitoringGroup = "monitoring.coreos.com/";
    public const string SkipDryRun = "SkipDryRunOnMissingResource=true";
    public const string KeyAlert = "SealedSecretsKeyNotRenewed";
    public const string CertificateAlert = "CertificateExpiringSoon";

    public IEnumerable<Diagnostic> Findings(GitOpsContext context)
    {
        foreach (var app in context.Cluster.Delivered
            .Where(d => (GitOpsObject.Text(d.Item.Body["apiVersion"]) ?? "").StartsWith(MonitoringGroup, StringComparison.Ordinal))
            .Select(d => d.Application)
            .Distinct())
        {
            if (!GitOpsObject.Strings(app.Spec["syncPolicy"]?["syncOptions"]).Contains(SkipDryRun))
            {
                yield return FindingId.Monitoring.At(
                    $"{app.Where}: spec.syncPolicy.syncOptions",
                    $"{app.Name} syncs {MonitoringGroup} objects, whose CRDs arrive with the monitoring stack: "
                    + $"without {SkipDryRun} its dry run fails until then",
                    $"add {SkipDryRun} (and a retry policy)");
            }
        }

        var alerts = Alerts(context.Cluster).ToList();
        foreach (var (rule, expr) in alerts.Where(a => a.Name == KeyAlert).Select(a => (a.Rule, a.Expr)))
        {
            var period = HelmValues.At(context.Blueprint.Addons.Release(BootstrapReleases.SealedSecrets).Values, "keyrenewperiod") is JsonValue v
                && v.TryGetValue<string>(out var text)
                ? text
                : null;
            if (period is not null && Seconds(period) is { } seconds && !expr.Contains($"> {seconds}", StringComparison.Ordinal))
            {
                yield return FindingId.Monitoring.At(
                    $"{rule.Where}: {KeyAlert}",
                    $"does not compare the key age with keyrenewperiod {period} ({seconds} s, stacks/common/values/sealed-secrets.yaml)",
                    $"write the threshold as > {seconds} (+ grace)");
            }
        }

        foreach (var (rule, expr) in alerts.Where(a => a.Name == CertificateAlert).Select(a => (a.Rule, a.Expr)))
        {
            if (Below().Match(expr) is not { Success: true } match)
            {
                continue;
            }

            var threshold = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            foreach (var certificate in context.Cluster.Objects.Where(o => o.Kind == "Certificate"))
            {
                var renewBefore = GitOpsObject.Text(certificate.Spec["renewBefore"]);
                if (renewBefore is not null && Seconds(renewBefore) is { } renew && renew <= threshold)
                {
                    yield return FindingId.Monitoring.At(
                        $"{certificate.Where}: spec.renewBefore",
                        $"is {renewBefore}, not more than the {threshold / 86400}-day threshold of {CertificateAlert} ({rule.Where}): "
                        + "the alert would fire before cert-manager even tries to renew",
                        $"renew earlier than {threshold / 86400} days before expiry");
                }
            }
        }
    }

    private static IEnumerable<(GitOpsObject Rule, string Name, string Expr)> Alerts(ClusterView cluster) =>
        cluster.Objects.Where(o => o.Kind == "PrometheusRule").SelectMany(rule =>
            (rule.Spec["groups"] as JsonArray ?? []).SelectMany(g => g?["rules"] as JsonArray ?? [])
                .Select(r => (rule, GitOpsObject.Text(r?["alert"]) ?? "", GitOpsObject.Text(r?["expr"]) ?? "")));

    /// <summary>A Go duration made of hours, minutes and seconds (720h, 1h30m) in seconds; null for anything else.</summary>
    public static long? Seconds(string duration)
    {
        var parts = DurationPart().Matches(duration);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != duration)
        {
            return null;
        }

        return parts.Sum(p => long.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture)
            * p.Groups[2].Value switch { "h" => 3600, "m" => 60, _ => 1 });
    }

    [GeneratedRegex(@"(\d+)([hms])")]
    private static partial Regex DurationPart();

    [GeneratedRegex(@"<\s*(\d+)")]
    private static partial Regex Below();
}
