using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Talos;

namespace Bootstrap.Blueprint.Addons;

/// <summary>A setting a core app's merged values must have for this platform to work, and why.</summary>
public sealed record RequiredValue(string App, string[] Path, JsonNode Expected, string Why, bool AnyOrder = false)
{
    public string Key => string.Join('.', Path);
}

/// <summary>
/// Checks the merged values of the bootstrap releases against what Talos and the ownership model need
/// (Talos docs, Kubernetes guides > Network > "Deploying Cilium CNI"). The values live in stacks/; this only refuses wrong ones.
/// </summary>
public static class CoreValuesRule
{
    public static readonly IReadOnlyList<RequiredValue> Required =
    [
        new(BootstrapReleases.Cilium, ["ipam", "mode"], "kubernetes", "Talos hands out pod CIDRs through Kubernetes"),
        new(BootstrapReleases.Cilium, ["kubeProxyReplacement"], true, "Talos runs no kube-proxy (cluster.proxy.disabled)"),
        new(BootstrapReleases.Cilium, ["k8sServiceHost"], "localhost",
            "Cilium reaches the API through KubePrism on every node, before any Service works"),
        new(BootstrapReleases.Cilium, ["k8sServicePort"], MachinePatches.KubePrismPort, "that is KubePrism's port in the machine config"),
        new(BootstrapReleases.Cilium, ["cgroup", "autoMount", "enabled"], false, "Talos already mounts cgroup2; auto-mounting it fails"),
        new(BootstrapReleases.Cilium, ["cgroup", "hostRoot"], "/sys/fs/cgroup", "that is where Talos mounts cgroup2"),
        new(
            BootstrapReleases.Cilium,
            ["securityContext", "capabilities", "ciliumAgent"],
            Strings("CHOWN", "KILL", "NET_ADMIN", "NET_RAW", "IPC_LOCK", "SYS_ADMIN", "SYS_RESOURCE", "DAC_OVERRIDE", "FOWNER", "SETGID", "SETUID"),
            "Talos forbids SYS_MODULE, so the agent must run with exactly these",
            AnyOrder: true),
        new(
            BootstrapReleases.Cilium,
            ["securityContext", "capabilities", "cleanCiliumState"],
            Strings("NET_ADMIN", "SYS_ADMIN", "SYS_RESOURCE"),
            "Talos forbids SYS_MODULE",
            AnyOrder: true),
        new(BootstrapReleases.Cilium, ["l2announcements", "enabled"], true, "the stack's loadBalancerPool is announced on the LAN over L2"),
        new(BootstrapReleases.Cilium, ["gatewayAPI", "enabled"], true,
            "the shared Gateway (gitops/platform/gateway/) is Cilium's Gateway API implementation"),
        new(BootstrapReleases.CertManager, ["crds", "enabled"], true, "cert-manager's CRDs are installed with the chart"),
        new(BootstrapReleases.SealedSecrets, ["fullnameOverride"], "sealed-secrets-controller", "kubeseal looks for the controller under that name"),
        new(BootstrapReleases.ArgoCd, ["configs", "secret", "createSecret"], false,
            "Pulumi owns argocd-secret (admin password); the chart must not overwrite it"),
        new(
            BootstrapReleases.ArgoCd,
            ["configs", "params", "server.insecure"],
            true,
            "TLS ends at the shared Gateway, whose HTTPRoute sends plain HTTP to argocd-server:80 (Argo CD docs "
            + "operator-manual/ingress.md, Gateway API)"),
        new(
            BootstrapReleases.ArgoCd,
            ["server", "ingress", "enabled"],
            false,
            "Argo CD is served over HTTPS by the shared Gateway; the chart's Ingress would serve it in clear beside it"),
    ];

    public static IEnumerable<Diagnostic> Findings(HelmRelease release)
    {
        var where = string.Join(" + ", release.ValueFiles);
        foreach (var rule in Required.Where(r => r.App == release.App))
        {
            var actual = HelmValues.At(release.Values, rule.Path);
            if (!Matches(actual, rule))
            {
                yield return FindingId.CoreValues.At(
                    $"{where}: {rule.Key}",
                    $"is {(actual is null ? "not set" : actual.ToJsonString())}, but {release.App} needs {rule.Expected.ToJsonString()}: {rule.Why}",
                    $"set {rule.Key}: {rule.Expected.ToJsonString()} "
                    + $"in {(release.ValueFiles.Count > 0 ? release.ValueFiles[0] : "the values files")}");
            }
        }
    }

    private static bool Matches(JsonNode? actual, RequiredValue rule)
    {
        if (rule.AnyOrder && actual is JsonArray list && rule.Expected is JsonArray expected)
        {
            var have = list.Select(n => n?.ToJsonString()).Order(StringComparer.Ordinal);
            var want = expected.Select(n => n?.ToJsonString()).Order(StringComparer.Ordinal);
            return have.SequenceEqual(want);
        }

        return JsonNode.DeepEquals(actual, rule.Expected);
    }

    private static JsonArray Strings(params string[] values) => new(values.Select(v => (JsonNode)v).ToArray());
}
