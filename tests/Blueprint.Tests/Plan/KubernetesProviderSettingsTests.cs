using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Proxmox;
using Bootstrap.Blueprint.Scripts;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Plan;

/// <summary>
/// Day 2's decisions: the Kubernetes provider's settings, adopting a restored platform, one image per cluster, CRDs installed once.
/// </summary>
public class KubernetesProviderSettingsTests
{
    private static JsonObject Secure => new() { ["secure"] = "v1:AAAAAAAAAAAAAAAA" };

    [Fact]
    public void The_provider_names_its_cluster_by_name_and_endpoint_and_tolerates_a_gone_or_restored_cluster()
    {
        var settings = KubernetesProviderSettings.For(StackInput.Of("dev").Blueprint());

        Assert.Equal(new KubernetesProviderSettings("dev@https://192.168.40.60:6443", true, true, false), settings);
        Assert.Equal("ops@https://192.168.50.60:6443", KubernetesProviderSettings.For(StackInput.Of("ops").Blueprint()).ClusterIdentifier);
    }

    [Fact]
    public void Only_a_rebuild_that_restores_etcd_imports_the_handed_off_releases()
    {
        var restoring = StackInput.Of("dev").Set("bootstrap:talosSecrets", Secure)
            .Set("bootstrap:etcdSnapshot", "vault/2026-12-01/etcd.snapshot").Blueprint();
        var keepingSecretsOnly = StackInput.Of("dev").Set("bootstrap:talosSecrets", Secure).Blueprint();

        Assert.True(KubernetesProviderSettings.For(restoring).AdoptRestoredReleases);
        Assert.False(KubernetesProviderSettings.For(keepingSecretsOnly).AdoptRestoredReleases);
        Assert.Equal(
            ["kube-system/cilium", "cert-manager/cert-manager", "kube-system/sealed-secrets", "argocd/argocd"],
            restoring.Addons.Releases.Select(r => r.ImportId));
    }

    [Fact]
    public void A_handed_off_release_ignores_every_input_but_its_name_and_namespace_so_its_import_matches()
    {
        Assert.Equal(
            ["chart", "version", "values", "valueYamlFiles", "repositoryOpts", "createNamespace", "skipAwait"],
            Bootstrap.Blueprint.Addons.HelmRelease.HandOffIgnoredProperties);
    }

    [Fact]
    public void Each_cluster_downloads_its_own_image_file_and_overwrites_a_leftover_of_that_name()
    {
        var dev = StackInput.Of("dev").Blueprint().Downloads.Single();
        var ops = StackInput.Of("ops").Blueprint().Downloads;

        Assert.Equal("dev-talos-v1.13.9-ce4c980550dd-nocloud-amd64.qcow2", dev.FileName);
        Assert.All(ops, d => Assert.Equal("ops-talos-v1.13.9-ce4c980550dd-nocloud-amd64.qcow2", d.FileName));
        Assert.True(ImageDownload.OverwriteUnmanaged);
        Assert.All(StackInput.Of("dev").Blueprint().Nodes, n => Assert.Equal($"local:import/{dev.FileName}", n.Vm.ImportFrom));
    }

    [Fact]
    public void The_gateway_api_crds_come_from_the_bundle_recorded_once_before_they_are_installed()
    {
        var blueprint = StackInput.Of("dev").Blueprint();
        var source = blueprint.Scripts[Stages.GatewayApiCrdsSource];

        Assert.True(source.RunOnce);
        Assert.Equal(ScriptCredentials.None, source.Credentials);
        Assert.Equal($"printf '%s' {blueprint.Addons.GatewayApiCrds.Url}\n", source.Script);
        Assert.Contains(Stages.GatewayApiCrdsSource, blueprint.Plan.Resource(Stages.GatewayApiCrds).DependsOn);
        Assert.Equal(ResourceKind.InstalledSource, blueprint.Plan.Resource(Stages.GatewayApiCrdsSource).Kind);
    }

    [Fact]
    public void A_rebuild_that_restores_etcd_records_no_crd_bundle_and_installs_none()
    {
        var restoring = StackInput.Of("dev").Set("bootstrap:talosSecrets", Secure)
            .Set("bootstrap:etcdSnapshot", "vault/2026-12-01/etcd.snapshot").Blueprint();

        Assert.Equal("printf ''\n", restoring.Scripts[Stages.GatewayApiCrdsSource].Script);
        Assert.Empty(InstalledSource.Sources(""));
        Assert.Equal(["https://example.test/crds.yaml"], InstalledSource.Sources("https://example.test/crds.yaml"));
    }
}
