using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.GitOps;

/// <summary>A Kubernetes object Pulumi owns, derived from the stack config.</summary>
public sealed record Manifest(string Name, JsonObject Body)
{
    public string Kind => (string)Body["kind"]!;

    public string ApiVersion => (string)Body["apiVersion"]!;

    public string Yaml => YamlWriter.Write(Body);
}
