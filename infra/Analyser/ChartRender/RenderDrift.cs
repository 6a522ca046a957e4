using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Analyser.ChartRender;

/// <summary>Output that changes between renders (generated certificates, random passwords) keeps an Application OutOfSync and
/// self-heal rewriting it forever (cilium/cilium#14550), so its ignoreDifferences must remove every changed field; an object whose
/// identity changes cannot be ignored at all. Hooks are left out: they never count towards the sync status.</summary>
public static class RenderDrift
{
    private const int ShownPaths = 5;

    public static (IReadOnlyList<RenderFinding> Findings, IReadOnlyList<Diagnostic> Notes) Check(
        IReadOnlyList<RenderedObject> first,
        IReadOnlyList<RenderedObject> second,
        string releaseNamespace,
        IReadOnlyList<IgnoreDifference> ignored,
        string applicationFile)
    {
        var findings = new List<RenderFinding>();
        var notes = new List<Diagnostic>();
        first = first.Where(o => !o.IsHook).ToList();
        second = second.Where(o => !o.IsHook).ToList();
        var again = second.GroupBy(o => o.Id(releaseNamespace)).ToDictionary(g => g.Key, g => g.First());
        var seen = first.Select(o => o.Id(releaseNamespace)).ToHashSet();
        foreach (var o in first)
        {
            var id = o.Id(releaseNamespace);
            if (!again.TryGetValue(id, out var other))
            {
                findings.Add(OnlyOnce(o));
                continue;
            }

            var changed = o.SameTextAs(other) ? [] : JsonDiff.Changed(o.Body, other.Body);
            if (changed.Count == 0)
            {
                continue;
            }

            var matching = ignored.Where(i => i.Matches(id)).ToList();
            foreach (var expression in matching.SelectMany(i => i.UnsupportedJq))
            {
                notes.Add(FindingId.IgnoreDifferencesJq.At(
                    $"{applicationFile}: spec.ignoreDifferences",
                    $"lint cannot evaluate the jq path expression {expression}; it assumed it covers every change of {id}",
                    "prefer jsonPointers, or a jq path made of .field, [], [n] and select(.field == \"value\")"));
            }

            if (matching.Any(i => i.UnsupportedJq.Count > 0))
            {
                continue;
            }

            var uncovered = changed.Where(path => !matching.Any(i => i.Covers(path, o.Body))).Select(JsonDiff.PathText).ToList();
            if (uncovered.Count > 0)
            {
                findings.Add(new RenderFinding(
                    o,
                    $"changes between two renders of the same inputs at {string.Join(", ", uncovered.Take(ShownPaths))}"
                    + (uncovered.Count > ShownPaths ? $" and {uncovered.Count - ShownPaths} more" : "")
                    + ", and the Application's ignoreDifferences does not cover it, so it stays OutOfSync",
                    $"add to spec.ignoreDifferences: {{group: \"{id.Group}\", kind: {id.Kind}, name: {id.Name}"
                    + (id.Namespace.Length > 0 ? $", namespace: {id.Namespace}" : "")
                    + $", jsonPointers: [{string.Join(", ", Suggested(uncovered))}]}}"));
            }
        }

        findings.AddRange(second.Where(o => !seen.Contains(o.Id(releaseNamespace))).Select(OnlyOnce));
        return (findings, notes);
    }

    private static RenderFinding OnlyOnce(RenderedObject o) => new(
        o,
        "appears in only one of two renders of the same inputs: its name changes on every render, so Argo CD would delete and re-create it "
        + "on every sync, and ignoreDifferences cannot cover that",
        "give it a fixed name in the values");

    /// <summary>The changed pointers, or their parents when many fields of one map change (all keys of a generated Secret).</summary>
    private static List<string> Suggested(List<string> pointers)
    {
        var parents = pointers.Select(p => p[..p.LastIndexOf('/')]).Distinct().ToList();
        return pointers.Count > parents.Count && parents.All(p => p.Length > 0) ? parents : pointers;
    }
}
