using System.Collections.Immutable;
using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Scripts;
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
/// Everything in the running cluster before Argo CD takes over: the readiness gates, the Kubernetes provider, the Gateway
/// API CRDs, Cilium, the load-balancer pool, then cert-manager, sealed-secrets (after its restored keys) and Argo CD
/// (after its secrets). Each Helm release is installed once and handed to Argo CD.
/// </summary>
public sealed class ClusterAddons : ComponentResource
{
    public ClusterAddons(string name, ClusterBlueprint blueprint, ResourceWiring wiring, Output<string> kubeconfig, Output<string> talosconfig)
        : base("bootstrap:index:ClusterAddons", name)
    {
        var addons = blueprint.Addons;
        var settings = KubernetesProviderSettings.For(blueprint);
        Output<string>? crdSource = null;
        foreach (var planned in blueprint.Plan.OwnedBy(Component.ClusterAddons))
        {
            switch (planned.Kind)
            {
                case ResourceKind.ReadinessGate or ResourceKind.NodeRemoval:
                    ScriptCommand.Create(planned, blueprint.Scripts[planned.Key], wiring, this, talosconfig, kubeconfig);
                    break;
                case ResourceKind.KubernetesProvider:
                    var options = wiring.Options(planned, this);
                    wiring.Add(planned, new Pulumi.Kubernetes.Provider(planned.Name, new Pulumi.Kubernetes.ProviderArgs
                    {
                        KubeConfig = kubeconfig,
                        EnableServerSideApply = true,
                        ClusterIdentifier = settings.ClusterIdentifier,
                        DeleteUnreachable = settings.DeleteUnreachable,
                        UpsertExistingObjects = settings.UpsertExistingObjects,
                    }, options));
                    break;
                case ResourceKind.InstalledSource:
                    crdSource = ScriptCommand.Create(planned, blueprint.Scripts[planned.Key], wiring, this, null, null).Stdout;
                    break;
                case ResourceKind.CrdManifests:
                    Manifests(planned, wiring, new ConfigGroupArgs
                    {
                        Files = (crdSource ?? throw new InvalidOperationException($"{planned.Key} comes before its recorded source"))
                            .Apply(printed => InstalledSource.Sources(printed).ToImmutableArray()),
                    });
                    break;
                case ResourceKind.LoadBalancerManifests:
                    Manifests(planned, wiring, new ConfigGroupArgs { Yaml = addons.LoadBalancerYaml });
                    break;
                case ResourceKind.RestoredSealedSecretsKeys:
                    var keys = Config.RequireSecret(ConfigBinder.SealedSecretsKeys);
                    Manifests(planned, wiring, new ConfigGroupArgs
                    {
                        Yaml = keys.Apply(backup => SealedSecretsKeys.Render(backup, addons.SealedSecretsNamespace)),
                    });
                    break;
                case ResourceKind.HelmRelease:
                    Release(addons.Release(planned.Stage), planned, wiring, settings);
                    break;
                case ResourceKind.Namespace:
                    wiring.Add(planned, new Namespace(planned.Name, new NamespaceArgs
                    {
                        Metadata = new ObjectMetaArgs { Name = addons.ArgoCdServerSecret.Namespace },
                    }, wiring.Options(planned, this, Stages.KubernetesProvider)));
                    break;
                case ResourceKind.ArgoCdServerSecret:
                    var password = Config.GetSecret(ConfigBinder.ArgoCdAdminPassword);
                    Secret(planned, addons.ArgoCdServerSecret, wiring, password is null
                        ? Output.Create(ArgoCdSecrets.ServerSecretData(null, blueprint.Talos.Name))
                        : password.Apply(p => ArgoCdSecrets.ServerSecretData(p, blueprint.Talos.Name)));
                    break;
                case ResourceKind.RepositorySecret:
                    var credentials = Config.RequireSecret(ConfigBinder.GitOpsCredentials);
                    Secret(planned, addons.ArgoCdRepositorySecret, wiring,
                        credentials.Apply(c => ArgoCdSecrets.RepositoryData(blueprint.Config.GitOps, c)));
                    break;
                default:
                    throw ResourceWiring.Unmapped(planned);
            }
        }

        RegisterOutputs();
    }

    private static Pulumi.Config Config => new(ConfigKey.Namespace);

    private void Manifests(PlannedResource planned, ResourceWiring wiring, ConfigGroupArgs args) =>
        wiring.Add(planned, new ConfigGroup(planned.Name, args, wiring.ComponentOptions(planned, this, Stages.KubernetesProvider)));

    private void Release(HelmRelease release, PlannedResource planned, ResourceWiring wiring, KubernetesProviderSettings settings)
    {
        var options = wiring.Options(planned, this, Stages.KubernetesProvider);
        if (release.HandOff)
        {
            options.IgnoreChanges = HelmRelease.HandOffIgnoredProperties.ToList();
            options.ImportId = settings.AdoptRestoredReleases ? release.ImportId : null;
        }

        wiring.Add(planned, new Release(planned.Name, new ReleaseArgs
        {
            Name = release.Name,
            Chart = release.Chart,
            Version = release.Version,
            Namespace = release.Namespace,
            CreateNamespace = true,
            RepositoryOpts = new RepositoryOptsArgs { Repo = release.RepoUrl },
            ValueYamlFiles = { new StringAsset(release.ValuesYaml) },
            SkipAwait = !release.Await,
        }, options));
    }

    private void Secret(PlannedResource planned, SecretSpec spec, ResourceWiring wiring, Output<IReadOnlyDictionary<string, string>> data) =>
        wiring.Add(planned, new Pulumi.Kubernetes.Core.V1.Secret(planned.Name, new SecretArgs
        {
            Metadata = new ObjectMetaArgs { Name = spec.Name, Namespace = spec.Namespace, Labels = spec.Labels.ToDictionary() },
            Type = spec.Type,
            StringData = Output.CreateSecret(data.Apply(d => d.ToImmutableDictionary())),
        }, wiring.Options(planned, this, Stages.KubernetesProvider)));
}
