using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Tests.Support;

internal static class Findings
{
    /// <summary>Asserts exactly one error at <paramref name="key"/> whose text mentions every fragment.</summary>
    public static Diagnostic SingleError(IEnumerable<Diagnostic> findings, string key, params string[] fragments) =>
        Single(findings, Severity.Error, key, fragments);

    public static Diagnostic SingleWarning(IEnumerable<Diagnostic> findings, string key, params string[] fragments) =>
        Single(findings, Severity.Warning, key, fragments);

    public static void NoErrors(IEnumerable<Diagnostic> findings) =>
        Assert.True(findings.All(f => f.Severity != Severity.Error), string.Join("\n", findings));

    private static Diagnostic Single(IEnumerable<Diagnostic> findings, Severity severity, string key, string[] fragments)
    {
        var list = findings.ToList();
        var matching = list.Where(f => f.Severity == severity && f.Key == key).ToList();
        Assert.True(matching.Count == 1, $"expected one {severity} at {key}, got:\n{string.Join("\n", list)}");
        var text = matching[0].ToString();
        foreach (var fragment in fragments)
        {
            Assert.True(text.Contains(fragment, StringComparison.Ordinal), $"\"{fragment}\" not in: {text}");
        }

        return matching[0];
    }
}
