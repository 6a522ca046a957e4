using System.Text.Json.Nodes;
using System.Text.Json;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Analyser.Renovate;

/// <summary>One manager as renovate.json configures it: its name, the files it reads and how it extracts dependencies.</summary>
public sealed record ManagerScope(string Name, IReadOnlyList<string> FilePatterns, Func<string, string, IEnumerable<ExtractedDependency>> Extract);

/// <summary>What renovate.json makes Renovate read: the modelled managers (enabledManagers and "&lt;manager&gt;": {"enabled": false}
/// switch them off), the ignored paths and the rollout stages, as renovatebot/renovate lib/config reads them.</summary>
public sealed class RenovateSetup
{
    public const string File = "renovate.json";

    // ignorePaths' default; config:recommended's ":ignoreModulesAndTests" (lib/config/presets/internal/default.preset.ts)
    // replaces it with RecommendedIgnorePaths.
    private static readonly string[] DefaultIgnorePaths = ["**/node_modules/**", "**/bower_components/**"];

    private static readonly string[] RecommendedIgnorePaths =
    [
        "**/node_modules/**", "**/bower_components/**", "**/vendor/**", "**/examples/**",
        "**/__tests__/**", "**/test/**", "**/tests/**", "**/__fixtures__/**",
    ];

    private RenovateSetup(IReadOnlyList<ManagerScope> managers, IReadOnlyList<string> ignorePaths, IReadOnlyList<Stage> stages)
    {
        Managers = managers;
        IgnorePaths = ignorePaths;
        Stages = stages;
    }

    public IReadOnlyList<ManagerScope> Managers { get; }

    public IReadOnlyList<string> IgnorePaths { get; }

    public IReadOnlyList<Stage> Stages { get; }

    public static RenovateSetup? Read(IRepository repository, List<Diagnostic> findings)
    {
        JsonObject? config;
        try
        {
            config = JsonNode.Parse(repository.ReadFile(File) ?? "null") as JsonObject;
        }
        catch (JsonException e)
        {
            findings.Add(FindingId.RenovateConfig.At(File, $"is not valid JSON ({e.Message})", "fix the JSON syntax"));
            return null;
        }

        if (config is null)
        {
            findings.Add(FindingId.RenovateConfig.At(
                File, "does not exist or is not a JSON object", "restore it: it keeps every pinned version current"));
            return null;
        }

        var enabled = Strings(config["enabledManagers"]);
        bool On(string name, JsonObject? own) =>
            (enabled.Count == 0 || enabled.Contains(name) || (name == RegexExtractor.Manager && enabled.Contains("custom.regex")))
            && own?["enabled"]?.GetValueKind() != JsonValueKind.False;

        var managers = new List<ManagerScope>();
        foreach (var (name, defaults, extract) in new (string, IReadOnlyList<string>, Func<string, string, IEnumerable<ExtractedDependency>>)[]
                 {
                     (ArgoCdExtractor.Manager, [], ArgoCdExtractor.Extract),
                     (HelmValuesExtractor.Manager, HelmValuesExtractor.DefaultFilePatterns, HelmValuesExtractor.Extract),
                 })
        {
            var own = config[name] as JsonObject;
            if (On(name, own))
            {
                // managerFilePatterns is mergeable: renovate.json's list is added to the manager's default
                // (lib/config/options/index.ts, lib/config/utils.ts mergeChildConfig).
                managers.Add(new ManagerScope(name, [.. defaults, .. Strings(own?["managerFilePatterns"])], extract));
            }
        }

        var custom = (config["customManagers"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        for (var i = 0; i < custom.Count; i++)
        {
            var key = $"{File}: customManagers[{i}]";
            if (Text(custom[i]["customType"]) != "regex")
            {
                var type = Text(custom[i]["customType"]);
                findings.Add(FindingId.RenovateConfig.At(key, $"customType \"{type}\" is not modelled by lint", "use a regex custom manager"));
                continue;
            }

            var regex = new RegexExtractor(Text(custom[i]["description"]) ?? key, Strings(custom[i]["matchStrings"]), custom[i]);
            if (regex.Unmodelled is { } what)
            {
                findings.Add(FindingId.RenovateConfig.At(key, $"uses {what}, which lint does not model",
                    "use the \"any\" strategy and plain {{group}} templates"));
            }
            else if (On(RegexExtractor.Manager, custom[i]))
            {
                var name = $"{RegexExtractor.Manager} ({regex.Description})";
                managers.Add(new ManagerScope(name, Strings(custom[i]["managerFilePatterns"]), regex.Extract));
            }
        }

        var ignore = config["ignorePaths"] is JsonArray given ? Strings(given)
            : Strings(config["extends"]).Any(p => p is "config:recommended" or ":ignoreModulesAndTests") ? RecommendedIgnorePaths
            : DefaultIgnorePaths;
        return new RenovateSetup(managers, ignore, Stage.Read(config, findings));
    }

    /// <summary>What the modelled managers extract from <paramref name="files"/> (file-match.ts: ignorePaths first, then each pattern).</summary>
    public IReadOnlyList<ExtractedDependency> Extract(IRepository repository, IEnumerable<string> files)
    {
        var visible = files.Where(f => !IgnorePaths.Any(p => FilePattern.Ignores(p, f))).ToList();
        return Managers
            .SelectMany(m => visible.Where(f => m.FilePatterns.Any(p => FilePattern.Matches(p, f)))
                .SelectMany(f => m.Extract(f, repository.ReadFile(f) ?? "")))
            .ToList();
    }

    /// <summary>
    /// A string value, or null for anything else: a hand-edited renovate.json may hold any JSON type anywhere, and a cast
    /// of a number or a list to string would throw.
    /// </summary>
    internal static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    internal static IReadOnlyList<string> Strings(JsonNode? node) => node switch
    {
        JsonArray list => list.Select(n => Text(n)).OfType<string>().ToList(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };
}
