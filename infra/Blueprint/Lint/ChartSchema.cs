using System.Text.Json;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Yaml;
using NJsonSchema;

namespace Bootstrap.Blueprint.Lint;

/// <summary>What one chart version accepts as values: its default values.yaml and, where the chart ships one, values.schema.json.</summary>
public sealed record ChartSchema(string Name, string Version, string AppVersion, JsonObject Defaults, JsonSchema? ValuesSchema)
{
    public const string ChartFile = "Chart.yaml";
    public const string ValuesFile = "values.yaml";
    public const string SchemaFile = "values.schema.json";

    public static ChartSchema Load(string folder, string name, string version)
    {
        var chart = ReadYamlMap(Path.Combine(folder, ChartFile));
        var appVersion = chart["appVersion"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";
        var defaults = ReadYamlMap(Path.Combine(folder, ValuesFile));
        var schemaFile = Path.Combine(folder, SchemaFile);
        var schema = File.Exists(schemaFile) ? SchemaDocument.Parse(SchemaText.Read(schemaFile), schemaFile) : null;
        return new ChartSchema(name, version, appVersion, defaults, schema);
    }

    private static JsonObject ReadYamlMap(string file)
    {
        try
        {
            return YamlReader.Parse(SchemaText.Read(file), file) switch
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
