using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Blueprint.Lint;

/// <summary>
/// The upstream-schema checks behind <c>lint --schemas DIR</c>: Talos patches, Helm values files and Argo CD objects, each
/// against the schema of the exact version the blueprint pins. Findings come in a fixed order: Talos, values, manifests.
/// </summary>
public static class SchemaLint
{
    public static IReadOnlyList<Diagnostic> Check(ClusterBlueprint blueprint, SchemaSet schemas, IRepository repository) =>
    [
        .. TalosPatchCheck.Check(blueprint, schemas),
        .. ValuesCheck.Check(blueprint, schemas, repository),
        .. ManifestCheck.Check(blueprint, schemas, repository),
    ];
}
