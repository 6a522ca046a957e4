using Bootstrap.Analyser.ChartRender;

namespace Bootstrap.Blueprint.Tests.Lint.Render;

/// <summary>Small rendered-object fixtures, in the shape helm template prints them.</summary>
internal static class Rendered
{
    public static IReadOnlyList<RenderedObject> Parse(string yaml, string template = "chart/templates/fixture.yaml") =>
        new RenderedManifest().Parse(
            $"---\n# Source: {template}\n{yaml.Replace("\n---\n", $"\n---\n# Source: {template}\n", StringComparison.Ordinal)}", "fixture");

    public static RenderedObject One(string yaml) => Assert.Single(Parse(yaml));

    /// <summary>A Deployment in team-a whose pod spec is <paramref name="podSpec"/> (indented YAML under spec.template.spec).</summary>
    public static string Deployment(string podSpec, string name = "web", string ns = "team-a") => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          template:
            metadata:
              labels:
                app: {name}
            spec:
        {Indent(podSpec, 6)}
        """;

    public static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l));
}
