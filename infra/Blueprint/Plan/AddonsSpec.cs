using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Secrets;

namespace Bootstrap.Blueprint.Plan;

/// <summary>
/// Everything in the running cluster before Argo CD takes over, in install order. A release names its stage and its core
/// app separately (<see cref="ReleaseSpec.Of"/>). Null: the restored keys or Git credentials are not configured.
/// </summary>
public sealed record AddonsSpec(
    ScriptStep ApiReady,
    PlannedResource KubernetesProvider,
    KubernetesProviderSettings Settings,
    ScriptStep GatewayApiCrdsSource,
    PlannedResource GatewayApiCrds,
    ReleaseSpec Cilium,
    ScriptStep CiliumCrds,
    PlannedResource LoadBalancer,
    string LoadBalancerYaml,
    ScriptStep ClusterHealth,
    ReleaseSpec CertManager,
    PlannedResource? SealedSecretsKeys,
    ReleaseSpec SealedSecrets,
    PlannedResource ArgoCdNamespace,
    PlannedResource ArgoCdSecret,
    SecretSpec ArgoCdServerSecret,
    string ClusterName,
    PlannedResource? ArgoCdRepository,
    SecretSpec ArgoCdRepositorySecret,
    GitOpsSettings GitOps,
    ReleaseSpec ArgoCd)
{
    public static AddonsSpec For(ClusterBlueprint blueprint)
    {
        var plan = blueprint.Plan;
        var addons = blueprint.Addons;
        return new AddonsSpec(
            ScriptStep.Of(blueprint, Stages.ApiReady),
            plan.Resource(Stages.KubernetesProvider),
            KubernetesProviderSettings.For(blueprint),
            ScriptStep.Of(blueprint, Stages.GatewayApiCrdsSource),
            plan.Resource(Stages.GatewayApiCrds),
            ReleaseSpec.Of(blueprint, Stages.Cilium, BootstrapReleases.Cilium),
            ScriptStep.Of(blueprint, Stages.CiliumCrds),
            plan.Resource(Stages.LoadBalancer),
            addons.LoadBalancerYaml,
            ScriptStep.Of(blueprint, Stages.ClusterHealth),
            ReleaseSpec.Of(blueprint, Stages.CertManager, BootstrapReleases.CertManager),
            Optional(plan, Stages.SealedSecretsKeys),
            ReleaseSpec.Of(blueprint, Stages.SealedSecrets, BootstrapReleases.SealedSecrets),
            plan.Resource(Stages.ArgoCdNamespace),
            plan.Resource(Stages.ArgoCdSecret),
            addons.ArgoCdServerSecret,
            blueprint.Talos.Name,
            Optional(plan, Stages.ArgoCdRepository),
            addons.ArgoCdRepositorySecret,
            blueprint.Config.GitOps,
            ReleaseSpec.Of(blueprint, Stages.ArgoCd, BootstrapReleases.ArgoCd));
    }

    /// <summary>Where the restored keys go: the namespace the sealed-secrets controller runs in.</summary>
    public string SealedSecretsNamespace => SealedSecrets.Release.Namespace;

    private static PlannedResource? Optional(BootstrapPlan plan, string stage) => plan.Resources.SingleOrDefault(r => r.Key == stage);
}

/// <summary>The root Application, created last: from here on Argo CD manages the platform.</summary>
public sealed record HandoffSpec(PlannedResource RootApplication, GitOps.Manifest Manifest)
{
    public static HandoffSpec For(ClusterBlueprint blueprint) =>
        new(blueprint.Plan.Resource(Stages.RootApplication), blueprint.Addons.RootApplication);
}
