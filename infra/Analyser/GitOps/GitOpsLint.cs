using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Analyser.GitOps;

/// <summary>Runs every gitops rule for one stack's cluster, following its root Application through gitops/.</summary>
public static class GitOpsLint
{
    public static readonly IReadOnlyList<IRule<GitOpsContext>> Rules =
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
        new NetworkIsolationRule(),
        new GatewayRule(),
        new MonitoringRule(),
        new YamlFilesRule(),
        new ApplicationPathRule(),
    ];

    public static IReadOnlyList<Diagnostic> Check(ClusterBlueprint blueprint, IRepository repository)
    {
        var findings = new List<Diagnostic>();
        var tree = GitOpsTree.Load(repository, findings);
        var cluster = ClusterView.Of(blueprint.Config, tree, findings);
        var context = new GitOpsContext(blueprint, tree, cluster, repository);
        findings.AddRange(Rules.SelectMany(rule => rule.Findings(context)));
        return findings;
    }
}
