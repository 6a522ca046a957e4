using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Analyser.ChartRender;

/// <summary>The renders one core app needs: Argo CD's twice, and for a release Pulumi installs, Pulumi's twice.</summary>
public sealed record CoreAppRenders(CoreApp App, IReadOnlyList<HelmTemplate> Templates);

/// <summary>What <c>lint --render</c> renders for one stack: every core app of its cluster.</summary>
public static class ChartRenderPlan
{
    /// <param name="apiVersions">What the running cluster serves beyond Helm's built-ins (Argo CD passes the live list).</param>
    /// <param name="bootstrapApiVersions">What the cluster serves when Pulumi installs a release after the CNI: the CRDs
    /// cilium-operator registers at run time (the Cilium chart ships none), which Pulumi waits for before going on.</param>
    public static (IReadOnlyList<CoreAppRenders> Apps, IReadOnlyList<Diagnostic> Findings) For(
        ClusterBlueprint blueprint,
        IRepository repository,
        IReadOnlyList<string> apiVersions,
        IReadOnlyList<string> bootstrapApiVersions)
    {
        var (apps, findings) = CoreAppReader.ReadAll(repository, blueprint.Config.GitOps.Path);
        // The gateway-api-crds stage runs before the first release (Stages: cilium waits for it), so every Pulumi install sees them.
        var beforeReleases = apiVersions.Where(IsGatewayApi).ToList();
        var afterCni = bootstrapApiVersions.Union(beforeReleases, StringComparer.Ordinal).ToList();
        var kube = blueprint.Config.Cluster.KubernetesVersion;
        var plans = new List<CoreAppRenders>();
        foreach (var app in apps)
        {
            HelmTemplate Template(RenderRole role, IReadOnlyList<string> apis, string? values) =>
                new(role, app.Name, app.Chart, app.ChartRepoUrl, app.Version, app.ReleaseName, app.Namespace, kube, apis,
                    values is null ? app.ValueFiles : [], values);

            var templates = new List<HelmTemplate>
            {
                Template(RenderRole.ArgoCd, apiVersions, null),
                Template(RenderRole.ArgoCdAgain, apiVersions, null),
            };
            if (blueprint.Addons.Releases.FirstOrDefault(r => r.App == app.Name) is { } release)
            {
                var first = blueprint.Addons.Releases[0].App == release.App;
                templates.Add(Template(RenderRole.Pulumi, apiVersions, release.ValuesYaml));
                templates.Add(Template(RenderRole.PulumiBootstrap, first ? beforeReleases : afterCni, release.ValuesYaml));
            }

            plans.Add(new CoreAppRenders(app, templates));
        }

        return (plans, findings);
    }

    private static bool IsGatewayApi(string apiVersion) =>
        apiVersion.StartsWith($"{GatewayApiGroup}/", StringComparison.Ordinal);

    private const string GatewayApiGroup = "gateway.networking.k8s.io";
}
