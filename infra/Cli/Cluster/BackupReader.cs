using System.Text.Json.Nodes;
using Bootstrap.Tools.Backup;
using Bootstrap.Blueprint.Secrets;
using k8s;

namespace Bootstrap.Cli.Cluster;

/// <summary>What <c>backup</c> saves, read from the cluster as JSON objects; cleaning and rendering is the Blueprint's.</summary>
/// <summary>Null lists: the kind's CRD is not installed.</summary>
internal sealed record BackupObjects(
    IReadOnlyList<JsonObject> Keys,
    IReadOnlyList<JsonObject>? Applications,
    IReadOnlyList<JsonObject>? AppProjects,
    IReadOnlyList<JsonObject>? ApplicationSets,
    IReadOnlyList<JsonObject> Settings,
    IReadOnlyList<string> MissingSettings);

internal static class BackupReader
{
    private const string ArgoGroup = "argoproj.io";
    private const string ArgoVersion = "v1alpha1";

    public static async Task<IReadOnlyList<JsonObject>> Keys(ClusterApi api, string @namespace, CancellationToken cancel)
    {
        // The label key alone selects every value: the active key and each one a renewal retired. All are needed to decrypt.
        var secrets = await api.Read(
            $"list secrets labelled {SealedSecretsKeys.KeyLabel} in {@namespace}",
            (k, t) => k.CoreV1.ListNamespacedSecretAsync(@namespace, labelSelector: SealedSecretsKeys.KeyLabel, cancellationToken: t),
            cancel).ConfigureAwait(false);
        return (secrets.Items ?? []).Select(s => Clean(KubernetesJson.Serialize(s), "v1", "Secret")).ToList();
    }

    public static async Task<BackupObjects> Read(ClusterApi api, string sealedSecretsNamespace, string argoNamespace, CancellationToken cancel)
    {
        var keys = await Keys(api, sealedSecretsNamespace, cancel).ConfigureAwait(false);
        var applications = await Custom(api, argoNamespace, "applications", "Application", cancel).ConfigureAwait(false);
        var projects = await Custom(api, argoNamespace, "appprojects", "AppProject", cancel).ConfigureAwait(false);
        var sets = await Custom(api, argoNamespace, "applicationsets", "ApplicationSet", cancel).ConfigureAwait(false);
        var settings = new List<JsonObject>();
        var missing = new List<string>();
        foreach (var name in BackupFiles.ArgoCdConfigMaps)
        {
            var map = await api.Find(
                $"get configmap {argoNamespace}/{name}",
                (k, t) => k.CoreV1.ReadNamespacedConfigMapAsync(name, argoNamespace, cancellationToken: t),
                cancel).ConfigureAwait(false);
            if (map is null)
            {
                missing.Add(name);
            }
            else
            {
                settings.Add(Clean(KubernetesJson.Serialize(map), "v1", "ConfigMap"));
            }
        }

        return new BackupObjects(
            keys,
            applications,
            projects,
            sets,
            settings,
            missing);
    }

    /// <summary>Argo CD objects of one kind; null when the CRD is not installed.</summary>
    private static async Task<IReadOnlyList<JsonObject>?> Custom(
        ClusterApi api, string @namespace, string plural, string kind, CancellationToken cancel)
    {
        var list = await api.Find(
            $"list {plural} in {@namespace}",
            (k, t) => k.CustomObjects.ListNamespacedCustomObjectAsync<JsonObject>(ArgoGroup, ArgoVersion, @namespace, plural, cancellationToken: t),
            cancel).ConfigureAwait(false);
        return list is null ? null : Json.Items(list).Select(o => ClusterExport.Clean(o, $"{ArgoGroup}/{ArgoVersion}", kind)).ToList();
    }

    private static JsonObject Clean(string json, string apiVersion, string kind) =>
        ClusterExport.Clean(JsonNode.Parse(json)!.AsObject(), apiVersion, kind);
}
