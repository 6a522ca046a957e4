using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.GitOps;

/// <summary>
/// Reads a core app's multi-source Application: source 1 is the Helm chart, source 2 is this repository as <c>$values</c>.
/// Everything that would make Argo CD render something else than Pulumi installs (inline values, parameters) is refused.
/// </summary>
public static class CoreAppReader
{
    public const string ValuesRef = "values";
    public const string SyncWaveAnnotation = "argocd.argoproj.io/sync-wave";
    private static readonly string[] AllowedHelmKeys = ["releaseName", "valueFiles"];

    /// <summary>Where a cluster's core apps live: <c>&lt;gitops.path&gt;/core/&lt;name&gt;.yaml</c>.</summary>
    public static string PathFor(string clusterPath, string name) => $"{clusterPath.TrimEnd('/')}/core/{name}.yaml";

    /// <summary>Every core app of a cluster: each file in <c>&lt;gitops.path&gt;/core/</c>.</summary>
    public static (IReadOnlyList<CoreApp> Apps, IReadOnlyList<Diagnostic> Diagnostics) ReadAll(IRepository repository, string clusterPath)
    {
        var apps = new List<CoreApp>();
        var findings = new List<Diagnostic>();
        foreach (var file in repository.ListFiles($"{clusterPath.TrimEnd('/')}/core", "*.yaml"))
        {
            var (app, appFindings) = Read(repository, file);
            findings.AddRange(appFindings);
            if (app is not null)
            {
                apps.Add(app);
            }
        }

        return (apps, findings);
    }

    public static (CoreApp? App, IReadOnlyList<Diagnostic> Diagnostics) Read(IRepository repository, string file)
    {
        var text = repository.ReadFile(file);
        if (text is null)
        {
            return (null, [FindingId.CoreAppManifest.At(
                file, "does not exist", "add the core app's Argo CD Application manifest (see docs/gitops.md)")]);
        }

        JsonNode? root;
        try
        {
            root = YamlReader.Parse(text, file);
        }
        catch (YamlFormatException e)
        {
            return (null, [FindingId.CoreAppManifest.At($"{file}:{e.Line}", e.Problem, "fix the YAML syntax")]);
        }

        var findings = new List<Diagnostic>();
        var reader = new Fields(file, findings);
        if (root is not JsonObject app || reader.Text(app, "kind") != "Application" || reader.Text(app, "apiVersion") != "argoproj.io/v1alpha1")
        {
            findings.Add(FindingId.CoreAppManifest.At(
                file, "is not an Argo CD Application", "use apiVersion: argoproj.io/v1alpha1, kind: Application"));
            return (null, findings);
        }

        var sources = (app["spec"] as JsonObject)?["sources"] as JsonArray;
        var chart = sources?.OfType<JsonObject>().FirstOrDefault(s => s["chart"] is not null);
        var values = sources?.OfType<JsonObject>().FirstOrDefault(s => s["ref"]?.GetValueKind() == JsonValueKind.String
            && (string?)s["ref"] == ValuesRef);
        if (sources is null || chart is null || values is null || sources.Count != 2)
        {
            findings.Add(FindingId.CoreAppManifest.At(
                $"{file}: spec.sources",
                "must hold exactly two sources: the Helm chart and this repository with ref: values",
                "see gitops/clusters/dev/core/cilium.yaml for the shape"));
            return (null, findings);
        }

        var helm = chart["helm"] as JsonObject ?? [];
        foreach (var key in helm.Select(p => p.Key).Where(k => !AllowedHelmKeys.Contains(k)))
        {
            findings.Add(FindingId.CoreAppManifest.At(
                $"{file}: spec.sources[chart].helm.{key}",
                "is not allowed on a bootstrap core app: Pulumi would install different values than Argo CD renders",
                "move the settings into the values files under stacks/"));
        }

        var name = reader.Text(app, "metadata.name");
        var valueFiles = new List<string>();
        foreach (var entry in helm["valueFiles"] as JsonArray ?? [])
        {
            var path = entry?.GetValueKind() == JsonValueKind.String ? (string)entry! : "";
            if (!path.StartsWith($"${ValuesRef}/", StringComparison.Ordinal))
            {
                findings.Add(FindingId.CoreAppManifest.At(
                    $"{file}: spec.sources[chart].helm.valueFiles",
                    $"\"{path}\" does not come from this repository",
                    $"write ${ValuesRef}/stacks/<common|stack>/values/{name}.yaml"));
                continue;
            }

            valueFiles.Add(path[(ValuesRef.Length + 2)..]);
        }

        var annotation = ((app["metadata"] as JsonObject)?["annotations"] as JsonObject)?[SyncWaveAnnotation];
        var wave = annotation is null
            ? "0"
            : annotation.GetValueKind() == JsonValueKind.String ? annotation.GetValue<string>() : annotation.ToJsonString();
        if (!int.TryParse(wave, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var syncWave))
        {
            findings.Add(FindingId.CoreAppManifest.At(
                $"{file}: metadata.annotations.{SyncWaveAnnotation}",
                $"\"{wave}\" is not a whole number",
                "write a quoted integer, e.g. \"-10\""));
        }

        if (helm["releaseName"] is { } releaseName && releaseName.GetValueKind() != JsonValueKind.String)
        {
            findings.Add(FindingId.CoreAppManifest.At(
                $"{file}: spec.sources[chart].helm.releaseName",
                "is not a string",
                "quote it, e.g. releaseName: \"cilium\""));
        }

        var coreApp = new CoreApp(
            name,
            file,
            reader.Text(app, "spec.project"),
            reader.Text(chart, "repoURL", "spec.sources[chart]"),
            reader.Text(chart, "chart", "spec.sources[chart]"),
            reader.Text(chart, "targetRevision", "spec.sources[chart]"),
            helm["releaseName"] is JsonValue release && release.GetValueKind() == JsonValueKind.String ? release.GetValue<string>() : name,
            reader.Text(app, "spec.destination.namespace"),
            valueFiles,
            reader.Text(values, "repoURL", "spec.sources[values]"),
            reader.Text(values, "targetRevision", "spec.sources[values]"),
            syncWave);
        return (findings.Count == 0 ? coreApp : null, findings);
    }

    /// <summary>Reads required string fields, reporting each missing one with its YAML path.</summary>
    private sealed class Fields(string file, List<Diagnostic> findings)
    {
        public string Text(JsonNode node, string path, string? shownAs = null)
        {
            JsonNode? current = node;
            foreach (var part in path.Split('.'))
            {
                current = current is JsonObject map ? map[part] : null;
            }

            if (current is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length > 0)
            {
                return value.GetValue<string>();
            }

            findings.Add(FindingId.CoreAppManifest.At(
                $"{file}: {(shownAs is null ? path : $"{shownAs}.{path}")}", "is missing or not a string", "set it"));
            return "";
        }
    }
}
