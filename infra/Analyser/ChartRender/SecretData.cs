using System.Text.Json.Nodes;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.ChartRender;

/// <summary>Secrets never come from Git in plain text (only as Pulumi secrets or SealedSecrets): a rendered Secret whose data is equal
/// on two renders comes from the chart and values files. One whose data changes is generated at render time, which is allowed
/// when the Application ignores it (<see cref="RenderDrift"/> checks that).</summary>
public static class SecretData
{
    private static readonly string[] DataFields = ["data", "stringData"];

    public static IReadOnlyList<RenderFinding> Check(
        IReadOnlyList<RenderedObject> first, IReadOnlyList<RenderedObject> second, string releaseNamespace)
    {
        var again = second.GroupBy(o => o.Id(releaseNamespace)).ToDictionary(g => g.Key, g => g.First());
        var findings = new List<RenderFinding>();
        foreach (var secret in first.Where(o => o.Kind is { Group: "", Kind: "Secret" }))
        {
            again.TryGetValue(secret.Id(releaseNamespace), out var other);
            var literal = DataFields
                .SelectMany(field => (secret.Body[field] as JsonObject ?? []).Where(p => GitOpsObject.Text(p.Value) is { Length: > 0 })
                    .Where(p => JsonNode.DeepEquals(p.Value, other?.Body[field]?[p.Key]))
                    .Select(p => $"{field}.{p.Key}"))
                .ToList();
            if (literal.Count > 0)
            {
                findings.Add(new RenderFinding(
                    secret,
                    $"renders {string.Join(", ", literal)} the same on every render, "
                    + "so the secret comes from the chart and the values in Git, in plain text",
                    "keep secrets out of values files: let the chart use an existing Secret (Pulumi creates it from a stack "
                    + "secret) or commit a SealedSecret"));
            }
        }

        return findings;
    }
}
