using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Analyser.Renovate;

/// <summary>A rollout stage: a packageRule that gives the bumps of some files their own branches (additionalBranchPrefix) and an age.
/// Renovate names a branch branchPrefix + additionalBranchPrefix + branchTopic and groups updates by that name (renovatebot/renovate
/// lib/workers/repository/updates/branchify.ts), so the same chart in a dev file and an ops file becomes two PRs.</summary>
public sealed partial record Stage(int Rule, string BranchPrefix, IReadOnlyList<string> MatchFileNames, TimeSpan MinimumReleaseAge)
{
    // Renovate applies packageRules per update with its packageFile (lib/workers/repository/updates/flatten.ts), matching
    // matchFileNames as a regex-or-glob list (lib/util/package-rules/files.ts).
    public bool Covers(string file) => FilePattern.MatchesList(MatchFileNames, file);

    public static IReadOnlyList<Stage> Read(JsonObject config, List<Diagnostic> findings)
    {
        var rules = (config["packageRules"] as JsonArray ?? []).ToList();
        var stages = new List<Stage>();
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not JsonObject rule || RenovateSetup.Text(rule["additionalBranchPrefix"]) is not { Length: > 0 } prefix)
            {
                continue;
            }

            var files = RenovateSetup.Strings(rule["matchFileNames"]);
            var ageText = RenovateSetup.Text(rule["minimumReleaseAge"]);
            // minimumReleaseAge counts from the release's timestamp at the registry, not from any merge
            // (lib/workers/repository/process/lookup/filter-checks.ts); with the default internalChecksFilter "strict", no branch
            // is created for a younger release (lib/workers/repository/update/branch/index.ts).
            var age = ageText is null ? TimeSpan.Zero : Duration(ageText);
            if (age is null)
            {
                findings.Add(FindingId.RenovateConfig.At($"{RenovateSetup.File}: packageRules[{i}].minimumReleaseAge",
                    $"\"{ageText}\" is not a duration Renovate reads", "write it like \"7 days\""));
                continue;
            }

            if (files.Count > 0)
            {
                stages.Add(new Stage(i, prefix, files, age.Value));
            }
        }

        return stages;
    }

    /// <summary>A duration as lib/util/pretty-time.ts toMs reads it ("7 days", "1 week", "2 months" of 30 days, summed), else null.</summary>
    public static TimeSpan? Duration(string text)
    {
        var parts = Part().Matches(text);
        if (parts.Count == 0 || Part().Replace(text, "").Trim().Length > 0)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Match part in parts)
        {
            var n = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
            var unit = part.Groups["unit"].Value;
            total += (unit == "M" ? "month" : unit.ToLowerInvariant()) switch
            {
                "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(n),
                "h" or "hr" or "hrs" or "hour" or "hours" => TimeSpan.FromHours(n),
                "d" or "day" or "days" => TimeSpan.FromDays(n),
                "w" or "week" or "weeks" => TimeSpan.FromDays(7 * n),
                "month" or "months" => TimeSpan.FromDays(30 * n),
                _ => TimeSpan.MinValue,
            };
            if (total < TimeSpan.Zero)
            {
                return null;
            }
        }

        return total;
    }

    [GeneratedRegex(@"\s*(?<n>\d+(\.\d+)?)\s*(?<unit>[A-Za-z]+)\s*")]
    private static partial Regex Part();
}
