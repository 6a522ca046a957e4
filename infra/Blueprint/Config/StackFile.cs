using System.Text.Json.Nodes;
using System.Text.Json;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Config;

/// <summary>The CLI's way in: reads <c>Pulumi.&lt;stack&gt;.yaml</c> as Pulumi would, without decrypting anything.</summary>
public static class StackFile
{
    private static readonly string[] TopLevelKeys = ["config", "encryptionsalt", "secretsprovider", "encryptedkey", "environment"];

    public static string NameFor(string stack) => $"Pulumi.{stack}.yaml";

    public static string PathFor(string repoRoot, string stack) => Path.Combine(repoRoot, NameFor(stack));

    /// <summary>The stacks of a repository: every <c>Pulumi.&lt;stack&gt;.yaml</c> whose stack part is a valid stack name.</summary>
    public static IReadOnlyList<string> Stacks(string repoRoot) =>
        Directory.GetFiles(repoRoot, "Pulumi.*.yaml")
            .Select(p => Path.GetFileName(p)["Pulumi.".Length..^".yaml".Length])
            .Where(StackName.IsValid)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Reads the config map of a stack file, each value as the Pulumi program receives it; problems with the file itself
    /// come back as diagnostics. The stack name must already be valid (<see cref="StackName"/>).
    /// </summary>
    public static (IReadOnlyDictionary<string, JsonNode?> Values, IReadOnlyList<Diagnostic> Diagnostics) Read(string repoRoot, string stack) =>
        Read(new RepoDirectory(repoRoot), stack);

    /// <summary>The stacks of a repository as <see cref="Stacks(string)"/> finds them, through <see cref="IRepository"/>.</summary>
    public static IReadOnlyList<string> Stacks(IRepository repository) =>
        repository.ListFiles("", "Pulumi.*.yaml")
            .Select(p => p["Pulumi.".Length..^".yaml".Length])
            .Where(StackName.IsValid)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Like <see cref="Read(string, string)"/>, from any <see cref="IRepository"/> (new-env checks a stack file
    /// before writing it).</summary>
    public static (IReadOnlyDictionary<string, JsonNode?> Values, IReadOnlyList<Diagnostic> Diagnostics) Read(IRepository repository, string stack)
    {
        var empty = new Dictionary<string, JsonNode?>();
        if (StackName.Problem(stack) is { } invalid)
        {
            return (empty, [FindingId.StackFile.At($"stack '{stack}'", invalid, StackName.Rule)]);
        }

        var file = NameFor(stack);
        string? text;
        try
        {
            text = repository.ReadFile(file);
        }
        catch (BlueprintException e)
        {
            return (empty, e.Diagnostics);
        }

        if (text is null)
        {
            return (empty, [FindingId.StackFile.At(
                file, $"stack '{stack}' has no stack file", $"known stacks: {string.Join(", ", Stacks(repository))}")]);
        }

        JsonNode? root;
        try
        {
            root = YamlReader.Parse(text, file);
        }
        catch (YamlFormatException e)
        {
            return (empty, [FindingId.StackFile.At(e.Location, e.Problem, "fix the YAML syntax")]);
        }

        if (root is not JsonObject top)
        {
            return (empty, [FindingId.StackFile.At(file, "is not a mapping", "a stack file starts with `config:`")]);
        }

        var findings = top
            .Where(p => !TopLevelKeys.Contains(p.Key))
            .Select(p => FindingId.StackFile.At($"{file}: {p.Key}", "is not a stack file key", $"valid keys: {string.Join(", ", TopLevelKeys)}"))
            .ToList();
        if (top["config"] is not JsonObject config)
        {
            findings.Add(FindingId.StackFile.At($"{file}: config", "is missing or not a mapping", "put every setting under `config:`"));
            return (empty, findings);
        }

        return (config.ToDictionary(p => p.Key, p => AsPulumiPasses(p.Value)), findings);
    }

    /// <summary>
    /// A value as the program receives it in PULUMI_CONFIG (pulumi/pulumi sdk/go/common/resource/config/object.go,
    /// MarshalString): mappings and lists as JSON, anything else as its text; read back the same way, plan and up agree.
    /// </summary>
    private static JsonNode? AsPulumiPasses(JsonNode? value) => value switch
    {
        JsonObject or JsonArray => value.DeepClone(),
        JsonValue scalar => PulumiConfig.Value(scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString()),
        _ => PulumiConfig.Value("null"),
    };
}
