using System.CommandLine;
using Bootstrap.Blueprint.Plan;
using k8s;

namespace Bootstrap.Cli.Commands;

/// <summary>
/// What <c>verify</c> and <c>backup</c> share: which stack (its Blueprint says what the cluster should be) and which cluster
/// (a kubeconfig). A repository with several stacks must name one: checking ops against dev's plan would mislead.
/// </summary>
internal sealed class ClusterTarget
{
    private ClusterTarget(ClusterBlueprint blueprint, KubernetesClientConfiguration config, TimeSpan kubeconfigTime)
    {
        Blueprint = blueprint;
        Config = config;
        KubeconfigTime = kubeconfigTime;
    }

    /// <summary>How long reading the kubeconfig took, its credential plugin included: verify's --timeout counts it.</summary>
    public TimeSpan KubeconfigTime { get; }

    public ClusterBlueprint Blueprint { get; }

    public KubernetesClientConfiguration Config { get; }

    public string Stack => Blueprint.Config.Stack;

    public static Option<FileInfo> Kubeconfig() => new("--kubeconfig")
    {
        HelpName = "FILE",
        Description = "Kubeconfig of the cluster; its current context is used (pulumi stack output kubeconfig --show-secrets).",
        Required = true,
    };

    public static Option<string?> StackOption() => new("--stack", "-s")
    {
        HelpName = "STACK",
        Description = "Stack whose blueprint applies (Pulumi.<stack>.yaml). Required when the repository has more than one stack.",
    };

    /// <summary>
    /// The Blueprint and kubeconfig, or the exit code after the problem was printed. The kubeconfig's credential plugin, if
    /// any, gets at most <paramref name="pluginBudget"/>: one that hangs is ended and the cluster reported unreachable.
    /// </summary>
    public static async Task<(ClusterTarget? Target, int Exit)> Load(
        ParseResult result,
        Option<string?> stack,
        Option<DirectoryInfo?> repo,
        Option<FileInfo> kubeconfig,
        TextWriter stderr,
        TimeSpan pluginBudget,
        CancellationToken cancel)
    {
        var root = CommonOptions.RepoRoot(result, repo);
        var known = StackLoader.Stacks(root);
        var name = result.GetValue(stack) ?? (known.Count == 1 ? known[0] : null);
        if (name is not null)
        {
            StackLoader.CheckName(name);
        }

        if (name is null)
        {
            stderr.WriteLine("error: --stack is required: "
                + $"this repository has {(known.Count == 0 ? "no stacks" : $"the stacks {string.Join(", ", known)}")}; "
                + "name the one the cluster was built from");
            return (null, ExitCodes.Usage);
        }

        var (blueprint, findings) = StackLoader.Load(root, name);
        var exit = DiagnosticsReport.Print(findings, stderr);
        if (blueprint is null)
        {
            return (null, exit);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (config, problem, timedOut) = await Cluster.Kubeconfig.Load(result.GetValue(kubeconfig)!, pluginBudget, cancel).ConfigureAwait(false);
        if (timedOut)
        {
            stderr.WriteLine($"error: {problem}");
            return (null, ExitCodes.Unreachable);
        }

        if (config is null)
        {
            throw new UsageException(problem!);
        }

        return (new ClusterTarget(blueprint, config, clock.Elapsed), ExitCodes.Ok);
    }
}
