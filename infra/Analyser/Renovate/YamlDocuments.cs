using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bootstrap.Analyser.Renovate;

/// <summary>YAML (or JSON, a YAML subset) read with node positions, so every dependency and pin has a line.</summary>
internal static class YamlDocuments
{
    /// <summary>Every document's root, or null when the text is not valid YAML (Renovate's parseYaml throws, the file yields nothing).</summary>
    public static IReadOnlyList<YamlNode>? Load(string text)
    {
        var stream = new YamlStream();
        try
        {
            // An alias bomb would make every walk below run for minutes: over the limits, the file yields nothing here
            // (lint reports it, YamlFilesRule).
            YamlLimits.Check(text, "renovate");
            stream.Load(new StringReader(text));
        }
        catch (Exception e) when (e is YamlException or YamlFormatException)
        {
            return null;
        }

        return stream.Documents.Select(d => d.RootNode).ToList();
    }

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: var k } && k == key).Value;

    /// <summary>
    /// The scalar as the JavaScript value Renovate sees (the yaml package, YAML 1.2 core schema): a plain 1.20 is the number 1.2,
    /// true a boolean, ~ null. Returns the string JavaScript's String() makes of it and whether it was a string at all.
    /// </summary>
    public static (string Text, bool IsString) JavaScriptValue(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return (text, true);
        }

        JsonNode? typed;
        try
        {
            typed = YamlReader.Parse(text, "scalar");
        }
        catch (YamlFormatException)
        {
            return (text, true);
        }

        return typed switch
        {
            null => ("null", false),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => (text, true),
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => (v.GetValue<bool>() ? "true" : "false", false),
            JsonValue v when v.TryGetValue<long>(out var integer) => (integer.ToString(CultureInfo.InvariantCulture), false),
            JsonValue v when v.TryGetValue<double>(out var real) => (real.ToString("R", CultureInfo.InvariantCulture), false),
            _ => (text, true),
        };
    }
}
