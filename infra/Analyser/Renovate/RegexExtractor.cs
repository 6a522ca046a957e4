using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bootstrap.Analyser.Renovate;

/// <summary>A customManagers entry of customType "regex" (renovatebot/renovate lib/modules/manager/custom/regex/*.ts): with strategy
/// "any", every match of every matchString is one dependency, each field from its "&lt;field&gt;Template" or the group of that name;
/// one without depName/packageName, currentValue/currentDigest or datasource is dropped. Other strategies and template helpers are
/// not modelled (<see cref="Unmodelled"/> says so).</summary>
public sealed partial class RegexExtractor(string description, IReadOnlyList<string> matchStrings, JsonObject config)
{
    public const string Manager = "regex";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public string Description { get; } = description;

    /// <summary>Why this entry cannot be modelled, or null when it can.</summary>
    public string? Unmodelled =>
        RenovateSetup.Text(config["matchStringsStrategy"]) is { } strategy && strategy != "any"
            ? $"matchStringsStrategy \"{strategy}\""
            : config.Where(p => p.Key.EndsWith("Template", StringComparison.Ordinal)
                    && (RenovateSetup.Text(p.Value) ?? "").Contains("{{#", StringComparison.Ordinal))
                .Select(p => $"the Handlebars helper in {p.Key}").FirstOrDefault();

    public IEnumerable<ExtractedDependency> Extract(string file, string content)
    {
        foreach (var matchString in matchStrings)
        {
            foreach (Match match in new Regex(matchString, RegexOptions.None, Timeout).Matches(content))
            {
                string? Field(string name)
                {
                    if (RenovateSetup.Text(config[$"{name}Template"]) is { } template)
                    {
                        return Render(template, match, file);
                    }

                    var group = match.Groups[name];
                    return group.Success && group.Value.Length > 0 ? group.Value : null;
                }

                var depName = Field("depName") ?? Field("packageName");
                var currentValue = Field("currentValue");
                var datasource = Field("datasource");
                if (string.IsNullOrWhiteSpace(depName) || string.IsNullOrWhiteSpace(currentValue ?? Field("currentDigest"))
                    || string.IsNullOrWhiteSpace(datasource))
                {
                    continue;
                }

                var at = match.Groups["currentValue"].Success ? match.Groups["currentValue"].Index : match.Index;
                yield return new ExtractedDependency(Manager, file, LineAt(content, at), depName, currentValue, datasource);
            }
        }
    }

    // Handlebars over the match's groups, packageFile and packageFileDir (custom/utils.ts); only {{name}} and {{{name}}} are modelled.
    private static string Render(string template, Match match, string file) =>
        Substitution().Replace(template, s => s.Groups["name"].Value switch
        {
            "packageFile" => Path.GetFileName(file),
            "packageFileDir" => Path.GetDirectoryName(file) is { Length: > 0 } dir ? dir.Replace('\\', '/') : ".",
            var name => match.Groups[name].Success ? match.Groups[name].Value : "",
        });

    internal static int LineAt(string content, int index) => 1 + content.AsSpan(0, index).Count('\n');

    [GeneratedRegex(@"\{\{\{?\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}?\}\}")]
    private static partial Regex Substitution();
}
