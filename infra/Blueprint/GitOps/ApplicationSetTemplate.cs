using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.GitOps;

/// <summary>
/// Renders the Application an ApplicationSet generates for one config.json. The templates here use only
/// <c>{{.field}}</c> (Go template with missingkey=error); anything else is refused, so this preview is exact.
/// </summary>
public static partial class ApplicationSetTemplate
{
    public static (JsonObject? Application, IReadOnlyList<Diagnostic> Diagnostics) Render(GitOpsObject appSet, AppConfig config)
    {
        var findings = new List<Diagnostic>();
        if (appSet.Spec["template"] is not JsonObject template)
        {
            return (null, [FindingId.ApplicationSetTemplate.At(
                $"{appSet.Where}: spec.template", "is missing", "give the ApplicationSet an Application template")]);
        }

        var rendered = Substitute(template, "spec.template", config, appSet, findings) as JsonObject ?? [];
        var metadata = rendered["metadata"] as JsonObject ?? [];
        metadata["namespace"] = appSet.Body["metadata"]?["namespace"]?.DeepClone();
        var application = new JsonObject
        {
            ["apiVersion"] = GitOpsObject.ArgoApiVersion,
            ["kind"] = "Application",
            ["metadata"] = metadata.DeepClone(),
            ["spec"] = rendered["spec"]?.DeepClone(),
        };
        return (findings.Count == 0 ? application : null, findings);
    }

    private static JsonNode? Substitute(JsonNode? node, string path, AppConfig config, GitOpsObject appSet, List<Diagnostic> findings) => node switch
    {
        JsonObject map =>
            new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, Substitute(p.Value, $"{path}.{p.Key}", config, appSet, findings)))),
        JsonArray list => new JsonArray(list.Select((item, i) => Substitute(item, $"{path}[{i}]", config, appSet, findings)).ToArray()),
        JsonValue value when value.GetValueKind() == JsonValueKind.String =>
            JsonValue.Create(Text(value.GetValue<string>(), path, config, appSet, findings)),
        _ => node?.DeepClone(),
    };

    private static string Text(string text, string path, AppConfig config, GitOpsObject appSet, List<Diagnostic> findings)
    {
        if (Unsupported().IsMatch(Placeholder().Replace(text, "")))
        {
            findings.Add(FindingId.ApplicationSetTemplate.At(
                $"{appSet.Where}: {path}",
                $"uses template syntax other than {{{{.field}}}}: {text}",
                "use only {{.field}} placeholders so lint can render and check every generated Application"));
            return text;
        }

        return Placeholder().Replace(text, match =>
        {
            var field = match.Groups[1].Value;
            var value = config.Field(field);
            if (value is null)
            {
                findings.Add(FindingId.ApplicationSetTemplate.At(
                    config.File,
                    $"has no string field \"{field}\", which {appSet.File} uses ({path}); Argo CD would fail to generate the app (missingkey=error)",
                    $"add \"{field}\" to {config.File}"));
                return match.Value;
            }

            return value;
        });
    }

    [GeneratedRegex(@"\{\{\s*\.([A-Za-z][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{\{|\}\}")]
    private static partial Regex Unsupported();
}
