using Bootstrap.Blueprint.Plan;
using Bootstrap.Tests.Lab;
using Bootstrap.Tests.Support;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Yaml.V2;

namespace Bootstrap.Tests;

/// <summary>Day 2's rules, each broken by undoing the program's answer to it (the setting or the step that handles it).</summary>
public partial class LabRuleTests
{
    private const string OldCrdBundle = "https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.0.0/standard-install.yaml";
    private const string NewCrdBundle = "https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.7.0/standard-install.yaml";

    private static Dictionary<string, Func<Task<LabRun>>> Day2Breaks => new()
    {
        [LabRules.MissingKindRetries] = () => Dev(transform: Rewire.DependsOn(Stages.LoadBalancer, Stages.Cilium)),
        [LabRules.FileAlreadyOnDatastore] = RebuildOverLeftoverImageWithoutOverwrite,
        [LabRules.ObjectAlreadyExists] = () => KeepEtcdRebuild(args =>
        {
            if (args.Args is Pulumi.Kubernetes.ProviderArgs provider)
            {
                provider.UpsertExistingObjects = false;
            }
        }),
        [LabRules.ReleaseNameInUse] = () => KeepEtcdRebuild(args =>
        {
            if (args.Options is CustomResourceOptions { ImportId: not null } options)
            {
                options.ImportId = null;
            }
        }),
        [LabRules.ApplyConflictWithArgoCd] = CrdBumpAppliedByPulumi,
        [LabRules.CiliumNeedsEveryGatewayCrd] = () => Dev(adjust: b => WithCrdBundle(WithGatewayApi(b), OldCrdBundle)),
        [LabRules.UnreachableClusterDelete] = RemoveAnObjectOfADeadClusterWithoutDeleteUnreachable,
        [LabRules.KubeconfigRenewalPreview] = PreviewDuringRenewalWithoutClusterIdentifier,
    };

    /// <summary>Git naming another Gateway API bundle, as the blueprint reads it (the URL and the step that records it).</summary>
    internal static ClusterBlueprint WithCrdBundle(ClusterBlueprint b, string url) => b with
    {
        Addons = b.Addons with { GatewayApiCrds = b.Addons.GatewayApiCrds with { Url = url } },
        Scripts = new Dictionary<string, Blueprint.Scripts.LocalScript>(b.Scripts)
        {
            [Stages.GatewayApiCrdsSource] = Blueprint.Scripts.InstalledSource.Of("Gateway API CRD bundle", url),
        },
    };

    private static async Task<LabRun> RebuildOverLeftoverImageWithoutOverwrite()
    {
        var (lost, _) = await Day2Lab.Built("dev");
        return await LabRun.Of("dev", Day2Lab.AfterLoss(lost), transform: args =>
        {
            if (args.Args is Pulumi.ProxmoxVE.Download.FileArgs file)
            {
                file.OverwriteUnmanaged = false;
            }
        });
    }

    private static async Task<LabRun> KeepEtcdRebuild(Action<ResourceTransformationArgs> transform)
    {
        var vault = Directory.CreateTempSubdirectory("bootstrap-vault-").FullName;
        try
        {
            var (snapshot, _, lab) = await Day2Lab.Restorable("dev", vault, "latest");
            return await LabRun.Of("dev", lab, config: Day2Lab.WithSavedSecrets("dev", snapshot), transform: transform);
        }
        finally
        {
            Directory.Delete(vault, recursive: true);
        }
    }

    /// <summary>The first program's CRDs: applied from the URL in Git on every run, so Renovate's bump reaches Pulumi.</summary>
    private static async Task<LabRun> CrdBumpAppliedByPulumi()
    {
        var fromGit = (ResourceTransformationArgs args) =>
        {
            if (args.Args is ConfigGroupArgs group && args.Resource.GetResourceName() == Stages.GatewayApiCrds)
            {
                group.Files = new InputList<string> { RecordingPlatform.Blueprint!.Addons.GatewayApiCrds.Url };
            }
        };
        var (lab, first) = await Day2Lab.Built("dev", transform: fromGit);
        return await LabRun.Of("dev", lab, first.State, adjust: b => WithCrdBundle(b, NewCrdBundle), transform: fromGit);
    }

    private static async Task<LabRun> RemoveAnObjectOfADeadClusterWithoutDeleteUnreachable()
    {
        var keepFailing = (ResourceTransformationArgs args) =>
        {
            if (args.Args is Pulumi.Kubernetes.ProviderArgs provider)
            {
                provider.DeleteUnreachable = false;
            }
        };
        var (lab, first) = await Day2Lab.Built("dev", WithKeys(), keepFailing);
        lab.ClusterUnreachable = true;

        // The restored keys leave the config: their Secret is deleted through the provider.
        return await LabRun.Of("dev", lab, first.State, transform: keepFailing);
    }

    private static async Task<LabRun> PreviewDuringRenewalWithoutClusterIdentifier()
    {
        var noIdentifier = (ResourceTransformationArgs args) =>
        {
            if (args.Args is Pulumi.Kubernetes.ProviderArgs provider)
            {
                provider.ClusterIdentifier = null!;
            }
        };
        var (lab, first) = await Day2Lab.Built("dev", transform: noIdentifier);
        lab.KubeconfigRenewalDue = true;
        return await LabRun.Of("dev", lab, first.State, preview: true, transform: noIdentifier);
    }
}
