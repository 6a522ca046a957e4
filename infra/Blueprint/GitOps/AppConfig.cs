using System.Text.Json.Nodes;
using System.Text.Json;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Blueprint.GitOps;

/// <summary>
/// A self-service app: <c>gitops/apps/apps-&lt;env&gt;/&lt;name&gt;/config.json</c>, read by the environment's ApplicationSet
/// (Git files generator). Its fields are the template's parameters.
/// </summary>
public sealed record AppConfig(string File, string Environment, string Folder, JsonObject Fields)
{
    public const string FileName = "config.json";
    public const string EnvironmentPrefix = "apps-";

    /// <summary>The project-defined schema every config.json must satisfy.</summary>
    public const string SchemaFile = "gitops/apps/config.schema.json";

    public string? Field(string name) => GitOpsObject.Text(Fields[name]);

    /// <summary>The values file the ApplicationSet passes to the chart.</summary>
    public string ValuesFile => ValuesFileFor(Environment, Field("name") ?? Folder);

    public static string ValuesFileFor(string environment, string name) => $"stacks/{environment}/apps/{name}-values.yaml";

    public static string PathFor(string environment, string name) => $"{GitOpsTree.Root}/apps/{EnvironmentPrefix}{environment}/{name}/{FileName}";

    public static AppConfig? Read(IRepository repository, string file, List<Diagnostic> findings)
    {
        var parts = file.Split('/');
        if (parts.Length != 5 || !parts[2].StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
        {
            findings.Add(FindingId.AppConfigFile.At(
                file,
                "is not at gitops/apps/apps-<env>/<name>/config.json",
                "move it there; the ApplicationSets only read that layout"));
            return null;
        }

        try
        {
            // Duplicate keys are refused here, not later when a field is read (System.Text.Json checks them lazily).
            if (JsonNode.Parse(repository.ReadFile(file) ?? "", documentOptions: new() { AllowDuplicateProperties = false }) is JsonObject fields)
            {
                return new AppConfig(file, parts[2][EnvironmentPrefix.Length..], parts[3], fields);
            }
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            findings.Add(FindingId.AppConfigFile.At(file, $"is not valid JSON ({e.Message})", "fix the JSON syntax"));
            return null;
        }

        findings.Add(FindingId.AppConfigFile.At(
            file,
            "is not a JSON object",
            "write {\"name\": ..., \"chart\": ..., \"repo\": ..., \"version\": ..., \"namespace\": ..., \"podSecurity\": ...}"));
        return null;
    }
}
