using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bootstrap.Blueprint.GitOps;

/// <summary>One Kubernetes object from a YAML file under gitops/ (or generated from an ApplicationSet).</summary>
public sealed record GitOpsObject(string File, int Document, JsonObject Body)
{
    public const string ArgoApiVersion = "argoproj.io/v1alpha1";
    public const string SyncWaveAnnotation = "argocd.argoproj.io/sync-wave";

    /// <summary>Names the Applications that must be synced (and healthy) before this one; checked against sync waves.</summary>
    public const string DependsOnAnnotation = "gitops.bootstrap/depends-on";

    public string Kind => Text(Body["kind"]) ?? "";

    public string Name => Text(At(Body, "metadata", "name")) ?? "";

    /// <summary>Where a finding points: the file, and which document when the file holds several.</summary>
    public string Where =>
        Document == 0 && !Multiple
            ? File
            : $"{File} (document {Document + 1}, {(Kind.Length > 0 ? Kind : "no kind")} {(Name.Length > 0 ? Name : "unnamed")})";

    /// <summary>Set for objects read from a file with several documents.</summary>
    public bool Multiple { get; init; }

    public bool Is(string kind) => Text(Body["apiVersion"]) == ArgoApiVersion && Kind == kind;

    public JsonObject Spec => Body["spec"] as JsonObject ?? [];

    public string? Annotation(string key) => Text(At(Body, "metadata", "annotations", key));

    public int SyncWave =>
        int.TryParse(Annotation(SyncWaveAnnotation), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var wave) ? wave : 0;

    public IReadOnlyList<string> DependsOn =>
        (Annotation(DependsOnAnnotation) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>An Application's sources, whether written as spec.source or spec.sources.</summary>
    public IReadOnlyList<JsonObject> Sources =>
        Spec["sources"] is JsonArray many ? many.OfType<JsonObject>().ToList() : Spec["source"] is JsonObject one ? [one] : [];

    /// <summary>The strings of a YAML list (other entries skipped); empty when the node is not a list.</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node) => (node as JsonArray ?? []).Select(Text).OfType<string>().ToList();

    /// <summary>The node at a path of mapping keys, or null where the file holds anything else (a list, a scalar) on the way.</summary>
    public static JsonNode? At(JsonNode? node, params string[] path) =>
        path.Aggregate(node, (current, key) => current is JsonObject map ? map[key] : null);

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
