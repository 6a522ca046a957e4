using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.Lint;
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

        // The shared folder has Kubernetes 1.35 for the 1.36 clusters and Cilium 1.18's CRDs for 1.20: the only two kinds that may
        // stand in for a missing exact version, each a warning naming both versions. Nothing else is reported.
        Assert.Empty(findings.Where(f => !f.Problem.Contains("nearest older", StringComparison.Ordinal)).Select(f => f.ToString()));
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains(findings, f => f.Problem.Contains("is 1.36.3", StringComparison.Ordinal)
            && f.Problem.Contains("checked against Kubernetes 1.35", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Problem.Contains("pins cilium 1.20.0", StringComparison.Ordinal)
            && f.Problem.Contains("checked against cilium-crds-jsonschema v1.18.2", StringComparison.Ordinal));
    }
}
