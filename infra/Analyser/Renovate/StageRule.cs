using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Diagnostics;
using Semver;

namespace Bootstrap.Analyser.Renovate;

/// <summary>
/// The dev → ops rollout as lint checks it: pins outside every stage are a warning; a later stage ahead of an earlier one is an
/// error. minimumReleaseAge counts from the upstream release, so this order check is what keeps ops's PR behind dev's merge.
/// </summary>
public static partial class StageRule
{
    /// <param name="stages">The rollout stages renovate.json declares.</param>
    /// <param name="seen">Every pin with the dependency a manager extracts for it.</param>
    public static IEnumerable<Diagnostic> Findings(IReadOnlyList<Stage> stages, IEnumerable<(PinnedVersion Pin, ExtractedDependency Dependency)> seen)
    {
        var staged = new List<(PinnedVersion Pin, ExtractedDependency Dependency, Stage Stage)>();
        foreach (var (pin, dependency) in seen)
        {
            // The last matching packageRule wins (rules apply in order).
            var stage = stages.LastOrDefault(s => s.Covers(pin.File));
            var environment = Environment().Match(pin.File);
            if (stage is not null)
            {
                staged.Add((pin, dependency, stage));
            }
            else if (environment.Success)
            {
                // A warning, not an error: a new environment (new-env) lints clean before renovate.json names it.
                var name = environment.Groups["env"].Value;
                yield return FindingId.StageUncovered.At(pin.Where,
                    $"{pin.What} {pin.Version} belongs to environment {name}, but no rollout stage covers it: Renovate would bump it without staging",
                    $"add {name}'s files to the matchFileNames of a stage (a packageRule with additionalBranchPrefix) in {RenovateSetup.File}");
            }
            else
            {
                yield return FindingId.SharedPin.At(pin.Where,
                    $"{pin.What} {pin.Version} is shared by every environment: Renovate bumps it everywhere at once, not dev first",
                    "pin it per environment (gitops/clusters/<env>/, gitops/platform/<component>/<env>/, stacks/<env>/) to stage it");
            }
        }

        foreach (var later in staged)
        {
            var finding = staged
                .Where(e => e.Stage.MinimumReleaseAge < later.Stage.MinimumReleaseAge
                    && (e.Dependency.DepName, e.Dependency.Datasource) == (later.Dependency.DepName, later.Dependency.Datasource))
                .GroupBy(e => e.Stage)
                .OrderBy(g => g.Key.MinimumReleaseAge)
                .Select(g => Behind(later.Pin, g.Select(e => e.Pin).ToList()) is { } pin ? (Stage: g.Key, Pin: pin) : default)
                .FirstOrDefault(f => f.Pin is not null);
            if (finding is ({ } stage, { } e))
            {
                yield return FindingId.StageOrder.At(later.Pin.Where,
                    $"{Name(later.Stage)} pins {later.Pin.What} at {later.Pin.Version}, ahead of {Name(stage)} ({e.Version} at {e.Where}): "
                    + $"a version reaches {Name(later.Stage)} only after {Name(stage)} ran it",
                    $"merge {Name(stage)}'s bump first (Renovate's {stage.BranchPrefix} branch), or change both in one commit");
            }
        }
    }

    /// <summary>
    /// The earlier stage's pin <paramref name="later"/> runs ahead of: the one in the same place when it is older, else,
    /// when no pin of that stage has reached the version, the newest of them (another app on an older chart holds nothing back).
    /// </summary>
    private static PinnedVersion? Behind(PinnedVersion later, IReadOnlyList<PinnedVersion> earlier)
    {
        var place = Place(later);
        if (earlier.FirstOrDefault(e => Place(e) == place && Newer(later.Version, e.Version)) is { } same)
        {
            return same;
        }

        return earlier.Any(e => Parse(e.Version) is { } v && Parse(later.Version) is { } l && v.ComparePrecedenceTo(l) >= 0)
            ? null
            : earlier.Where(e => Newer(later.Version, e.Version)).MaxBy(e => Parse(e.Version)!, SemVersion.PrecedenceComparer);
    }

    /// <summary>Where a pin is with its environment left out: gitops/clusters/*/core/cilium.yaml#spec.source.targetRevision.</summary>
    private static string Place(PinnedVersion pin)
    {
        var environment = Environment().Match(pin.File).Groups["env"];
        var file = environment.Success ? pin.File.Remove(environment.Index, environment.Length).Insert(environment.Index, "*") : pin.File;
        return $"{file}#{pin.Key}";
    }

    private static string Name(Stage stage) => stage.BranchPrefix.Trim('/', '-');

    private static bool Newer(string version, string than) =>
        Parse(version) is { } a && Parse(than) is { } b && a.ComparePrecedenceTo(b) > 0;

    private static SemVersion? Parse(string text) =>
        SemVersion.TryParse(text.TrimStart('v'), SemVersionStyles.Any, out var version) ? version : null;

    [GeneratedRegex(
        @"^(gitops/clusters/(?<env>[^/]+)/|gitops/platform/[^/]+/(?<env>[^/]+)/|gitops/apps/apps-(?<env>[^/]+)/"
        + @"|stacks/(?!common/)(?<env>[^/]+)/|Pulumi\.(?<env>[^.]+)\.yaml$)")]
    private static partial Regex Environment();
}
