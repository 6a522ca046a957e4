using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Analyser.Lint;

/// <summary>
/// Each values file of each core app of the stack's cluster (the bootstrap releases and the rest) against the chart at
/// exactly the pinned version: the chart's values.schema.json where it has one, and unknown keys always (<see cref="ChartValueKeys"/>).
/// </summary>
public static class ValuesCheck
{
    public static IReadOnlyList<Diagnostic> Check(ClusterBlueprint blueprint, SchemaSet schemas, IRepository repository)
    {
        var (apps, appFindings) = CoreAppReader.ReadAll(repository, blueprint.Config.GitOps.Path);
        var findings = appFindings.ToList();
        foreach (var release in apps)
        {
            ChartSchema? chart;
            try
            {
                chart = schemas.Chart(release.Chart, release.Version);
            }
            catch (SchemaFileException e)
            {
                findings.Add(FindingId.SchemaFileBroken.At(
                    e.File, e.Problem, "restore the file from the upstream chart (see the schema folder's SOURCES.md)"));
                continue;
            }

            if (chart is null)
            {
                findings.Add(MissingChart(release, schemas));
                continue;
            }

            foreach (var file in release.ValueFiles)
            {
                findings.AddRange(CheckFile(file, chart, repository));
            }
        }

        return findings;
    }

    private static IEnumerable<Diagnostic> CheckFile(string file, ChartSchema chart, IRepository repository)
    {
        JsonObject values;
        try
        {
            values = YamlReader.Parse(repository.ReadFile(file) ?? "", file) as JsonObject ?? [];
        }
        catch (YamlFormatException e)
        {
            return [FindingId.Values.At($"{file}:{e.Line}", e.Problem, "fix the YAML syntax")];
        }

        // Helm validates the chart's defaults with the user's values merged over them, not the file alone: a key set to
        // null removes the default, and required keys come from values.yaml. The defaults pass on their own, so whatever
        // fails is the file's doing.
        var schemaViolations = chart.ValuesSchema is { } schema ? SchemaViolation.Find(schema, Coalesce(chart.Defaults, values)) : [];
        var rejected = schemaViolations.Select(v => v.Path).ToHashSet(StringComparer.Ordinal);
        var unknown = ChartValueKeys.Unknown(values, chart)
            .Select(u => u with
            {
                Problem = $"{u.Problem}{(rejected.Contains(u.Path) ? ", and its schema rejects it" : ", so Helm would ignore it silently")}",
            })
            .ToList();

        // An unknown key the schema rejects too is reported once, with the unknown-key hint.
        var reported = unknown.Select(u => u.Path).ToHashSet(StringComparer.Ordinal);
        return unknown
            .Concat(schemaViolations.Where(v => !reported.Contains(v.Path)))
            .OrderBy(v => v.Path, StringComparer.Ordinal)
            .Select(v => FindingId.Values.At($"{file}: {v.Where}", v.Problem, v.Fix));
    }

    private static Diagnostic MissingChart(CoreApp release, SchemaSet schemas)
    {
        var folder = schemas.ChartFolder(release.Chart, release.Version);
        var present = schemas.ChartRoots.Select(r => Path.Combine(r, release.Chart)).Where(Directory.Exists)
            .SelectMany(Directory.GetDirectories).Select(Path.GetFileName).OfType<string>()
            .Concat(schemas.Versions($"charts/{release.Chart}")).Distinct().Order(StringComparer.Ordinal).ToList();
        return FindingId.SchemaMissing.At(
            $"{release.File}: spec.sources[chart].targetRevision",
            $"pins chart {release.Chart} {release.Version}, but its package is in no chart folder: looked in {folder}"
            + schemas.WhyMissing($"charts/{release.Chart}/{release.Version}"),
            $"run lint where it can fetch the chart from {release.ChartRepoUrl}, or put its package into the mirror given with --charts "
            + $"(<chart>/<version>/<chart>-<version>.tgz), "
            + (present.Count > 0 ? $"or pin a version the folders have: {string.Join(", ", present)}"
                : $"which has no version of {release.Chart} at all"));
    }

    /// <summary>Helm's merge of user values over chart defaults: maps merge, a null removes the key, anything else replaces.</summary>
    private static JsonObject Coalesce(JsonObject defaults, JsonObject values)
    {
        var result = (JsonObject)defaults.DeepClone();
        Into(result, values);
        return result;

        static void Into(JsonObject target, JsonObject layer)
        {
            foreach (var (key, value) in layer)
            {
                if (value is null)
                {
                    target.Remove(key);
                }
                else if (value is JsonObject map && target[key] is JsonObject existing)
                {
                    Into(existing, map);
                }
                else
                {
                    var copy = value.DeepClone();
                    if (copy is JsonObject added)
                    {
                        var cleaned = new JsonObject();
                        Into(cleaned, added);
                        copy = cleaned;
                    }

                    target[key] = copy;
                }
            }
        }
    }
}
