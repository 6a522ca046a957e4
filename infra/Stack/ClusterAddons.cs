using System.Collections.Immutable;
using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Secrets;
using Pulumi;
using Pulumi.Kubernetes.Core.V1;
using Pulumi.Kubernetes.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Yaml.V2;
using Pulumi.Kubernetes.Yaml.V2;

namespace Bootstrap.Stack;

/// <summary>
/// Cilium, the load-balancer pool, the health check, then cert-manager, sealed-secrets (after its restored keys) and
/// Argo CD (after its secrets): each Helm release installed once and handed to Argo CD.
/// </summary>
public sealed class ClusterAddons : ComponentResource
{
    public ClusterAddons(ClusterBlueprint blueprint, ResourceWiring wiring, TalosCluster talos, Pulumi.Kubernetes.Provider kubernetes)
        : base("bootstrap:index:ClusterAddons", "addons")
    {
        var config = new Pulumi.Config(ConfigKey.Namespace);
        Release(blueprint.Release("cilium"), wiring, kubernetes);

        wiring.Add(ResourcePlan.LoadBalancer, new ConfigGroup(wiring[ResourcePlan.LoadBalancer].Name, new ConfigGroupArgs
        {
            Yaml = blueprint.LoadBalancerYaml,
        }, new ComponentResourceOptions { Parent = this, Provider = kubernetes, DependsOn = wiring.DependsOn(ResourcePlan.LoadBalancer) }));

        wiring.Add(ResourcePlan.ClusterHealth, talos.HealthCheck(wiring[ResourcePlan.ClusterHealth].Name, wiring.DependsOn(ResourcePlan.ClusterHealth)).Done);

        if (blueprint.Config.Secrets.SealedSecretsKeys)
        {
            var keys = config.RequireSecret(ConfigBinder.SealedSecretsKeys);
            wiring.Add(ResourcePlan.SealedSecretsKeys, new ConfigGroup(wiring[ResourcePlan.SealedSecretsKeys].Name, new ConfigGroupArgs
            {
                Yaml = keys.Apply(backup => SealedSecretsKeys.Render(backup, blueprint.SealedSecretsNamespace)),
            }, new ComponentResourceOptions { Parent = this, Provider = kubernetes, DependsOn = wiring.DependsOn(ResourcePlan.SealedSecretsKeys) }));
        }

        var argocd = blueprint.Release("argocd");
        wiring.Add(ResourcePlan.ArgoCdNamespace, new Namespace(wiring[ResourcePlan.ArgoCdNamespace].Name, new NamespaceArgs
        {
            Metadata = new ObjectMetaArgs { Name = argocd.Namespace },
        }, Retained(wiring.Options(ResourcePlan.ArgoCdNamespace, this, kubernetes))));

        var password = config.GetSecret(ConfigBinder.ArgoCdAdminPassword);
        Secret(blueprint.ArgoCdServerSecret, wiring, kubernetes, password is null
            ? Output.Create(ArgoCdSecrets.ServerSecretData(null, blueprint.Talos.Name))
            : password.Apply(p => ArgoCdSecrets.ServerSecretData(p, blueprint.Talos.Name)));
        if (blueprint.Config.Secrets.GitOpsCredentials)
        {
            var credentials = config.RequireSecret(ConfigBinder.GitOpsCredentials);
            Secret(blueprint.ArgoCdRepositorySecret, wiring, kubernetes, credentials.Apply(c => ArgoCdSecrets.RepositoryData(blueprint.Config.GitOps, c)));
        }

        foreach (var app in new[] { "cert-manager", "sealed-secrets", "argocd" })
        {
            Release(blueprint.Release(app), wiring, kubernetes);
        }

        RegisterOutputs();
    }

    private void Release(HelmRelease release, ResourceWiring wiring, Pulumi.Kubernetes.Provider kubernetes)
    {
        var key = ResourcePlan.Release(release.App);
        var options = wiring.Options(key, this, kubernetes);
        if (release.HandOff)
        {
            options = Retained(options);
            options.IgnoreChanges = HelmRelease.HandOffIgnoredProperties.ToList();
        }

        wiring.Add(key, new Release(wiring[key].Name, new ReleaseArgs
        {
            Name = release.Name,
            Chart = release.Chart,
            Version = release.Version,
            Namespace = release.Namespace,
            CreateNamespace = true,
            RepositoryOpts = new RepositoryOptsArgs { Repo = release.RepoUrl },
            ValueYamlFiles = { new StringAsset(release.ValuesYaml) },
        }, options));
    }

    private void Secret(SecretSpec spec, ResourceWiring wiring, Pulumi.Kubernetes.Provider kubernetes, Output<IReadOnlyDictionary<string, string>> data) =>
        wiring.Add(spec.Key, new Pulumi.Kubernetes.Core.V1.Secret(wiring[spec.Key].Name, new SecretArgs
        {
            Metadata = new ObjectMetaArgs { Name = spec.Name, Namespace = spec.Namespace, Labels = spec.Labels.ToDictionary() },
            Type = spec.Type,
            StringData = Output.CreateSecret(data.Apply(d => d.ToImmutableDictionary())),
        }, wiring.Options(spec.Key, this, kubernetes)));

    /// <summary>Deleting the stack must never uninstall what Argo CD now runs.</summary>
    private static CustomResourceOptions Retained(CustomResourceOptions options)
    {
        options.RetainOnDelete = true;
        return options;
    }
}
