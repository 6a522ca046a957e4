using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Blueprint.GitOps.Rules;

/// <summary>Runs every gitops rule for one stack's cluster, following its root Application through gitops/.</summary>
public static class GitOpsLint
{
    public static readonly IReadOnlyList<IGitOpsRule> Rules =
    [
        new AppConfigRule(),
        new ProjectRule(),
        new AppProjectRule(),
        new ValueFileRule(),
        new SyncWaveRule(),
        new BootstrapParityRule(),
        new DeletionSafetyRule(),
        new CoreAppRule(),
        new PodSecurityRule(),
    ];

    public static IReadOnlyList<Diagnostic> Check(ClusterBlueprint blueprint, IRepository repository)
    {
        var findings = new List<Diagnostic>();
        var tree = GitOpsTree.Load(repository, findings);
        // Follow the root Application as Argo CD will run it: the one in Git once it syncs itself (BootstrapParityRule
        // checks that it equals the one Pulumi creates), else the one Pulumi creates.
        var root = tree.Objects.FirstOrDefault(o => o.Is("Application") && o.Name == blueprint.Addons.RootApplication.Name && o.File.StartsWith($"{blueprint.Config.GitOps.Path}/", StringComparison.Ordinal))
            ?? new GitOpsObject($"manifest {blueprint.Config.Stack}/{blueprint.Addons.RootApplication.Name}", 0, blueprint.Addons.RootApplication.Body);
        var cluster = ClusterView.Follow(root, blueprint.Config.GitOps.RepoUrl, tree, findings);
        var context = new GitOpsContext(blueprint, tree, cluster, repository);
        findings.AddRange(Rules.SelectMany(rule => rule.Check(context)));
        return findings;
    }
}
