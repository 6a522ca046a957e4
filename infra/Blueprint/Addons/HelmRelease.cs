using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Addons;

/// <summary>
/// A Helm release Pulumi installs once and then hands to Argo CD. Chart, version and values come from the core app
/// in Git; <see cref="HandOff"/> tells the Pulumi layer to ignore later changes and retain the release on delete.
/// </summary>
/// <param name="Await">
/// Whether `pulumi up` waits until every object of the release is ready: pulumi-kubernetes waits unless skipAwait
/// (provider/pkg/provider/helm_release.go: client.Wait = !SkipAwait, 300 s), and Helm counts a LoadBalancer Service ready
/// only once it has an address (helm pkg/kube/ready.go serviceReady).
/// </param>
public sealed record HelmRelease(
    string App,
    string Name,
    string Chart,
    string RepoUrl,
    string Version,
    string Namespace,
    IReadOnlyList<string> ValueFiles,
    JsonObject Values,
    bool HandOff,
    bool Await)
{
    /// <summary>What Pulumi stops tracking after the install, so it never fights Argo CD over chart, version or values.</summary>
    public static readonly IReadOnlyList<string> HandOffIgnoredProperties = [
        "chart", "version", "values", "valueYamlFiles", "repositoryOpts", "createNamespace"];

    /// <summary>The merged values as one YAML document: what Pulumi passes to Helm, byte for byte.</summary>
    public string ValuesYaml => Values.Count == 0 ? "{}\n" : YamlWriter.Write(Values);
}
