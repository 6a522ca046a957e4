using Bootstrap.Blueprint.Config;

namespace Bootstrap.Blueprint.Plan;

/// <summary>
/// The stage graph expanded into resources: SameNode, SameHost, BootstrapNode and PreviousNode edges become exact pairs,
/// and the resources come in an order where each follows everything it waits for.
/// </summary>
public sealed record BootstrapPlan(IReadOnlyList<BootstrapStage> Stages, IReadOnlyList<PlannedResource> Resources)
{
    public PlannedResource Resource(string key) =>
        Resources.SingleOrDefault(r => r.Key == key) ?? throw new KeyNotFoundException($"no planned resource {key}");

    public PlannedResource Resource(string stage, string member) => Resource(PlannedResource.KeyOf(stage, member));

    /// <param name="nodes">Nodes in creation order: control planes first (the first is the bootstrap node), then workers.</param>
    /// <param name="hostOf">Each node's Proxmox host.</param>
    public static BootstrapPlan For(StackConfig config, IReadOnlyList<string> nodes, Func<string, string> hostOf)
    {
        var protect = config.Cluster.Proxmox.Protect;
        var stages = Plan.Stages.For(config.Secrets, restoreEtcd: config.EtcdSnapshot is not null);
        var bootstrapNode = nodes[0];
        var previous = nodes.Skip(1).Zip(nodes).ToDictionary(p => p.First, p => p.Second);
        var members = stages.SelectMany(stage => stage.Scope switch
        {
            StageScope.PerNode => nodes.Select(n => Member(stage, n, n, hostOf(n))),
            StageScope.PerHost => nodes.Select(hostOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(h => Member(stage, h, null, h)),
            _ => [Member(stage, null, null, null)],
        }).ToList();

        var byStage = members.ToLookup(m => m.Stage.Id);
        var resources = members.Select(m => new PlannedResource(
            PlannedResource.KeyOf(m.Stage.Id, m.Member),
            m.Stage.Id,
            m.Stage.Kind,
            m.Member,
            m.Node,
            m.Host,
            m.Stage.After
                .SelectMany(edge => byStage[edge.Stage].Where(other => edge.Scope switch
                {
                    EdgeScope.SameNode => other.Node == m.Node,
                    EdgeScope.SameHost => other.Host == m.Host,
                    EdgeScope.BootstrapNode => other.Node == bootstrapNode,
                    EdgeScope.PreviousNode => m.Node is not null && other.Node == previous.GetValueOrDefault(m.Node),
                    _ => true,
                }))
                .Select(other => PlannedResource.KeyOf(other.Stage.Id, other.Member))
                .Distinct()
                .ToList(),
            protect && !m.Stage.Kind.ReplacedInNormalOperation(),
            Retained(m.Stage))).ToList();
        return new BootstrapPlan(stages, DependenciesFirst(resources));
    }

    /// <summary>
    /// Stage order, except that a resource moves after what it waits for: a VM waits for the previous node's vm-ready step,
    /// a later stage. Stable (Kahn's algorithm taking the earliest ready resource), and it fails on a cycle.
    /// </summary>
    private static List<PlannedResource> DependenciesFirst(List<PlannedResource> resources)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<PlannedResource>(resources.Count);
        var pending = resources.ToList();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(r => r.DependsOn.All(done.Contains))
                ?? throw new InvalidOperationException($"the plan has a dependency cycle through {string.Join(", ", pending.Select(r => r.Key))}");
            pending.Remove(next);
            done.Add(next.Key);
            ordered.Add(next);
        }

        return ordered;
    }

    /// <summary>What Argo CD owns after the handoff is never deleted by `pulumi destroy`: the releases, the CRDs, the root
    /// Application and Argo CD's namespace.</summary>
    private static bool Retained(BootstrapStage stage) =>
        stage.Kind is ResourceKind.HelmRelease or ResourceKind.CrdManifests or ResourceKind.RootApplication
        || stage.Id == Plan.Stages.ArgoCdNamespace;

    private static (BootstrapStage Stage, string? Member, string? Node, string? Host) Member(
        BootstrapStage stage, string? member, string? node, string? host) =>
        (stage, member, node, host);
}
