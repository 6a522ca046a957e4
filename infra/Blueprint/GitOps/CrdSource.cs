using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.GitOps;

/// <summary>CRDs Pulumi installs before a core app needs them and Argo CD owns afterwards, from one URL in Git: the
/// Application <c>&lt;gitops.path&gt;/gateway-api.yaml</c> points at a kustomization whose only resource is the upstream
/// release manifest; Pulumi applies that URL, Argo CD builds the kustomization.</summary>
public sealed partial record CrdSource(string Application, string Kustomization, string Url, string Version)
{
    public const string GatewayApiFile = "gateway-api.yaml";

    public static (CrdSource? Source, IReadOnlyList<Diagnostic> Diagnostics) GatewayApi(IRepository repository, string clusterPath)
    {
        var file = $"{clusterPath.TrimEnd('/')}/{GatewayApiFile}";
        var app = Read(repository, file, out var problem);
        if (app is null)
        {
            return (null, [FindingId.GatewayApiCrds.At(
                file, problem, "add the Gateway API CRD Application (see gitops/clusters/dev/gateway-api.yaml)")]);
        }

        var path = GitOpsObject.Text(app["spec"]?["source"]?["path"]);
        if (path is null || GitOpsObject.Text(app["kind"]) != "Application")
        {
            return (null, [FindingId.GatewayApiCrds.At(
                $"{file}: spec.source.path",
                "is not set on an Argo CD Application",
                "point spec.source.path at the kustomization folder, e.g. gitops/platform/gateway-api")]);
        }

        var kustomizationFile = $"{path.TrimEnd('/')}/kustomization.yaml";
        var kustomization = Read(repository, kustomizationFile, out problem);
        if (kustomization is null)
        {
            return (null, [FindingId.GatewayApiCrds.At(
                kustomizationFile,
                problem,
                $"add a kustomization whose only resource is the Gateway API release manifest ({file} points here)")]);
        }

        var resources = kustomization["resources"] as JsonArray ?? [];
        var url = resources.Count == 1 ? GitOpsObject.Text(resources[0]) : null;
        var match = url is null ? null : ReleaseManifest().Match(url);
        if (match is not { Success: true })
        {
            return (null, [FindingId.GatewayApiCrds.At(
                $"{kustomizationFile}: resources",
                "must hold exactly one resource: the upstream release manifest",
                "write https://github.com/kubernetes-sigs/gateway-api/releases/download/<version>/standard-install.yaml")]);
        }

        return (new CrdSource(file, kustomizationFile, url!, match.Groups["version"].Value), []);
    }

    private static JsonObject? Read(IRepository repository, string file, out string problem)
    {
        problem = "does not exist";
        if (repository.ReadFile(file) is not { } text)
        {
            return null;
        }

        try
        {
            problem = "is not a YAML mapping";
            return YamlReader.Parse(text, file) as JsonObject;
        }
        catch (YamlFormatException e)
        {
            problem = $"line {e.Line}: {e.Problem}";
            return null;
        }
    }

    /// <summary>The standard-channel bundle each Gateway API release publishes (kubernetes-sigs/gateway-api releases).</summary>
    [GeneratedRegex(@"^https://github\.com/kubernetes-sigs/gateway-api/releases/download/(?<version>v\d+\.\d+\.\d+)/standard-install\.yaml$")]
    private static partial Regex ReleaseManifest();
}
