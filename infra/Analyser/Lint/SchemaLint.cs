using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Analyser.Lint;

/// <summary>
/// The upstream-schema checks behind <c>lint --schemas DIR</c>: Talos patches, Helm values files and every Kubernetes object,
/// each against the schema of the exact version the blueprint pins. Findings come in a fixed order: Talos, values, manifests.
/// </summary>
public static class SchemaLint
{
    public static IReadOnlyList<Diagnostic> Check(ClusterBlueprint blueprint, SchemaSet schemas, IRepository repository) =>
        Run(blueprint, schemas, repository).Findings;

    public static (IReadOnlyList<Diagnostic> Findings, SchemaCoverage Coverage) Run(
        ClusterBlueprint blueprint, SchemaSet schemas, IRepository repository)
    {
        var (manifestFindings, coverage) = ManifestCheck.Run(blueprint, schemas, repository);
        return (
            [.. TalosPatchCheck.Check(blueprint, schemas), .. ValuesCheck.Check(blueprint, schemas, repository), .. coverage.StandIns,
                .. manifestFindings],
            coverage);
    }
}
