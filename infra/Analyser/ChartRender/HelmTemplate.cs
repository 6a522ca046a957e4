namespace Bootstrap.Analyser.ChartRender;

/// <summary>Who a render stands for: Argo CD's sync (rendered twice), or Pulumi's install (as Argo CD sees the cluster, and at bootstrap).</summary>
public enum RenderRole
{
    ArgoCd,
    ArgoCdAgain,
    Pulumi,
    PulumiBootstrap,
}

/// <summary>One <c>helm template</c> run as Argo CD's repo server makes it for a Helm source (argo-cd
/// reposerver/repository/repository.go helmTemplate). Argo CD passes ValueFiles (repo-relative, in order; InlineValues null);
/// Pulumi passes its merged values (HelmRelease.ValuesYaml) as one document, InlineValues (ValueFiles empty), which whoever runs
/// helm writes to a file. Nothing else differs.</summary>
public sealed record HelmTemplate(
    RenderRole Role,
    string App,
    string Chart,
    string RepoUrl,
    string Version,
    string ReleaseName,
    string Namespace,
    string KubeVersion,
    IReadOnlyList<string> ApiVersions,
    IReadOnlyList<string> ValueFiles,
    string? InlineValues)
{
    /// <summary>helm's arguments, in the order Argo CD builds them; <paramref name="valuePaths"/> are the value files on disk.</summary>
    public IReadOnlyList<string> Arguments(string chartPath, IReadOnlyList<string> valuePaths)
    {
        // As argo-cd util/helm/cmd.go template: the release name (helm.releaseName, else the Application's name), destination
        // namespace, the cluster's Kubernetes version, each value file in order, the cluster's API versions, --include-crds.
        var args = new List<string>
        {
            "template", chartPath, "--name-template", ReleaseName, "--namespace", Namespace, "--kube-version", KubeVersion,
        };
        foreach (var file in valuePaths)
        {
            args.AddRange(["--values", file]);
        }

        foreach (var apiVersion in ApiVersions)
        {
            args.AddRange(["--api-versions", apiVersion]);
        }

        args.Add("--include-crds");
        return args;
    }
}
