using System.Collections.Immutable;
using Bootstrap.Blueprint.Addons;
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

/// <summary>The add-ons, the cluster they go into, and the secrets from the stack's config (null when not configured).</summary>
public sealed record ClusterAddonsArgs(
    AddonsSpec Spec, TalosCluster Talos, Output<string>? SealedSecretsKeys, Output<string>? ArgoCdAdminPassword, Output<string>? GitOpsCredentials);

/// <summary>
/// Everything in the cluster before Argo CD takes over: API wait, Kubernetes provider, Gateway API CRDs, Cilium and its
/// pool, the health gate, then cert-manager, sealed-secrets and Argo CD (each handed to Argo CD); each node's removal step.
/// </summary>
public sealed class ClusterAddons : ComponentResource
{
    public ClusterAddons(string name, ClusterAddonsArgs args, ComponentResourceOptions? options = null)
        : base("bootstrap:index:ClusterAddons", name, options)
    {
        var spec = args.Spec;
        var talos = args.Talos;
        var apiReady = Script(spec.ApiReady, [talos.KubeconfigResource]);
        Provider = new Pulumi.Kubernetes.Provider(spec.KubernetesProvider.Name, new Pulumi.Kubernetes.ProviderArgs
        {
            KubeConfig = talos.Kubeconfig,
            EnableServerSideApply = true,
            ClusterIdentifier = spec.Settings.ClusterIdentifier,
            DeleteUnreachable = spec.Settings.DeleteUnreachable,
            UpsertExistingObjects = spec.Settings.UpsertExistingObjects,
        }, PlannedOptions.Custom(spec.KubernetesProvider, this, [apiReady]));

        var crdSource = Script(spec.GatewayApiCrdsSource, [Provider]);
        var crds = Manifests(spec.GatewayApiCrds, [crdSource], new ConfigGroupArgs
        {
            Files = crdSource.Stdout.Apply(printed => InstalledSource.Sources(printed).ToImmutableArray()),
        });
        var cilium = Release(spec.Cilium, [crds], spec.Settings);
        var ciliumCrds = Script(spec.CiliumCrds, [cilium]);
        var loadBalancer = Manifests(spec.LoadBalancer, [ciliumCrds], new ConfigGroupArgs { Yaml = spec.LoadBalancerYaml });
        var health = Script(spec.ClusterHealth, [loadBalancer, .. talos.Nodes.Select(n => n.ConfigApply)]);
        var certManager = Release(spec.CertManager, [health], spec.Settings);

        var removals = new List<Resource>();
        foreach (var node in talos.Nodes)
        {
            removals.Add(Script(node.Spec.Removal, removals.Count == 0 ? [node.ConfigApply, health] : [node.ConfigApply, health, removals[^1]]));
        }

        InputList<Resource> sealedSecretsAfter = [health];
        if (spec.SealedSecretsKeys is { } restoredKeys && args.SealedSecretsKeys is { } keys)
        {
            sealedSecretsAfter.Add(Manifests(restoredKeys, [Provider], new ConfigGroupArgs
            {
                Yaml = keys.Apply(backup => SealedSecretsKeys.Render(backup, spec.SealedSecretsNamespace)),
            }));
        }

        var sealedSecrets = Release(spec.SealedSecrets, sealedSecretsAfter, spec.Settings);

        var argoCdNamespace = new Namespace(spec.ArgoCdNamespace.Name, new NamespaceArgs
        {
            Metadata = new ObjectMetaArgs { Name = spec.ArgoCdServerSecret.Namespace },
        }, PlannedOptions.Custom(spec.ArgoCdNamespace, this, [Provider], Provider));
        var password = args.ArgoCdAdminPassword;
        InputList<Resource> argoCdAfter =
        [
            health,
            Secret(spec.ArgoCdSecret, spec.ArgoCdServerSecret, argoCdNamespace, password is null
                ? Output.Create(ArgoCdSecrets.ServerSecretData(null, spec.ClusterName))
                : password.Apply(p => ArgoCdSecrets.ServerSecretData(p, spec.ClusterName))),
        ];
        if (spec.ArgoCdRepository is { } repository && args.GitOpsCredentials is { } credentials)
        {
            argoCdAfter.Add(Secret(repository, spec.ArgoCdRepositorySecret, argoCdNamespace,
                credentials.Apply(c => ArgoCdSecrets.RepositoryData(spec.GitOps, c))));
        }

        var argoCd = Release(spec.ArgoCd, argoCdAfter, spec.Settings);
        BeforeHandoff = [argoCd, certManager, sealedSecrets, .. removals];
        RegisterOutputs();

        Pulumi.Command.Local.Command Script(ScriptStep step, InputList<Resource> dependsOn) =>
            ScriptCommand.Create(step, this, dependsOn, talos.StepTalosconfig, talos.Kubeconfig);
    }

    public ProviderResource Provider { get; }

    /// <summary>What Argo CD takes over only once finished: the releases, and each node's removal step (every node has joined).</summary>
    public IReadOnlyList<Resource> BeforeHandoff { get; }

    private ConfigGroup Manifests(PlannedResource planned, InputList<Resource> dependsOn, ConfigGroupArgs args) =>
        new(planned.Name, args, PlannedOptions.Component(planned, this, dependsOn, Provider));

    private Release Release(ReleaseSpec spec, InputList<Resource> dependsOn, KubernetesProviderSettings settings)
    {
        var release = spec.Release;
        var options = PlannedOptions.Custom(spec.Resource, this, dependsOn, Provider);
        if (release.HandOff)
        {
            options.IgnoreChanges = [.. HelmRelease.HandOffIgnoredProperties];
            options.ImportId = settings.AdoptRestoredReleases ? release.ImportId : null;
        }

        return new Release(spec.Resource.Name, new ReleaseArgs
        {
            Name = release.Name,
            Chart = release.Chart,
            Version = release.Version,
            Namespace = release.Namespace,
            CreateNamespace = true,
            RepositoryOpts = new RepositoryOptsArgs { Repo = release.RepoUrl },
            ValueYamlFiles = { new StringAsset(release.ValuesYaml) },
            SkipAwait = !release.Await,
        }, options);
    }

    private Pulumi.Kubernetes.Core.V1.Secret Secret(
        PlannedResource planned, SecretSpec spec, Resource @namespace, Output<IReadOnlyDictionary<string, string>> data) =>
        new(planned.Name, new SecretArgs
        {
            Metadata = new ObjectMetaArgs { Name = spec.Name, Namespace = spec.Namespace, Labels = spec.Labels.ToDictionary() },
            Type = spec.Type,
            StringData = Output.CreateSecret(data.Apply(d => d.ToImmutableDictionary())),
        }, PlannedOptions.Custom(planned, this, [@namespace], Provider));
}
