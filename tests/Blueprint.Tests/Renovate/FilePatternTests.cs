using Bootstrap.Analyser.Renovate;

namespace Bootstrap.Blueprint.Tests.Renovate;

/// <summary>Renovate's regex-or-glob strings (lib/util/string-match.ts, lib/workers/repository/extract/file-match.ts).</summary>
public class FilePatternTests
{
    [Theory]
    [InlineData("/^gitops/.+\\.ya?ml$/", "gitops/clusters/dev/core/cilium.yaml", true)]
    [InlineData("/^gitops/.+\\.ya?ml$/", "stacks/dev/values/cilium.yaml", false)]
    [InlineData("/(^|/)values\\.ya?ml$/", "charts/app/values.yaml", true)]
    [InlineData("/(^|/)values\\.ya?ml$/", "stacks/dev/apps/nginx-values.yaml", false)]
    [InlineData("/PULUMI\\.dev\\.yaml$/i", "Pulumi.dev.yaml", true)]
    [InlineData("/PULUMI\\.dev\\.yaml$/", "Pulumi.dev.yaml", false)]
    [InlineData("!/^gitops//", "stacks/dev/apps/nginx-values.yaml", true)]
    [InlineData("*", "anything/at/all", true)]
    public void A_slash_delimited_string_is_a_regular_expression(string pattern, string path, bool matches) =>
        Assert.Equal(matches, FilePattern.Matches(pattern, path));

    [Theory]
    [InlineData("gitops/clusters/dev/**", "gitops/clusters/dev/core/cilium.yaml", true)]
    [InlineData("gitops/clusters/dev/**", "gitops/clusters/devtools/core/cilium.yaml", false)]
    [InlineData("stacks/*/apps/*-values.yaml", "stacks/ops/apps/nginx-values.yaml", true)]
    [InlineData("stacks/*/apps/*-values.yaml", "stacks/ops/apps/deep/nginx-values.yaml", false)]
    [InlineData("**/tests/**", "tests/Blueprint.Tests/x.yaml", true)]
    [InlineData("**/{j,t}sconfig.json", "web/tsconfig.json", true)]
    [InlineData("Pulumi.dev.yaml", "pulumi.DEV.yaml", true)]
    [InlineData("Pulumi.dev.yaml", "Pulumi.devx.yaml", false)]
    [InlineData("**/*.yaml", ".github/x.yaml", true)]
    [InlineData("Pulumi.?ps.yaml", "Pulumi.ops.yaml", true)]
    [InlineData("stacks/[do]*/**", "stacks/ops/values/a.yaml", true)]
    public void Anything_else_is_a_minimatch_glob_with_dot_and_nocase(string pattern, string path, bool matches) =>
        Assert.Equal(matches, FilePattern.Matches(pattern, path));

    [Fact]
    public void A_list_needs_one_positive_match_and_every_negation()
    {
        string[] patterns = ["gitops/**", "!gitops/apps/**"];

        Assert.True(FilePattern.MatchesList(patterns, "gitops/clusters/dev/root.yaml"));
        Assert.False(FilePattern.MatchesList(patterns, "gitops/apps/apps-dev/nginx/config.json"));
        Assert.False(FilePattern.MatchesList([], "gitops/clusters/dev/root.yaml"));
    }

    [Theory]
    [InlineData("**/tests/**", "tests/fixture/values.yaml", true)]
    [InlineData("**/TESTS/**", "tests/fixture/values.yaml", false)]
    [InlineData("fixture", "tests/fixture/values.yaml", true)]
    public void IgnorePaths_are_substrings_or_case_sensitive_globs(string ignorePath, string path, bool ignored) =>
        Assert.Equal(ignored, FilePattern.Ignores(ignorePath, path));
}
