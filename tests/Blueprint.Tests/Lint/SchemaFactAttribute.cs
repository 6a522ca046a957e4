namespace Bootstrap.Blueprint.Tests.Lint;

/// <summary>A fact that needs the upstream schema folder: reported as skipped, never as passed, where the folder is missing.</summary>
public sealed class SchemaFactAttribute : FactAttribute
{
    public SchemaFactAttribute()
    {
        if (!Directory.Exists(TestRepo.Schemas))
        {
            Skip = TestRepo.MissingSchemasReason;
        }
    }
}

/// <summary>The theory form of <see cref="SchemaFactAttribute"/>.</summary>
public sealed class SchemaTheoryAttribute : TheoryAttribute
{
    public SchemaTheoryAttribute()
    {
        if (!Directory.Exists(TestRepo.Schemas))
        {
            Skip = TestRepo.MissingSchemasReason;
        }
    }
}
