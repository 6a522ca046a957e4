using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Secrets;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Plan;

/// <summary>What Pulumi puts into the running cluster before Argo CD takes over, decided once.</summary>
public sealed record AddonPlan(
    IReadOnlyList<HelmRelease> Releases,
    CrdSource GatewayApiCrds,
    IReadOnlyList<Manifest> LoadBalancer,
    Manifest RootApplication,
    SecretSpec ArgoCdServerSecret,
    SecretSpec ArgoCdRepositorySecret)
{
    /// <summary>The pools and L2 policy as one multi-document YAML, applied together.</summary>
    public string LoadBalancerYaml => YamlWriter.WriteAll(LoadBalancer.Select(m => (JsonNode?)m.Body));

    /// <summary>Every object Pulumi renders itself, as plan writes them to out/&lt;stack&gt;/manifests/.</summary>
    public IReadOnlyList<Manifest> Manifests => [.. LoadBalancer, RootApplication];

    /// <summary>Restored keys go where the sealed-secrets controller runs.</summary>
    public string SealedSecretsNamespace => Release(BootstrapReleases.SealedSecrets).Namespace;

    /// <summary>What Argo CD owns after the handoff, as the stack output lists it: namespace/release chart version.</summary>
    public IReadOnlyList<string> HandedOffReleases =>
        Releases.Where(r => r.HandOff).Select(r => $"{r.Namespace}/{r.Name} {r.Chart} {r.Version}").ToList();

    /// <summary>Argo CD's URL from its values (global.domain), or null when no domain is set.</summary>
    public string? ArgoCdUrl =>
        HelmValues.At(Release(BootstrapReleases.ArgoCd).Values, "global", "domain") is JsonValue domain ? $"https://{domain}" : null;

    public HelmRelease Release(string app) => Releases.Single(r => r.App == app);
}
