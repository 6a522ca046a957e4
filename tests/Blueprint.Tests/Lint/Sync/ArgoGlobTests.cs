using Bootstrap.Analyser.SyncCheck;

namespace Bootstrap.Blueprint.Tests.Lint.Sync;

/// <summary>
/// The pattern languages of an AppProject as Argo CD v3.4.4 matches them: gobwas/glob (util/glob/glob.go) with '/' as the
/// separator for source repositories and none for destinations; Go's path/filepath.Match for group/kind lists.
/// </summary>
public class ArgoGlobTests
{
    [Theory]
    [InlineData("https://github.com/example/*", "https://github.com/example/k8s-talos", '/', true)]
    [InlineData("https://github.com/*", "https://github.com/example/k8s-talos", '/', false)]
    [InlineData("https://github.com/**", "https://github.com/example/k8s-talos", '/', true)]
    [InlineData("https://{github,gitlab}.com/example/k8s-talos", "https://gitlab.com/example/k8s-talos", '/', true)]
    [InlineData("dev-*", "dev-redis", null, true)]
    [InlineData("dev-*", "ops-redis", null, false)]
    [InlineData("https://*", "https://kubernetes.default.svc/x", null, true)]
    [InlineData("ops-[a-m]*", "ops-nginx", null, false)]
    [InlineData("ops-[!a-m]*", "ops-nginx", null, true)]
    [InlineData("dev-{", "dev-{", null, false)]
    public void Gobwas_globs_match_as_Argo_CD_matches_sources_and_destinations(string pattern, string text, char? separator, bool matches) =>
        Assert.Equal(matches, ArgoGlob.Gobwas(pattern, text, separator));

    [Theory]
    [InlineData("*", "ClusterRole", true)]
    [InlineData("Cluster*", "ClusterRoleBinding", true)]
    [InlineData("Role", "RoleBinding", false)]
    [InlineData("rbac.authorization.k8s.io", "rbac.authorization.k8s.io", true)]
    [InlineData("[^C]*", "ClusterRole", false)]
    [InlineData("[", "[", false)]
    public void Kind_lists_use_Go_filepath_Match(string pattern, string text, bool matches) =>
        Assert.Equal(matches, ArgoGlob.FilePath(pattern, text));
}
