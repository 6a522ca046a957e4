using Bootstrap.Blueprint.Tests.Lint.Render;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Lint.Sync;

/// <summary>lint --render with the real helm and the real Cilium chart: the core project before the fix makes Argo CD refuse
/// every sync of cilium, and lint says so; after the fix nothing is refused.</summary>
public class SyncRenderTests : CliSession
{
    [HelmFact]
    public void Lint_reports_the_Cilium_refusal_on_the_old_core_project_and_nothing_after_the_fix()
    {
        var fixedExit = Run("lint", "dev", "--schemas", UpstreamSchemas.Folder, "--render", "--charts", Repo.Charts);
        var fixedOut = Out.ToString();
        var fixedErr = Err.ToString();
        ClearOutput();
        Repository.Edit("gitops/projects/core.yaml", "    - server: https://kubernetes.default.svc\n      namespace: cilium-secrets\n", "");

        var oldExit = Run("lint", "dev", "--schemas", UpstreamSchemas.Folder, "--render", "--charts", Repo.Charts);

        Assert.True(fixedExit == ExitCodes.Ok, $"{fixedOut}\n{fixedErr}");
        Assert.Contains("sync dev: 15 Applications checked against their AppProjects (6 charts rendered", fixedOut, StringComparison.Ordinal);
        Assert.Contains("), 0 refusal(s)", fixedOut, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Invalid, oldExit);
        var refusals = Err.ToString().Split('\n').Where(l => l.Contains("namespace cilium-secrets is not permitted in project 'core'",
            StringComparison.Ordinal)).ToList();
        Assert.Equal(8, refusals.Count); // Roles and RoleBindings for the Gateway API and TLS interception, agent and operator.
        Assert.Contains(refusals, l => l.StartsWith(
            "error BP074: gitops/clusters/dev/core/cilium.yaml: "
            + "Role cilium-secrets/cilium-gateway-secrets (cilium/templates/cilium-agent/role.yaml): "
            + "Argo CD refuses every sync of cilium",
            StringComparison.Ordinal));
        Assert.Contains("), 8 refusal(s)", Out.ToString(), StringComparison.Ordinal);
    }
}
