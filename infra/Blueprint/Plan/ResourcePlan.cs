using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.Config;

namespace Bootstrap.Blueprint.Plan;

/// <summary>Expands the stage graph into per-resource dependencies: SameNode, SameHost and BootstrapNode edges become exact pairs.</summary>
public static class ResourcePlan
{
    public const string Schematic = "schematic";
    public const string TalosSecrets = "talos-secrets";
    public const string EtcdBootstrap = "etcd-bootstrap";
    public const string Kubeconfig = "kubeconfig";
    public const string LoadBalancer = "load-balancer";
    public const string ClusterHealth = "cluster-health";
    public const string KubernetesUpgrade = "kubernetes-upgrade";
    public const string SealedSecretsKeys = "sealed-secrets-keys";
    public const string ArgoCdNamespace = "argocd-namespace";
    public const string ArgoCdSecret = "argocd-secret";
    public const string ArgoCdRepository = "argocd-repository";
    public const string RootApplication = "root-application";

    public static string Image(string host) => $"image/{host}";

    public static string Vm(string node) => $"vm/{node}";

    public static string TalosApply(string node) => $"talos-apply/{node}";

    public static string TalosUpgrade(string node) => $"talos-upgrade/{node}";

    public static string Release(string app) => $"release/{app}";

    public static IReadOnlyList<PlannedResource> For(IReadOnlyList<BootstrapStage> stages, IReadOnlyList<NodePlan> nodes, IReadOnlyList<HelmRelease> releases, string bootstrapNode, StackSecrets secrets)
    {
        var members = new List<(string Key, string Stage, string? Node, string? Host)>
        {
            (Schematic, Stages.Schematic, null, null),
            (TalosSecrets, Stages.TalosSecrets, null, null),
            (EtcdBootstrap, Stages.EtcdBootstrap, null, null),
            (Kubeconfig, Stages.Kubeconfig, null, null),
            (LoadBalancer, Stages.LoadBalancer, null, null),
            (ClusterHealth, Stages.ClusterHealth, null, null),
            (KubernetesUpgrade, Stages.KubernetesUpgrade, null, null),
            (ArgoCdNamespace, Stages.ArgoCdSecrets, null, null),
            (ArgoCdSecret, Stages.ArgoCdSecrets, null, null),
            (RootApplication, Stages.RootApplication, null, null),
        };
        members.AddRange(nodes.Select(n => n.Vm.Host).Distinct().Select(h => (Image(h), Stages.Image, (string?)null, (string?)h)));
        members.AddRange(nodes.Select(n => (Vm(n.Name), Stages.Vm, (string?)n.Name, (string?)n.Vm.Host)));
        members.AddRange(nodes.Select(n => (TalosUpgrade(n.Name), Stages.TalosUpgrade, (string?)n.Name, (string?)n.Vm.Host)));
        members.AddRange(nodes.Select(n => (TalosApply(n.Name), Stages.TalosApply, (string?)n.Name, (string?)n.Vm.Host)));
        var previous = nodes.Skip(1).Zip(nodes, (node, before) => (node.Name, before.Name)).ToDictionary(p => p.Item1, p => (string?)p.Item2);
        members.AddRange(releases.Select(r => (Release(r.App), r.Stage, (string?)null, (string?)null)));
        if (secrets.SealedSecretsKeys)
        {
            members.Add((SealedSecretsKeys, Stages.SealedSecretsKeys, null, null));
        }

        if (secrets.GitOpsCredentials)
        {
            members.Add((ArgoCdRepository, Stages.ArgoCdSecrets, null, null));
        }

        var byStage = members.ToLookup(m => m.Stage);
        var nodeOrder = nodes.Select((n, i) => (n.Name, i)).ToDictionary(p => p.Name, p => p.i);
        return members
            .OrderBy(m => Order(stages, m.Stage))
            .ThenBy(m => m.Node is null ? -1 : nodeOrder[m.Node])
            .ThenBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new PlannedResource(
                m.Key,
                m.Stage,
                m.Node,
                m.Host,
                stages.Single(s => s.Id == m.Stage).After
                    .SelectMany(edge => byStage[edge.Stage].Where(other => edge.Scope switch
                    {
                        EdgeScope.SameNode => other.Node == m.Node,
                        EdgeScope.SameHost => other.Host == m.Host,
                        EdgeScope.BootstrapNode => other.Node == bootstrapNode,
                        EdgeScope.PreviousNode => m.Node is not null && other.Node == previous.GetValueOrDefault(m.Node),
                        _ => true,
                    }))
                    .Select(other => other.Key)
                    .Concat(WithinStage(m.Key))
                    .Distinct()
                    .ToList()))
            .ToList();
    }

    /// <summary>Inside the argocd-secrets stage the Secrets need their namespace first.</summary>
    private static IEnumerable<string> WithinStage(string key) =>
        key is ArgoCdSecret or ArgoCdRepository ? [ArgoCdNamespace] : [];

    private static int Order(IReadOnlyList<BootstrapStage> stages, string stage) =>
        stages.Select((s, i) => (s.Id, i)).Single(s => s.Id == stage).i;
}
