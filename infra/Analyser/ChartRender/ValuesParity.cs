namespace Bootstrap.Analyser.ChartRender;

/// <summary>The handoff works only when Argo CD's first sync changes nothing Pulumi installed: Pulumi's render (the merged values as
/// one file, HelmRelease.ValuesYaml) and Argo CD's (the value files in order) must give the same objects. Left out: fields that differ
/// between two renders of the same inputs, and hooks (each side runs its own; they never count towards the sync status).</summary>
public static class ValuesParity
{
    private const int ShownPaths = 5;

    public static IReadOnlyList<RenderFinding> Check(
        IReadOnlyList<RenderedObject> argoCd,
        IReadOnlyList<RenderedObject> argoCdAgain,
        IReadOnlyList<RenderedObject> pulumi,
        string releaseNamespace)
    {
        var findings = new List<RenderFinding>();
        var byId = pulumi.Where(o => !o.IsHook).GroupBy(o => o.Id(releaseNamespace)).ToDictionary(g => g.Key, g => g.First());
        var again = argoCdAgain.GroupBy(o => o.Id(releaseNamespace)).ToDictionary(g => g.Key, g => g.First());
        foreach (var o in argoCd.Where(o => !o.IsHook))
        {
            var id = o.Id(releaseNamespace);
            if (!byId.Remove(id, out var installed))
            {
                findings.Add(new RenderFinding(
                    o,
                    "is rendered from Argo CD's value files but not from Pulumi's merged values: Argo CD's first sync would create it",
                    Fix));
                continue;
            }

            if (o.SameTextAs(installed))
            {
                continue;
            }

            var random = again.TryGetValue(id, out var other) ? JsonDiff.Changed(o.Body, other.Body).Select(JsonDiff.PathText).ToHashSet() : [];
            var differing = JsonDiff.Changed(o.Body, installed.Body).Select(JsonDiff.PathText).Where(p => !random.Contains(p)).ToList();
            if (differing.Count > 0)
            {
                findings.Add(new RenderFinding(
                    o,
                    "renders differently from Pulumi's merged values than from Argo CD's value files "
                    + $"at {string.Join(", ", differing.Take(ShownPaths))}"
                    + (differing.Count > ShownPaths ? $" and {differing.Count - ShownPaths} more" : "")
                    + ": Argo CD's first sync would change what Pulumi installed",
                    Fix));
            }
        }

        findings.AddRange(byId.Values.Select(o =>
            new RenderFinding(
                o, "is rendered from Pulumi's merged values but not from Argo CD's value files: Argo CD's first sync would prune it", Fix)));
        return findings;
    }

    private const string Fix =
        "make the value files merge to exactly what Pulumi passes (a key set to null or a list split across files merges differently in one file)";
}
