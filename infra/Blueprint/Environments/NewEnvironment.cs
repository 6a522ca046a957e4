using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.GitOps.Rules;
using Bootstrap.Blueprint.Network;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Renovate;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Validation;

namespace Bootstrap.Blueprint.Environments;

/// <summary>
/// What <c>new-env</c> is asked for: the new environment's name, the environment it copies, and what it may not share with any
/// other: its network and addresses (the Gateway's is the pool's first), its VM ids, its domain. The rest (versions, sizes,
/// roles, charts, values) is the source's.
/// </summary>
public sealed record NewEnvironmentRequest(
    string Name,
    string From,
    string Cidr,
    string Gateway,
    string Vip,
    string Pool,
    IReadOnlyList<string>? Hosts = null,
    int? VmIdBase = null,
    string? Domain = null,
    string? Bridge = null,
    int? Vlan = null,
    IReadOnlyList<string>? Nameservers = null,
    string? Stage = null);

/// <summary>What new-env writes: new files only, and renovate.json with the environment added to a rollout stage.</summary>
public sealed record NewEnvironmentResult(
    IReadOnlyList<(string Path, string Content)> Created,
    (string Path, string Before, string After)? Renovate,
    string? StageJoined,
    IReadOnlyList<string> Secrets,
    IReadOnlyList<string> LeftOut,
    ClusterBlueprint Blueprint,
    IReadOnlyList<Diagnostic> Warnings);

/// <summary>
/// A third environment in one command: the files of a complete environment, derived from an existing one and checked with the
/// rules of plan and lint (on the repository as it will be) before the CLI writes anything, so plan and lint pass right after.
/// </summary>
public static class NewEnvironment
{
    /// <summary>Names taken by something else: stacks/common/ (shared values), the core and default Argo CD projects.</summary>
    private static readonly string[] Reserved = ["common", "core", "default"];

    /// <summary>Config keys of the new stack file and the new-env flag that decides each.</summary>
    private static readonly (string Key, string Flag)[] Flags =
    [
        ("bootstrap:cluster.network.cidr", "--cidr"),
        ("bootstrap:cluster.network.gateway", "--gateway"),
        ("bootstrap:cluster.network.vip", "--vip"),
        ("bootstrap:cluster.network.loadBalancerPool", "--pool"),
        ("bootstrap:cluster.network.nameservers", "--nameservers"),
        ("bootstrap:cluster.network.bridge", "--bridge"),
        ("bootstrap:cluster.network.vlan", "--vlan"),
        ("bootstrap:cluster.name", "<name>"),
    ];

    public static (NewEnvironmentResult? Result, IReadOnlyList<Diagnostic> Diagnostics) Plan(NewEnvironmentRequest request, IRepository repository)
    {
        var name = request.Name;
        if (!NameRule.IsDnsLabel(name) || Reserved.Contains(name))
        {
            return (null, [Diagnostic.Error($"<name> \"{name}\"", Reserved.Contains(name) ? $"is reserved ({Why(name)})" : "is not a DNS-1123 label",
                "use lowercase letters, digits and '-', at most 63 characters, e.g. lab or staging")]);
        }

        var stacks = StackFile.Stacks(repository);
        if (StackName.Problem(request.From) is not null || !stacks.Contains(request.From))
        {
            return (null, [Diagnostic.Error(
                $"--from {request.From}",
                "is not a stack of this repository",
                $"copy one of: {string.Join(", ", stacks)}")]);
        }

        var taken = Existing(name, repository);
        if (taken.Count > 0)
        {
            return (null, taken);
        }

        var (source, sourceProblems) = LoadStack(request.From, repository);
        if (source is null)
        {
            return (null, [Diagnostic.Error($"--from {request.From}", "does not plan", $"fix it first: plan {request.From}"), .. sourceProblems]);
        }

        var findings = new List<Diagnostic>();
        var input = NetworkInput.Parse(request, findings);
        if (input is null)
        {
            return (null, findings);
        }

        var tree = GitOpsTree.Load(repository, []);
        var others = stacks.Select(s => Bind(s, repository)).OfType<StackConfig>().ToList();
        findings.AddRange(Clashes(input, others));
        var from = EnvironmentNames.Of(source.Config, ClusterView.Of(source.Config, tree, []));
        var domain = request.Domain ?? DefaultDomain(from, name);
        findings.AddRange(DomainProblems(domain, request, others, tree));

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
        var (renovate, stage, renovateProblems) = Stage(request, repository);
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

        var (blueprint, checks) = Check(request, new ProposedRepository(repository, files), others);
        if (blueprint is null)
        {
            return (null, checks);
        }

        var warnings = checks.ToList();
        if (request.Vlan is null && source.Config.Cluster.Network.Vlan is { } shared)
        {
            warnings.Add(Diagnostic.Warning("--vlan", $"not given: {name} puts its subnet {input.Network} on {request.From}'s VLAN {shared}",
                "give --vlan N when the new network has a VLAN of its own (edit network.vlan in the stack file later otherwise)"));
        }

        return (new NewEnvironmentResult(created, renovate, stage, secrets, copy.LeftOut, blueprint, warnings), []);
    }

    /// <summary>
    /// The new environment as plan and lint will see it once written: its blueprint (validation errors named by flag), the gitops
    /// rules, the copy rule against every other environment, and Renovate's staging. Null and the errors, or the warnings.
    /// </summary>
    private static (ClusterBlueprint? Blueprint, IReadOnlyList<Diagnostic> Findings) Check(
        NewEnvironmentRequest request, IRepository proposed, IReadOnlyList<StackConfig> others)
    {
        var name = request.Name;
        var (blueprint, problems) = LoadStack(name, proposed);
        if (blueprint is null)
        {
            return (null, problems.Select(ByFlag).ToList());
        }

        var lint = GitOpsLint.Check(blueprint, proposed)
            .Concat(new EnvironmentCopyRule().Findings(new EnvironmentCopies(
                [.. others.Where(o => o.Stack != name), blueprint.Config], proposed, Involving: name)))
            .ToList();
        if (lint.Any(f => f.Severity == Severity.Error))
        {
            return (null, [
                Diagnostic.Error($"--from {request.From}", $"its copy for {name} does not lint", $"fix {request.From} first: lint {request.From}"),
                .. lint]);
        }

        var staging = RenovateCoverage.Check(proposed).Findings.Where(f => f.Key.Contains($"/{name}/", StringComparison.Ordinal)
            || f.Key.StartsWith(StackFile.NameFor(name), StringComparison.Ordinal) || f.Key.Contains($"apps-{name}/", StringComparison.Ordinal));
        return (blueprint, problems.Where(p => p.Severity == Severity.Warning).Select(ByFlag).Concat(lint).Concat(staging).Distinct().ToList());
    }

    /// <summary>A domain is needed, and one no other environment's Gateway serves.</summary>
    private static IEnumerable<Diagnostic> DomainProblems(
        string? domain, NewEnvironmentRequest request, IReadOnlyList<StackConfig> others, GitOpsTree tree)
    {
        if (domain is null)
        {
            return [Diagnostic.Error(
                "--domain",
                $"is needed: {request.From} serves no *.<domain> on its Gateway to derive one from",
                "give --domain, e.g. lab.example.internal")];
        }

        return others.Where(o => o.Stack != request.Name && EnvironmentNames.Of(o, ClusterView.Of(o, tree, [])).Domain == domain)
            .Select(o => Diagnostic.Error(
                $"--domain {domain}",
                $"is {o.Stack}'s domain already",
                $"give {request.Name} a domain of its own, e.g. {request.Name}.{domain}"));
    }

    /// <summary>What happens after the files are written, as new-env prints it.</summary>
    public static string NextSteps(NewEnvironmentResult result)
    {
        var name = result.Blueprint.Config.Stack;
        var secrets = string.Join("\n", result.Secrets.Select(k => $"     pulumi config set --secret -s {name} {k} '<value>'"));
        var dns = string.Join(", ", result.Blueprint.Platform.Gateway.DnsRecords.Select(r => r.ToString()));
        var left = result.LeftOut.Count == 0 ? ""
            : $"\nNot copied (the new cluster runs only environment {name}; add to its include lists what it should also run):\n"
              + string.Concat(result.LeftOut.Select(l => $"  {l}\n"));
        return $"""
            Next:
              1. Check: dotnet run --project infra/Cli -- plan {name}   and   dotnet run --project infra/Cli -- lint --schemas ../shared/schemas
              2. Secrets (never in the file): pulumi stack init {name}, then
            {secrets}
              3. DNS: {(dns.Length == 0 ? "none yet" : dns)} (plan {name} prints every record).
              4. Commit, open a pull request; after the merge: pulumi up -s {name}, then verify --stack {name}.
            {left}
            """;
    }

    private static string Why(string name) => name switch
    {
        "common" => "stacks/common/ holds the values every environment shares",
        "core" => "core is the platform's Argo CD project",
        _ => "default is Argo CD's built-in project",
    };

    /// <summary>Every file or folder the new environment would own that exists already.</summary>
    private static List<Diagnostic> Existing(string name, IRepository repository)
    {
        var paths = new[] { StackFile.NameFor(name), $"gitops/appsets/apps-{name}.yaml", $"gitops/projects/{name}.yaml" }.Where(repository.FileExists)
            .Concat(new[] { $"gitops/clusters/{name}", $"gitops/apps/apps-{name}", $"stacks/{name}" }.Where(repository.DirectoryExists))
            .Concat(repository.ListFilesBelow(EnvironmentCopy.Platform, "*").Where(p => p.Split('/') is { Length: > 4 } parts && parts[3] == name)
                .Select(p => string.Join('/', p.Split('/').Take(4))))
            .Distinct();
        return paths.Select(p => Diagnostic.Error(p, "already exists", $"environment {name} exists (or a file in its place): pick another name"))
            .ToList();
    }

    private static (ClusterBlueprint? Blueprint, IReadOnlyList<Diagnostic> Problems) LoadStack(string stack, IRepository repository)
    {
        var (values, fileFindings) = StackFile.Read(repository, stack);
        if (fileFindings.Any(f => f.Severity == Severity.Error))
        {
            return (null, fileFindings);
        }

        try
        {
            var blueprint = Planner.Load(stack, values, repository);
            return (blueprint, [.. fileFindings, .. blueprint.Warnings]);
        }
        catch (BlueprintException e)
        {
            return (null, [.. fileFindings, .. e.Diagnostics]);
        }
    }

    private static StackConfig? Bind(string stack, IRepository repository)
    {
        var (values, findings) = StackFile.Read(repository, stack);
        return findings.Any(f => f.Severity == Severity.Error) ? null : ConfigBinder.Bind(stack, values).Config;
    }

    /// <summary>A network the new environment would share with a stack: the runner reaches both, so their addresses must not overlap.</summary>
    private static IEnumerable<Diagnostic> Clashes(NetworkInput input, IReadOnlyList<StackConfig> others)
    {
        foreach (var other in others)
        {
            if (Ipv4.TryParseNetwork(other.Cluster.Network.Cidr, out var theirs) && theirs.Overlap(input.Network))
            {
                yield return Diagnostic.Error(
                    $"--cidr {input.Network}",
                    $"overlaps {other.Stack}'s network {theirs} ({StackFile.NameFor(other.Stack)}): the addresses, "
                    + "VIP and Gateway of the two would collide",
                    "give the environment a network of its own (its own VLAN and subnet)");
            }
        }
    }

    /// <summary>The source's domain with its first label, when that is the source's name, replaced: dev.lab.internal → lab.lab.internal.</summary>
    private static string? DefaultDomain(EnvironmentNames source, string name) =>
        source.Domain is not { } domain ? null
            : domain.StartsWith($"{source.Name}.", StringComparison.Ordinal) ? $"{name}.{domain[(source.Name.Length + 1)..]}"
            : $"{name}.{domain}";

    /// <summary>renovate.json with the new environment in a rollout stage: the one of --stage &lt;env&gt;, else the first.</summary>
    private static ((string Path, string Before, string After)? Change, string? Stage, IReadOnlyList<Diagnostic> Problems) Stage(
        NewEnvironmentRequest request, IRepository repository)
    {
        var findings = new List<Diagnostic>();
        var text = repository.ReadFile(RenovateSetup.File);
        if (text is null || RenovateSetup.Read(repository, findings) is not { } setup || findings.Any(f => f.Severity == Severity.Error))
        {
            return (null, null, request.Stage is null
                ? []
                : [Diagnostic.Error($"--stage {request.Stage}", $"{RenovateSetup.File} is missing or invalid", "restore it, or leave --stage out")]);
        }

        var stage = request.Stage is { } env ? setup.Stages.LastOrDefault(s => s.Covers(StackFile.NameFor(env))) : StageEdit.First(setup.Stages);
        if (stage is null)
        {
            var covered = StackFile.Stacks(repository).Where(s => setup.Stages.Any(st => st.Covers(StackFile.NameFor(s))));
            return (null, null, request.Stage is null
                ? []
                : [Diagnostic.Error(
                    $"--stage {request.Stage}",
                    "is an environment no rollout stage covers",
                    $"join the stage of one of: {string.Join(", ", covered)}")]);
        }

        var names = StageEdit.FilesOf(request.Name).Where(n => !stage.MatchFileNames.Contains(n)).ToList();
        var joined = stage.BranchPrefix.Trim('/', '-');
        return names.Count == 0 ? (null, joined, []) : ((RenovateSetup.File, text, StageEdit.AddFileNames(text, stage.Rule, names)), joined, []);
    }

    /// <summary>A finding about the new stack file, named by the flag that decided the value (the key stays in brackets).</summary>
    private static Diagnostic ByFlag(Diagnostic finding)
    {
        var flag = Flags.FirstOrDefault(f => finding.Key == f.Key || finding.Key.StartsWith($"{f.Key}[", StringComparison.Ordinal)).Flag
            ?? (finding.Key.StartsWith("bootstrap:cluster.nodes.", StringComparison.Ordinal)
                && finding.Key.EndsWith(".vmId", StringComparison.Ordinal) ? "--vm-id-base"
            : finding.Key.StartsWith("bootstrap:cluster.nodes.", StringComparison.Ordinal)
                && finding.Key.EndsWith(".host", StringComparison.Ordinal) ? "--hosts"
            : finding.Key.StartsWith("bootstrap:cluster.nodes.", StringComparison.Ordinal)
                && finding.Key.EndsWith(".ip", StringComparison.Ordinal) ? "--vip"
            : null);
        return flag is null ? finding : finding with { Key = $"{flag} ({finding.Key})" };
    }
}
