using System.Reflection;
using System.Runtime.CompilerServices;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Tools.Verify;

namespace Bootstrap.Blueprint.Tests.Architecture;

/// <summary>
/// One word per concept (docs/architecture.md): a Check is an offline lint, a Probe reads a running cluster, and a Rule has
/// one of two shapes: <see cref="IRule{TInput}"/> over an input several rules share, or a static judgement with ordinary
/// parameters. Read by reflection from the core, analyser and tools assemblies.
/// </summary>
public class VocabularyTests
{
    private const string VerifyNamespace = "Bootstrap.Tools.Verify";

    private static readonly IReadOnlyList<Type> Types = new[] { typeof(IRule<>), typeof(Analyser.Lint.SchemaDocument), typeof(ProbeResult) }
        .SelectMany(t => t.Assembly.GetTypes())
        .Where(t => t.Namespace?.StartsWith("Bootstrap.", StringComparison.Ordinal) == true)
        .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && !t.Name.Contains('<', StringComparison.Ordinal))
        .ToList();

    [Fact]
    public void Verify_names_its_live_reads_probes_never_checks()
    {
        var verify = Types.Where(t => t.Namespace == VerifyNamespace).ToList();
        Assert.Contains(verify, t => t.Name == "ProbeResult");

        Assert.Empty(MisnamedProbes(verify));
    }

    [Fact]
    public void Only_verify_has_probes()
    {
        var probes = Types.Where(t => t.Name.EndsWith("Probe", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(probes);

        Assert.Empty(probes.Where(t => t.Namespace != VerifyNamespace).Select(t => t.FullName));
    }

    [Fact]
    public void Every_rule_has_a_rule_shape()
    {
        var rules = Types.Where(t => t.IsClass && IsRuleName(t.Name)).ToList();
        Assert.True(rules.Count >= 20, $"only {rules.Count} rules found: the filter no longer sees them");

        Assert.Empty(Misshapen(rules));
    }

    /// <summary>An input kind only one rule judges is a bundle of arguments: that rule is a static method instead.</summary>
    [Fact]
    public void Every_rule_input_is_shared_by_several_rules()
    {
        var implementers = Types.Where(t => t.IsClass && RuleInputs(t).Count > 0).ToList();
        Assert.True(implementers.Count >= 20, $"only {implementers.Count} IRule implementations found: the filter no longer sees them");

        Assert.Empty(Unshared(implementers));
    }

    [Fact]
    public void Whatever_has_the_rule_shape_is_named_a_rule()
    {
        var implementers = Types.Where(t => t.IsClass && RuleInputs(t).Count > 0).ToList();
        Assert.NotEmpty(implementers);

        Assert.Empty(implementers.Where(t => !IsRuleName(t.Name)).Select(t => t.FullName));
    }

    /// <summary>The checks themselves must be able to fail: a misnamed probe and misshapen rules are caught.</summary>
    [Fact]
    public void The_checks_catch_a_misnamed_probe_and_misshapen_rules()
    {
        Assert.Equal([nameof(NodeCheck)], MisnamedProbes([typeof(NodeCheck), typeof(ProbeResult)]));
        Assert.Equal(
            [
                $"{typeof(InstanceRule).FullName}: neither implements IRule<> nor is a static class of findings",
                $"{typeof(TwoShapedRule).FullName}: public Extra returns findings outside IRule<>"],
            Misshapen([typeof(InstanceRule), typeof(TwoShapedRule), typeof(GoodRule), typeof(StaticRule), typeof(OtherGoodRule)]));
        Assert.Equal(
            [$"{typeof(string).FullName}: only {typeof(TwoShapedRule).FullName} takes it"],
            Unshared([typeof(TwoShapedRule), typeof(GoodRule), typeof(OtherGoodRule)]));
    }

    private static bool IsRuleName(string name) =>
        name.EndsWith("Rule", StringComparison.Ordinal) || name.EndsWith("Rules", StringComparison.Ordinal);

    private static List<string> MisnamedProbes(IEnumerable<Type> verify) =>
        verify.Where(t => t.Name.Contains("Check", StringComparison.Ordinal)).Select(t => t.Name).ToList();

    /// <summary>
    /// Rules that neither implement <see cref="IRule{TInput}"/> nor are a static class offering findings, or that offer
    /// findings through a second instance method. A static method beside an <see cref="IRule{TInput}"/> is a one-off
    /// judgement the rule also runs for one caller (new-app's one app).
    /// </summary>
    private static List<string> Misshapen(IEnumerable<Type> rules)
    {
        var problems = new List<string>();
        foreach (var rule in rules)
        {
            var isStatic = rule.IsAbstract && rule.IsSealed;
            var judgements = rule.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(ReturnsFindings);
            if (RuleInputs(rule).Count == 0)
            {
                if (!isStatic || !judgements.Any())
                {
                    problems.Add($"{rule.FullName}: neither implements IRule<> nor is a static class of findings");
                }

                continue;
            }

            var others = rule.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => ReturnsFindings(m) && m.Name != nameof(IRule<object>.Findings));
            problems.AddRange(others.Select(m => $"{rule.FullName}: public {m.Name} returns findings outside IRule<>"));
        }

        return problems;
    }

    /// <summary>Input kinds only one rule implements <see cref="IRule{TInput}"/> for.</summary>
    private static List<string> Unshared(IEnumerable<Type> implementers) =>
        implementers
            .SelectMany(t => RuleInputs(t).Select(input => (Input: input, Rule: t)))
            .GroupBy(p => p.Input)
            .Where(g => g.Count() < 2)
            .Select(g => $"{g.Key.FullName}: only {g.Single().Rule.FullName} takes it")
            .ToList();

    private static bool ReturnsFindings(MethodInfo method) => typeof(IEnumerable<Diagnostic>).IsAssignableFrom(method.ReturnType);

    private static List<Type> RuleInputs(Type type) =>
        type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRule<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();

    private sealed class NodeCheck;

    private sealed class InstanceRule
    {
        private IEnumerable<Diagnostic> Found { get; } = [];

        public IEnumerable<Diagnostic> Check(string input) => Found;
    }

    private static class StaticRule
    {
        public static IEnumerable<Diagnostic> Findings(int nodes, string host) => [];
    }

    private sealed class TwoShapedRule : IRule<string>
    {
        private IReadOnlyList<Diagnostic> Found { get; } = [];

        public IEnumerable<Diagnostic> Findings(string input) => [];

        public IReadOnlyList<Diagnostic> Extra(int input) => Found;
    }

    private sealed class GoodRule : IRule<int>
    {
        public IEnumerable<Diagnostic> Findings(int input) => [];
    }

    private sealed class OtherGoodRule : IRule<int>
    {
        public IEnumerable<Diagnostic> Findings(int input) => [];

        public static IEnumerable<Diagnostic> ForOne(int input, string where) => [];
    }
}
