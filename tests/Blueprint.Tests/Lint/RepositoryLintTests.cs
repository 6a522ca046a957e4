using Bootstrap.Blueprint.Lint;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Lint;

public class RepositoryLintTests
{
    [SchemaTheory]
    [InlineData("dev")]
    [InlineData("ops")]
    public void The_repository_stacks_pass_every_upstream_schema_check(string stack)
    {
        var findings = SchemaLint.Check(StackInput.Of(stack).Blueprint(), UpstreamSchemas.Set, Repo.Directory);

        Assert.Empty(findings.Select(f => f.ToString()));
    }
}
