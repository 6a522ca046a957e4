namespace Bootstrap.Blueprint.Tests.Lint;

/// <summary>
/// A fact that needs the upstream schema folder. Without it the test is skipped on a developer machine, but runs (and
/// fails, naming the folder) in CI or when BOOTSTRAP_SCHEMAS is set: there a skip would be reported as a pass.
/// </summary>
public sealed class SchemaFactAttribute : FactAttribute
{
    public SchemaFactAttribute() => Skip = UpstreamSchemas.SkipReason;
}

/// <summary>The theory form of <see cref="SchemaFactAttribute"/>.</summary>
public sealed class SchemaTheoryAttribute : TheoryAttribute
{
    public SchemaTheoryAttribute() => Skip = UpstreamSchemas.SkipReason;
}
