using Bootstrap.Analyser.GitOps;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Validation;

namespace Bootstrap.Tools.Environments;

/// <summary>
/// A third environment in one command: the files of a complete environment, derived from an existing one and checked with the
/// rules of plan and lint (on the repository as it will be) before the CLI writes anything, so plan and lint pass right after.
/// </summary>
public static partial class NewEnvironment
{
    /// <summary>Names taken by something else: stacks/common/ (shared values), the core and default Argo CD projects.</summary>
    private static readonly string[] Reserved = ["common", "core", "default"];

    public static (NewEnvironmentResult? Result, IReadOnlyList<Diagnostic> Diagnostics) Plan(NewEnvironmentRequest request, IRepository repository)
    {
        var name = request.Name;
        if (!NameRule.IsDnsLabel(name) || Reserved.Contains(name))
        {
            return (null, [FindingId.NewEnvInput.At(
                $"<name> \"{name}\"", Reserved.Contains(name) ? $"is reserved ({Why(name)})" : "is not a DNS-1123 label",
                "use lowercase letters, digits and '-', at most 63 characters, e.g. lab or staging")]);
        }

        var stacks = StackFile.Stacks(repository);
        if (StackName.Problem(request.From) is not null || !stacks.Contains(request.From))
        {
            return (null, [FindingId.NewEnvInput.At(
                $"--from {request.From}",
                "is not a stack of this repository",
                $"copy one of: {string.Join(", ", stacks)}")]);
        }

        var taken = EnvironmentClashes.Existing(name, repository);
        if (taken.Count > 0)
        {
            return (null, taken);
        }

        var (source, sourceProblems) = RepositoryStacks.Load(request.From, repository);
        if (source is null)
        {
            return (null, [FindingId.NewEnvInput.At(
                $"--from {request.From}", "does not plan", $"fix it first: plan {request.From}"), .. sourceProblems]);
        }

        var findings = new List<Diagnostic>();
        var input = NetworkInput.Parse(request, findings);
        if (input is null)
        {
            return (null, findings);
        }

        var tree = GitOpsTree.Load(repository, []);
        var others = stacks.Select(s => RepositoryStacks.Bind(s, repository)).OfType<StackConfig>().ToList();
        findings.AddRange(EnvironmentClashes.Network(input, others));
        var from = EnvironmentNames.Of(source.Config, ClusterView.Of(source.Config, tree, []));
        var domain = request.Domain ?? DefaultDomain(from, name);
        findings.AddRange(EnvironmentClashes.Domain(domain, request, others, tree));

        var nodes = source.Config.Cluster.Nodes.Select(n => (n.Key, n.Value.Role)).ToList();
        var hosts = request.Hosts ?? source.Nodes.Select(n => n.Vm.Host).Distinct(StringComparer.Ordinal).ToList();
        var vmIds = others.Where(o => o.Stack != name)
            .SelectMany(o => o.Cluster.Nodes.Select(n => (n.Value.VmId, Owner: $"{o.Stack}'s node {n.Key}")))
            .DistinctBy(v => v.VmId)
            .ToDictionary(v => v.VmId, v => v.Owner);
        var (slots, slotProblems) = NodeLayout.Assign(
            nodes, input.Network, input.Vip, [input.Gateway, .. input.Nameservers], input.Pool, hosts, request.VmIdBase, vmIds);
        findings.AddRange(slotProblems);
        if (findings.Count > 0)
        {
            return (null, findings);
        }

        var clusterPath = $"{GitOpsRule.Root}/clusters/{name}";
        var (stackText, secrets) = StackFileText.Derive(request, input, source, slots, clusterPath, repository);
        var to = new EnvironmentNames(name, domain, input.Pool.First.ToString());
        var copy = GitOpsCopy.Of(source.Config, from, to, clusterPath, tree, repository);
        var created = new List<(string Path, string Content)> { (StackFile.NameFor(name), stackText) };
        created.AddRange(copy.Files);
        var (renovate, stage, renovateProblems) = StageJoin.Of(request, repository);
        findings.AddRange(renovateProblems);
        if (findings.Count > 0)
        {
            return (null, findings);
        }

        var files = created.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        if (renovate is { } change)
        {
            files[change.Path] = change.After;
        }

        var (blueprint, checks) = ProposedEnvironment.Load(request, new ProposedRepository(repository, files), others);
        if (blueprint is null)
        {
            return (null, checks);
        }

        var warnings = checks.ToList();
        if (request.Vlan is null && source.Config.Cluster.Network.Vlan is { } shared)
        {
            warnings.Add(FindingId.SharedVlan.At("--vlan", $"not given: {name} puts its subnet {input.Network} on {request.From}'s VLAN {shared}",
                "give --vlan N when the new network has a VLAN of its own (edit network.vlan in the stack file later otherwise)"));
        }

        return (new NewEnvironmentResult(created, renovate, stage, secrets, copy.LeftOut, blueprint, warnings), []);
    }

    private static string Why(string name) => name switch
    {
        "common" => "stacks/common/ holds the values every environment shares",
        "core" => "core is the platform's Argo CD project",
        _ => "default is Argo CD's built-in project",
    };

    /// <summary>The source's domain with its first label, when that is the source's name, replaced: dev.lab.internal → lab.lab.internal.</summary>
    private static string? DefaultDomain(EnvironmentNames source, string name) =>
        source.Domain is not { } domain ? null
            : domain.StartsWith($"{source.Name}.", StringComparison.Ordinal) ? $"{name}.{domain[(source.Name.Length + 1)..]}"
            : $"{name}.{domain}";
}
