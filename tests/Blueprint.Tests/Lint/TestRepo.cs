using Bootstrap.Blueprint.Lint;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Lint;

/// <summary>The repository and the upstream schema folder next to it (../shared/schemas), as the lint tests use them.</summary>
internal static class TestRepo
{
    public static string Root => Repo.Root;

    /// <summary>The schema folder; where it is required (CI, BOOTSTRAP_SCHEMAS) but missing, every test using it fails saying so.</summary>
    public static string Schemas => Directory.Exists(Repo.Schemas) || !Repo.Required("BOOTSTRAP_SCHEMAS")
        ? Repo.Schemas
        : throw new InvalidOperationException(
            $"the upstream schema folder {Repo.Schemas} does not exist, but CI=true or BOOTSTRAP_SCHEMAS is set, so the schema tests must run: "
            + "check out the schemas there or point BOOTSTRAP_SCHEMAS at them");

    /// <summary>Null where the schema tests run; the skip reason where the folder is missing on a developer machine.</summary>
    public static string? SchemasSkipReason => Repo.SkipReason(Repo.Schemas, "BOOTSTRAP_SCHEMAS", "upstream schemas");

    private static readonly Lazy<SchemaSet> Shared = new(() => new SchemaSet(Schemas));

    /// <summary>One schema set for all tests: each schema file is parsed once per test run.</summary>
    public static SchemaSet SchemaSet => Shared.Value;

    public static RepoDirectory Repository => Repo.Directory;

    public static ClusterBlueprint Blueprint(string stack) => StackInput.Of(stack).Blueprint();

    /// <summary>The repository with some files replaced or added, everything else read from disk.</summary>
    public static IRepository With(IReadOnlyDictionary<string, string> files)
    {
        var overlay = new OverlayRepository(Repo.Directory);
        foreach (var (path, text) in files)
        {
            overlay.With(path, text);
        }

        return overlay;
    }

    public static string Read(string path) => File.ReadAllText(Path.Combine(Root, path));
}
