using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Analyser.GitOps;

/// <summary>What a gitops rule sees: the stack's blueprint, everything under gitops/, and what the stack's cluster runs.</summary>
public sealed record GitOpsContext(ClusterBlueprint Blueprint, GitOpsTree Tree, ClusterView Cluster, IRepository Repository);
