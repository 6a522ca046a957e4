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
    /// <summary>
    /// What Pulumi stops tracking after the install, so it never fights Argo CD over chart, version or values. Everything
    /// but the release's identity (name, namespace): an import of a restored release (<see cref="ImportId"/>) then matches,
    /// because the engine diffs an import with ignoreChanges applied (pulumi/pulumi pkg/resource/deploy/step.go
    /// ImportStep.Apply) and the release record carries no repository, values files or skipAwait
    /// (pulumi-kubernetes provider/pkg/provider/helm_release.go serializeImportInputs, setReleaseAttributes).
    /// </summary>
    public static readonly IReadOnlyList<string> HandOffIgnoredProperties = [
        "chart", "version", "values", "valueYamlFiles", "repositoryOpts", "createNamespace", "skipAwait"];

    /// <summary>
    /// The id Pulumi imports a release already deployed in the cluster under (helm_release.go Read: "namespace/name"):
    /// Helm refuses to install a name a deployed release holds (helm pkg/action/install.go availableName), so a restored
    /// release is adopted instead of installed.
    /// </summary>
    public string ImportId => $"{Namespace}/{Name}";

    /// <summary>The merged values as one YAML document: what Pulumi passes to Helm, byte for byte.</summary>
    public string ValuesYaml => Values.Count == 0 ? "{}\n" : YamlWriter.Write(Values);
}
