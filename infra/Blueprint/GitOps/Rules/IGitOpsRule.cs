using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Blueprint.GitOps.Rules;

/// <summary>What a gitops rule sees: the stack's blueprint, everything under gitops/, and what the stack's cluster runs.</summary>
public sealed record GitOpsContext(ClusterBlueprint Blueprint, GitOpsTree Tree, ClusterView Cluster, IRepository Repository);

/// <summary>One rule over the GitOps tree as a cluster would run it.</summary>
public interface IGitOpsRule
{
    IEnumerable<Diagnostic> Check(GitOpsContext context);
}
