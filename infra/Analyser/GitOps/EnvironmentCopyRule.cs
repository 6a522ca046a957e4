using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Analyser.GitOps;

/// <summary>
/// Environments' cluster and platform folders are copies: a file two environments share is one rewritten for the other
/// (<see cref="EnvironmentCopy"/>) apart from pinned versions and include lists. A one-sided change would be lost on the next
/// new-env; settings that differ by design belong in stacks/&lt;env&gt;/.</summary>
public static class EnvironmentCopyRule
{
    /// <param name="stacks">The stacks whose environments are compared.</param>
    /// <param name="involving">Only compare this environment with the others (new-env checks its own copy).</param>
    public static IEnumerable<Diagnostic> Findings(IEnumerable<StackConfig> stacks, IRepository repository, string? involving = null)
    {
        var tree = GitOpsTree.Load(repository, []);
        var environments = stacks
            .Select(c => (Names: EnvironmentNames.Of(c, ClusterView.Of(c, tree, [])), c.GitOps.Path))
            .DistinctBy(e => e.Names.Name)
            .OrderBy(e => e.Names.Name, StringComparer.Ordinal)
            .ToList();
        var findings = new List<Diagnostic>();
        for (var i = 0; i < environments.Count; i++)
        {
            for (var j = i + 1; j < environments.Count; j++)
            {
                if (involving is not null && environments[i].Names.Name != involving && environments[j].Names.Name != involving)
                {
                    continue;
                }

                findings.AddRange(Compare(environments[i], environments[j], repository));
            }
        }

        return findings;
    }

    private static IEnumerable<Diagnostic> Compare(
        (EnvironmentNames Names, string Path) a, (EnvironmentNames Names, string Path) b, IRepository repository)
    {
        var theirs = EnvironmentCopy.Files(repository, b.Names.Name, b.Path).ToDictionary(f => f.Key, f => f.Path, StringComparer.Ordinal);
        foreach (var (key, path) in EnvironmentCopy.Files(repository, a.Names.Name, a.Path))
        {
            if (!theirs.TryGetValue(key, out var other) || repository.ReadFile(path) is not { } left || repository.ReadFile(other) is not { } right)
            {
                continue;
            }

            var expected = EnvironmentCopy.Rewrite(EnvironmentCopy.Masked(path, left), a.Names, b.Names).Split('\n');
            var actual = EnvironmentCopy.Masked(other, right).Split('\n');
            var reverse = EnvironmentCopy.Rewrite(EnvironmentCopy.Masked(other, right), b.Names, a.Names).Split('\n');
            if (expected.SequenceEqual(actual) || reverse.SequenceEqual(EnvironmentCopy.Masked(path, left).Split('\n')))
            {
                continue;
            }

            var line = Enumerable.Range(0, Math.Max(expected.Length, actual.Length))
                .First(n => n >= expected.Length || n >= actual.Length || expected[n] != actual[n]);
            yield return FindingId.EnvironmentCopy.At(
                $"{other}:{line + 1}",
                $"differs from {path} by more than the environment ({a.Names.Name} → {b.Names.Name}, its domain, Gateway address, pinned "
                + $"versions and include lists): this line reads \"{Line(actual, line)}\" where the copy of {path} reads \"{Line(expected, line)}\"",
                "make the same change in every environment's copy (new-env copies these files); settings that differ by design belong in "
                + $"stacks/{b.Names.Name}/values/");
        }
    }

    private static string Line(string[] lines, int index) =>
        index >= lines.Length || (index == lines.Length - 1 && lines[index].Length == 0) ? "(end of file)" : lines[index].Trim();
}
