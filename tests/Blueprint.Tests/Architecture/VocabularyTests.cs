using System.Reflection;
using System.Runtime.CompilerServices;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Tools.Verify;

namespace Bootstrap.Blueprint.Tests.Architecture;

/// <summary>
/// One word per concept (docs/architecture.md): a Check is an offline lint, a Probe reads a running cluster, and every Rule
/// has the one rule shape, <see cref="IRule{TInput}"/>. Read by reflection from the core, analyser and tools assemblies.
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
    public void Every_rule_has_the_one_rule_shape()
    {
        var rules = Types.Where(t => t.IsClass && IsRuleName(t.Name)).ToList();
        Assert.True(rules.Count >= 20, $"only {rules.Count} rules found: the filter no longer sees them");

        Assert.Empty(Misshapen(rules));
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
                $"{typeof(StaticRule).FullName}: implements no IRule<>",
                $"{typeof(TwoShapedRule).FullName}: public Extra returns findings outside IRule<>"],
            Misshapen([typeof(StaticRule), typeof(TwoShapedRule), typeof(GoodRule)]));
    }

    private static bool IsRuleName(string name) =>
        name.EndsWith("Rule", StringComparison.Ordinal) || name.EndsWith("Rules", StringComparison.Ordinal);

    private static List<string> MisnamedProbes(IEnumerable<Type> verify) =>
        verify.Where(t => t.Name.Contains("Check", StringComparison.Ordinal)).Select(t => t.Name).ToList();

    /// <summary>Rules that implement no <see cref="IRule{TInput}"/>, or offer findings through another public method.</summary>
    private static List<string> Misshapen(IEnumerable<Type> rules)
    {
        var problems = new List<string>();
        foreach (var rule in rules)
        {
            if (RuleInputs(rule).Count == 0)
            {
                problems.Add($"{rule.FullName}: implements no IRule<>");
                continue;
            }

            var others = rule.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => typeof(IEnumerable<Diagnostic>).IsAssignableFrom(m.ReturnType) && m.Name != nameof(IRule<object>.Findings));
            problems.AddRange(others.Select(m => $"{rule.FullName}: public {m.Name} returns findings outside IRule<>"));
        }

        return problems;
    }

    private static List<Type> RuleInputs(Type type) =>
        type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRule<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();

    private sealed class NodeCheck;

    private static class StaticRule
    {
        public static IEnumerable<Diagnostic> Check(string input) => [];
    }

    private sealed class TwoShapedRule : IRule<string>
    {
        public IEnumerable<Diagnostic> Findings(string input) => [];

        public static IReadOnlyList<Diagnostic> Extra(int input) => [];
    }

    private sealed class GoodRule : IRule<string>
    {
        public IEnumerable<Diagnostic> Findings(string input) => [];
    }
}
