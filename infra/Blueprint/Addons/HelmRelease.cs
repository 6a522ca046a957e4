using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Addons;

/// <summary>A Helm release Pulumi installs once, then hands to Argo CD (<see cref="HandOff"/>: ignore changes, retain on delete).</summary>
/// <param name="Await">Whether `pulumi up` waits for every object to be ready (pulumi/pulumi-kubernetes
/// provider/pkg/provider/helm_release.go: Wait = !SkipAwait, 300 s); Helm counts a LoadBalancer Service ready only once it
/// has an address (helm/helm pkg/kube/ready.go).</param>
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
    /// <summary>What Pulumi stops tracking after install, so it never fights Argo CD: all but name and namespace. An import
    /// (<see cref="ImportId"/>) then matches: imports are diffed with ignoreChanges applied (pulumi/pulumi
    /// pkg/resource/deploy/step.go ImportStep.Apply) and the release record lacks these
    /// (pulumi/pulumi-kubernetes provider/pkg/provider/helm_release.go serializeImportInputs).</summary>
    public static readonly IReadOnlyList<string> HandOffIgnoredProperties = [
        "chart", "version", "values", "valueYamlFiles", "repositoryOpts", "createNamespace", "skipAwait"];

    /// <summary>The id Pulumi imports a deployed release under ("namespace/name", pulumi-kubernetes helm_release.go Read):
    /// Helm refuses to install a name a deployed release holds (helm/helm pkg/action/install.go availableName), so a restored
    /// release is adopted instead.</summary>
    public string ImportId => $"{Namespace}/{Name}";

    /// <summary>The merged values as one YAML document: what Pulumi passes to Helm, byte for byte.</summary>
    public string ValuesYaml => Values.Count == 0 ? "{}\n" : YamlWriter.Write(Values);
}
