using System.Diagnostics;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Tests.Yaml;

/// <summary>The stack file's limits, applied to YAML read by other means (Renovate's extraction, lint's file check).</summary>
public sealed class YamlLimitsTests
{
    /// <summary>Nine levels of nine aliases: 9^9 nodes once expanded, a few hundred bytes written.</summary>
    public static string Bomb()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 10; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]");
        }

        return string.Join('\n', lines) + "\n";
    }

    [Fact]
    public void An_alias_bomb_is_measured_in_linear_time_and_refused()
    {
        var clock = Stopwatch.StartNew();

        var limit = YamlLimits.Exceeded(Bomb(), "values.yaml");

        Assert.NotNull(limit);
        Assert.Contains("more than 250,000 nodes once its aliases are expanded", limit.Problem, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Depth_reached_through_aliases_counts()
    {
        var nested = "a: &a " + new string('[', 40) + new string(']', 40) + "\nb: [[[[[[[[[[[[[[[[[[[[[[[[[[[[*a]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n";

        Assert.Contains("nests deeper than 64", YamlLimits.Exceeded(nested, "f.yaml")?.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: &a {x: 1}\nb: *a\nc: [*a, *a]\n")]
    [InlineData("key: [unclosed\n")]
    [InlineData("")]
    public void Ordinary_aliases_and_syntax_errors_are_no_limit(string yaml) => Assert.Null(YamlLimits.Exceeded(yaml, "f.yaml"));
}
