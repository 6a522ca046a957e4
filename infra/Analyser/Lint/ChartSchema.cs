using System.Text.Json;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Yaml;
using NJsonSchema;

namespace Bootstrap.Analyser.Lint;

/// <summary>What one chart version accepts as values: its default values.yaml and, where the chart ships one, values.schema.json.</summary>
public sealed record ChartSchema(string Name, string Version, string AppVersion, JsonObject Defaults, JsonSchema? ValuesSchema)
{
    public const string ChartFile = "Chart.yaml";
    public const string ValuesFile = "values.yaml";
    public const string SchemaFile = "values.schema.json";

    public static ChartSchema Load(string folder, string name, string version)
    {
        var schemaFile = Path.Combine(folder, SchemaFile);
        return From(
            folder,
            name,
            version,
            SchemaText.Read(Path.Combine(folder, ChartFile)),
            SchemaText.Read(Path.Combine(folder, ValuesFile)),
            File.Exists(schemaFile) ? SchemaText.Read(schemaFile) : null);
    }

    /// <summary>The chart's own files from its package (a .tgz or chart folder, <see cref="ChartPackage"/>), or null when it lacks
    /// Chart.yaml or values.yaml.</summary>
    /// <exception cref="SchemaFileException">The package or one of its files cannot be read.</exception>
    public static ChartSchema? FromPackage(string package, string name, string version)
    {
        var files = ChartPackage.Read(package, f => f is ChartFile or ValuesFile or SchemaFile);
        return files.TryGetValue(ChartFile, out var chart) && files.TryGetValue(ValuesFile, out var values)
            ? From(package, name, version, chart, values, files.GetValueOrDefault(SchemaFile))
            : null;
    }

    private static ChartSchema From(string where, string name, string version, string chartText, string valuesText, string? schemaText)
    {
        var chart = ReadYamlMap(chartText, Path.Combine(where, ChartFile));
        var appVersion = chart["appVersion"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";
        var defaults = ReadYamlMap(valuesText, Path.Combine(where, ValuesFile));
        var schema = schemaText is null ? null : SchemaDocument.Parse(schemaText, Path.Combine(where, SchemaFile));
        return new ChartSchema(name, version, appVersion, defaults, schema);
    }

    private static JsonObject ReadYamlMap(string text, string file)
    {
        try
        {
            return YamlReader.Parse(text, file) switch
            {
                null => [],
                JsonObject map => map,
                _ => throw new SchemaFileException(file, "is not a YAML mapping"),
            };
        }
        catch (YamlFormatException e)
        {
            throw new SchemaFileException(file, $"line {e.Line}: {e.Problem}");
        }
    }
}
