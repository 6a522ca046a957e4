using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Config;

/// <summary>The CLI's way in: reads <c>Pulumi.&lt;stack&gt;.yaml</c> as Pulumi would, without decrypting anything.</summary>
public static class StackFile
{
    private static readonly string[] TopLevelKeys = ["config", "encryptionsalt", "secretsprovider", "encryptedkey", "environment"];

    public static string PathFor(string repoRoot, string stack) => Path.Combine(repoRoot, $"Pulumi.{stack}.yaml");

    /// <summary>Reads the config map of a stack file; problems with the file itself come back as diagnostics.</summary>
    public static (IReadOnlyDictionary<string, JsonNode?> Values, IReadOnlyList<Diagnostic> Diagnostics) Read(string repoRoot, string stack)
    {
        var path = PathFor(repoRoot, stack);
        var file = Path.GetFileName(path);
        var empty = new Dictionary<string, JsonNode?>();
        if (!File.Exists(path))
        {
            var known = Directory.GetFiles(repoRoot, "Pulumi.*.yaml")
                .Select(p => Path.GetFileName(p)["Pulumi.".Length..^".yaml".Length])
                .Order(StringComparer.Ordinal);
            return (empty, [Diagnostic.Error(file, $"stack '{stack}' has no stack file", $"known stacks: {string.Join(", ", known)}")]);
        }

        JsonNode? root;
        try
        {
            root = YamlReader.Parse(File.ReadAllText(path), file);
        }
        catch (YamlFormatException e)
        {
            return (empty, [Diagnostic.Error($"{file}:{e.Line}", e.Problem, "fix the YAML syntax")]);
        }

        if (root is not JsonObject top)
        {
            return (empty, [Diagnostic.Error(file, "is not a mapping", "a stack file starts with `config:`")]);
        }

        var findings = top
            .Where(p => !TopLevelKeys.Contains(p.Key))
            .Select(p => Diagnostic.Error($"{file}: {p.Key}", "is not a stack file key", $"valid keys: {string.Join(", ", TopLevelKeys)}"))
            .ToList();
        if (top["config"] is not JsonObject config)
        {
            findings.Add(Diagnostic.Error($"{file}: config", "is missing or not a mapping", "put every setting under `config:`"));
            return (empty, findings);
        }

        return (config.ToDictionary(p => p.Key, p => p.Value?.DeepClone()), findings);
    }
}
