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
        // Create in the Blueprint's resource order (dependencies first); the Blueprint decides what exists.
        foreach (var planned in blueprint.Resources)
        {
            var release = blueprint.Releases.FirstOrDefault(r => ResourcePlan.Release(r.App) == planned.Key);
            if (release is not null)
            {
                Release(release, wiring, kubernetes);
                continue;
            }

            switch (planned.Key)
            {
                case ResourcePlan.LoadBalancer:
                    Manifests(planned.Key, Output.Create(blueprint.LoadBalancerYaml), wiring, kubernetes);
                    break;
                case ResourcePlan.ClusterHealth:
                    wiring.Add(planned.Key, talos.HealthCheck(planned.Name, wiring.DependsOn(planned.Key)).Done);
                    break;
                case ResourcePlan.SealedSecretsKeys:
                    var keys = Config.RequireSecret(ConfigBinder.SealedSecretsKeys);
                    Manifests(planned.Key, keys.Apply(backup => SealedSecretsKeys.Render(backup, blueprint.SealedSecretsNamespace)), wiring, kubernetes);
                    break;
                case ResourcePlan.ArgoCdNamespace:
                    wiring.Add(planned.Key, new Namespace(planned.Name, new NamespaceArgs
                    {
                        Metadata = new ObjectMetaArgs { Name = blueprint.ArgoCdServerSecret.Namespace },
                    }, Retained(wiring.Options(planned.Key, this, kubernetes))));
                    break;
                case ResourcePlan.ArgoCdSecret:
                    var password = Config.GetSecret(ConfigBinder.ArgoCdAdminPassword);
                    Secret(blueprint.ArgoCdServerSecret, wiring, kubernetes, password is null
                        ? Output.Create(ArgoCdSecrets.ServerSecretData(null, blueprint.Talos.Name))
                        : password.Apply(p => ArgoCdSecrets.ServerSecretData(p, blueprint.Talos.Name)));
                    break;
                case ResourcePlan.ArgoCdRepository:
                    var credentials = Config.RequireSecret(ConfigBinder.GitOpsCredentials);
                    Secret(blueprint.ArgoCdRepositorySecret, wiring, kubernetes, credentials.Apply(c => ArgoCdSecrets.RepositoryData(blueprint.Config.GitOps, c)));
                    break;
            }
        }

        RegisterOutputs();
    }

    private static Pulumi.Config Config => new(ConfigKey.Namespace);

    private void Manifests(string key, Output<string> yaml, ResourceWiring wiring, Pulumi.Kubernetes.Provider kubernetes) =>
        wiring.Add(key, new ConfigGroup(wiring[key].Name, new ConfigGroupArgs { Yaml = yaml }, new ComponentResourceOptions
        {
            Parent = this,
            Provider = kubernetes,
            DependsOn = wiring.DependsOn(key),
        }));

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
