using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.GitOps;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Analyser.Renovate;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Tools.Environments;

/// <summary>
/// The new environment as plan and lint will see it once written: its blueprint (validation errors named by flag), the gitops
/// rules, the copy rule against every other environment, and Renovate's staging.
/// </summary>
internal static class ProposedEnvironment
{
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

    /// <summary>Null and the errors, or the blueprint and the warnings.</summary>
    public static (ClusterBlueprint? Blueprint, IReadOnlyList<Diagnostic> Findings) Load(
        NewEnvironmentRequest request, IRepository proposed, IReadOnlyList<StackConfig> others)
    {
        var name = request.Name;
        var (blueprint, problems) = RepositoryStacks.Load(name, proposed);
        if (blueprint is null)
        {
            return (null, problems.Select(ByFlag).ToList());
        }

        var lint = GitOpsLint.Check(blueprint, proposed)
            .Concat(EnvironmentCopyRule.Findings([.. others.Where(o => o.Stack != name), blueprint.Config], proposed, involving: name))
            .ToList();
        if (lint.Any(f => f.Severity == Severity.Error))
        {
            return (null, [
                FindingId.NewEnvInput.At(
                    $"--from {request.From}", $"its copy for {name} does not lint", $"fix {request.From} first: lint {request.From}"),
                .. lint]);
        }

        var staging = RenovateCoverage.Check(proposed).Findings.Where(f => f.Key.Contains($"/{name}/", StringComparison.Ordinal)
            || f.Key.StartsWith(StackFile.NameFor(name), StringComparison.Ordinal) || f.Key.Contains($"apps-{name}/", StringComparison.Ordinal));
        return (blueprint, problems.Where(p => p.Severity == Severity.Warning).Select(ByFlag).Concat(lint).Concat(staging).Distinct().ToList());
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
