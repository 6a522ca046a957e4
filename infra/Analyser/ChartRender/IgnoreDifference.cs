using System.Text.Json.Nodes;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.ChartRender;

/// <summary>One entry of an Application's <c>spec.ignoreDifferences</c>, matched as argo-cd util/argo/normalizers/diff_normalizer.go
/// does: group and kind as globs, name and namespace exactly when set; each JSON pointer removes that field and all below it,
/// each jq path expression runs as <c>del(expr)</c>.</summary>
public sealed record IgnoreDifference(
    string Group,
    string Kind,
    string Name,
    string Namespace,
    IReadOnlyList<string> JsonPointers,
    IReadOnlyList<JqPath> JqPaths,
    IReadOnlyList<string> UnsupportedJq)
{
    public static IReadOnlyList<IgnoreDifference> Of(JsonObject application) =>
        (application["spec"]?["ignoreDifferences"] as JsonArray ?? []).OfType<JsonObject>().Select(entry =>
        {
            var jq = Strings(entry["jqPathExpressions"]).Select(e => (Text: e, Path: JqPath.Parse(e))).ToList();
            return new IgnoreDifference(
                GitOpsObject.Text(entry["group"]) ?? "",
                GitOpsObject.Text(entry["kind"]) ?? "",
                GitOpsObject.Text(entry["name"]) ?? "",
                GitOpsObject.Text(entry["namespace"]) ?? "",
                Strings(entry["jsonPointers"]),
                jq.Where(j => j.Path is not null).Select(j => j.Path!).ToList(),
                jq.Where(j => j.Path is null).Select(j => j.Text).ToList());
        }).ToList();

    public bool Matches(ObjectId id) =>
        Glob.Matches(Group, id.Group) && Glob.Matches(Kind, id.Kind)
        && (Name.Length == 0 || Name == id.Name) && (Namespace.Length == 0 || Namespace == id.Namespace);

    /// <summary>True when this entry removes the field at <paramref name="path"/> of <paramref name="body"/> before Argo CD diffs.</summary>
    public bool Covers(IReadOnlyList<string> path, JsonObject body) =>
        JsonPointers.Any(p => IsPrefix(JsonDiff.Tokens(p), path)) || JqPaths.Any(j => j.Covers(path, body));

    private static bool IsPrefix(IReadOnlyList<string> prefix, IReadOnlyList<string> path) =>
        prefix.Count <= path.Count && prefix.Select((t, i) => t == path[i]).All(x => x);

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(GitOpsObject.Text).OfType<string>().ToList();
}
