using Bootstrap.Blueprint.Lint;

namespace Bootstrap.Blueprint.Tests.Lint;

public class RepositoryLintTests
{
    [SchemaTheory]
    [InlineData("dev")]
    [InlineData("ops")]
    public void The_repository_stacks_pass_every_upstream_schema_check(string stack)
    {
        var findings = SchemaLint.Check(TestRepo.Blueprint(stack), TestRepo.SchemaSet, TestRepo.Repository);

        Assert.Empty(findings.Select(f => f.ToString()));
    }
}
