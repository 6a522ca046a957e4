using Bootstrap.Analyser.Lint;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Lint;

/// <summary>The upstream schema folder next to the repository (../shared/schemas, or BOOTSTRAP_SCHEMAS), as the lint tests use it.</summary>
internal static class UpstreamSchemas
{
    /// <summary>The folder; where it is required (CI, BOOTSTRAP_SCHEMAS) but missing, every test using it fails saying so.</summary>
    public static string Folder => Directory.Exists(Repo.Schemas) || !Repo.Required("BOOTSTRAP_SCHEMAS")
        ? Repo.Schemas
        : throw new InvalidOperationException(
            $"the upstream schema folder {Repo.Schemas} does not exist, but CI=true or BOOTSTRAP_SCHEMAS is set, so the schema tests must run: "
            + "check out the schemas there or point BOOTSTRAP_SCHEMAS at them");

    /// <summary>Null where the schema tests run; the skip reason where the folder is missing on a developer machine.</summary>
    public static string? SkipReason => Repo.SkipReason(Repo.Schemas, "BOOTSTRAP_SCHEMAS", "upstream schemas");

    // Charts' values come from their packages (../shared/charts, as `lint --charts` reads them), the rest from the schema folder.
    private static readonly Lazy<SchemaSet> Shared = new(() => new SchemaSet([Folder], Directory.Exists(Repo.Charts) ? [Repo.Charts] : []));

    /// <summary>One schema set for all tests: each schema file is parsed once per test run.</summary>
    public static SchemaSet Set => Shared.Value;
}
