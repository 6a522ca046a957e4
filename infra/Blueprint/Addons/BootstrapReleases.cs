using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Addons;

/// <summary>
/// The releases Pulumi installs before Argo CD can run, derived from the cluster's core app manifests in Git and the
/// values files they name. Nothing about a chart is pinned here: a Renovate bump in Git changes what a rebuild installs.
/// </summary>
public static class BootstrapReleases
{
    /// <summary>What a cluster needs before Argo CD can take over: a CNI, certificates, secret decryption, and Argo CD itself.</summary>
    public static readonly IReadOnlyList<string> Apps = [Cilium, CertManager, SealedSecrets, ArgoCd];

    public const string Cilium = "cilium";
    public const string CertManager = "cert-manager";
    public const string SealedSecrets = "sealed-secrets";
    public const string ArgoCd = "argocd";

    /// <summary>Releases Pulumi does not wait for. Cilium, the CNI: Helm would wait for Hubble pods that need Cilium's network
    /// and for its ingress LoadBalancer Service (cilium/cilium install/kubernetes/cilium/templates/cilium-ingress-service.yaml),
    /// which gets an address only once Pulumi creates the pool after the CRDs exist. Readiness gates wait for what matters.</summary>
    public static readonly IReadOnlyList<string> NotAwaited = [Cilium];

    public static (IReadOnlyList<HelmRelease> Releases, IReadOnlyList<Diagnostic> Diagnostics) Build(StackConfig config, IRepository repository)
    {
        var findings = new List<Diagnostic>();
        var releases = new List<HelmRelease>();
        foreach (var name in Apps)
        {
            var file = CoreAppReader.PathFor(config.GitOps.Path, name);
            var (app, appFindings) = CoreAppReader.Read(repository, file);
            findings.AddRange(appFindings);
            if (app is null)
            {
                continue;
            }

            findings.AddRange(CheckSource(config, app));
            var layers = new List<JsonObject>();
            foreach (var valuesFile in app.ValueFiles)
            {
                var layer = ReadValues(repository, valuesFile, findings);
                if (layer is not null)
                {
                    layers.Add(layer);
                }
            }

            var release = new HelmRelease(
                app.Name,
                app.ReleaseName,
                app.Chart,
                app.ChartRepoUrl,
                app.Version,
                app.Namespace,
                app.ValueFiles,
                HelmValues.Merge(layers),
                HandOff: true,
                Await: !NotAwaited.Contains(app.Name));
            findings.AddRange(CoreValuesRule.Findings(release));
            releases.Add(release);
        }

        return (releases, findings);
    }

    /// <summary>The values files every core app uses, in merge order.</summary>
    public static IReadOnlyList<string> ExpectedValueFiles(string stack, string app) =>
        [$"stacks/common/values/{app}.yaml", $"stacks/{stack}/values/{app}.yaml"];

    private static IEnumerable<Diagnostic> CheckSource(StackConfig config, CoreApp app)
    {
        if (app.Name != Path.GetFileNameWithoutExtension(app.File))
        {
            yield return FindingId.CoreRelease.At(
                $"{app.File}: metadata.name",
                $"is \"{app.Name}\" in a file named for {Path.GetFileNameWithoutExtension(app.File)}",
                "name the Application after its file");
        }

        if (!string.Equals(app.ValuesRepoUrl, config.GitOps.RepoUrl, StringComparison.Ordinal))
        {
            yield return FindingId.CoreRelease.At(
                $"{app.File}: spec.sources[values].repoURL",
                $"is {app.ValuesRepoUrl}, but bootstrap:gitops.repoUrl is {config.GitOps.RepoUrl}",
                "point both at the same repository, or Argo CD renders other values than Pulumi installed");
        }

        if (!string.Equals(app.ValuesRevision, config.GitOps.Revision, StringComparison.Ordinal))
        {
            yield return FindingId.CoreRelease.At(
                $"{app.File}: spec.sources[values].targetRevision",
                $"is {app.ValuesRevision}, but bootstrap:gitops.revision is {config.GitOps.Revision}",
                "use the same revision in both");
        }

        var expected = ExpectedValueFiles(config.Stack, app.Name);
        if (!app.ValueFiles.SequenceEqual(expected))
        {
            yield return FindingId.CoreRelease.At(
                $"{app.File}: spec.sources[chart].helm.valueFiles",
                $"lists [{string.Join(", ", app.ValueFiles)}]",
                $"list exactly [{string.Join(", ", expected.Select(f => $"${CoreAppReader.ValuesRef}/{f}"))}] so Pulumi "
                + "and Argo CD merge the same files");
        }
    }

    private static JsonObject? ReadValues(IRepository repository, string file, List<Diagnostic> findings)
    {
        var text = repository.ReadFile(file);
        if (text is null)
        {
            findings.Add(FindingId.CoreRelease.At(file, "does not exist", "create it (an empty mapping {} is fine)"));
            return null;
        }

        try
        {
            var node = YamlReader.Parse(text, file);
            if (node is null)
            {
                return [];
            }

            if (node is JsonObject values)
            {
                return values;
            }

            findings.Add(FindingId.CoreRelease.At(file, "is not a mapping of Helm values", "write values as key: value pairs"));
        }
        catch (YamlFormatException e)
        {
            findings.Add(FindingId.CoreRelease.At($"{file}:{e.Line}", e.Problem, "fix the YAML syntax"));
        }

        return null;
    }
}
