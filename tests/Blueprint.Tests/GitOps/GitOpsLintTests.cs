using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.GitOps;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.GitOps;

/// <summary>Every gitops lint rule holds on the repository and fails, with a clear message, on a fixture that breaks it.</summary>
public class GitOpsLintTests
{
    private const string DevApps = "gitops/appsets/apps-dev.yaml";
    private const string DevNginx = "gitops/apps/apps-dev/nginx/config.json";

    private static IReadOnlyList<Diagnostic> Lint(string stack, IRepository repository) =>
        GitOpsLint.Check(StackInput.Of(stack).Blueprint(repository), repository);

    private static IReadOnlyList<Diagnostic> LintDev(Func<RepoCopy, RepoCopy> change)
    {
        using var repository = new RepoCopy();
        return Lint("dev", change(repository));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public void The_repository_lints_clean(string stack)
    {
        Assert.Empty(Lint(stack, Repo.Directory));
    }

    [Fact]
    public void Config_json_must_match_its_schema()
    {
        var findings = LintDev(r => r.Edit(DevNginx, "\"podSecurity\": \"restricted\"", "\"podSecurity\": \"privileged\",\n  \"replicas\": 2"));

        Findings.SingleError(findings, $"{DevNginx}: podSecurity", "must be one of \"restricted\", \"baseline\"");
        Findings.SingleError(findings, $"{DevNginx}: replicas", "is not a field the schema knows");
    }

    [Fact]
    public void Config_json_name_must_be_its_folder()
    {
        Findings.SingleError(
            LintDev(r => r.Edit(DevNginx, "\"name\": \"nginx\"", "\"name\": \"web\"")), $"{DevNginx}: name", "is \"web\" in folder nginx");
    }

    [Fact]
    public void Config_json_needs_an_environment_with_an_applicationset()
    {
        var findings = LintDev(r => r
            .Write(
                "gitops/apps/apps-staging/web/config.json",
                Repo.Directory.ReadFile(DevNginx)!
                    .Replace("nginx", "web", StringComparison.Ordinal)
                    .Replace("dev-", "staging-", StringComparison.Ordinal))
            .Write("stacks/staging/apps/web-values.yaml", "{}\n"));

        Findings.SingleError(
            findings, "gitops/apps/apps-staging/web/config.json", "environment \"staging\" has no ApplicationSet", "dev, monitoring, ops");
    }

    [Theory]
    [InlineData("kube-system", "is a core namespace")]
    [InlineData("argocd", "is a core namespace")]
    [InlineData("ops-nginx", "is outside environment dev's namespaces")]
    public void Config_json_namespace_belongs_to_its_environment(string ns, string problem)
    {
        Findings.SingleError(
            LintDev(r => r.Edit(DevNginx, "\"namespace\": \"dev-nginx\"", $"\"namespace\": \"{ns}\"")), $"{DevNginx}: namespace", problem);
    }

    [Fact]
    public void Config_json_needs_its_values_file()
    {
        Findings.SingleError(
            LintDev(r => r.Delete("stacks/dev/apps/redis-values.yaml")),
            "gitops/apps/apps-dev/redis/config.json",
            "has no values file stacks/dev/apps/redis-values.yaml");
    }

    [Fact]
    public void An_application_needs_a_project_its_cluster_defines()
    {
        var findings = LintDev(r => r.Edit("gitops/clusters/dev/core/reloader.yaml", "project: core", "project: platform"));

        Findings.SingleError(
            findings, "gitops/clusters/dev/core/reloader.yaml: spec.project", "uses project \"platform\", which cluster dev does not define");
    }

    [Fact]
    public void Ops_projects_are_not_on_the_dev_cluster()
    {
        var findings = LintDev(r => r.Edit("gitops/clusters/dev/core/reloader.yaml", "project: core", "project: ops"));

        Findings.SingleError(findings, "gitops/clusters/dev/core/reloader.yaml: spec.project", "which cluster dev does not define", "core, dev");
    }

    [Fact]
    public void The_project_must_allow_the_chart_repository()
    {
        var findings = LintDev(r => r.Edit(DevNginx, "https://bjw-s-labs.github.io/helm-charts", "https://charts.example.com"));

        Findings.SingleError(findings, $"{DevNginx}: spec.sources", "pulls from https://charts.example.com, which project dev does not allow");
    }

    [Fact]
    public void The_project_must_allow_the_destination()
    {
        var findings = LintDev(r => r.Edit("gitops/projects/dev.yaml", "namespace: \"dev-*\"", "namespace: \"team-*\""));

        Findings.SingleError(
            findings, $"{DevNginx}: spec.destination", "deploys to namespace \"dev-nginx\", which project dev does not allow", "team-*");
    }

    [Fact]
    public void App_projects_get_no_cluster_scoped_resources_but_namespaces()
    {
        var findings = LintDev(r => r.Edit(
            "gitops/projects/dev.yaml",
            "    - group: \"\"\n      kind: Namespace\n",
            "    - group: \"\"\n      kind: Namespace\n    - group: rbac.authorization.k8s.io\n      kind: ClusterRole\n"));

        Findings.SingleError(findings, "gitops/projects/dev.yaml: spec.clusterResourceWhitelist", "rbac.authorization.k8s.io/ClusterRole");
    }

    [Fact]
    public void Projects_warn_about_orphaned_resources()
    {
        var findings = LintDev(r => r.Edit("gitops/projects/core.yaml", "  orphanedResources:\n    warn: true\n", ""));

        Findings.SingleError(findings, "gitops/projects/core.yaml: spec.orphanedResources.warn", "go unnoticed");
    }

    [Fact]
    public void Every_values_file_a_core_app_names_exists()
    {
        var findings = LintDev(r => r.Delete("stacks/dev/values/reloader.yaml"));

        Findings.SingleError(
            findings,
            "gitops/clusters/dev/core/reloader.yaml: spec.sources[].helm.valueFiles",
            "reads stacks/dev/values/reloader.yaml, which does not exist");
    }

    [Fact]
    public void A_dependency_syncs_in_an_earlier_wave()
    {
        var findings = LintDev(r => r.Edit("gitops/clusters/dev/core/trust-manager.yaml", "sync-wave: \"-30\"", "sync-wave: \"-40\""));

        Findings.SingleError(
            findings,
            "gitops/clusters/dev/core/trust-manager.yaml: metadata.annotations.argocd.argoproj.io/sync-wave",
            "wave -40 does not come after cert-manager's wave -40");
    }

    [Fact]
    public void A_dependency_must_exist_on_the_cluster()
    {
        var findings = LintDev(r => r.Edit("gitops/clusters/dev/core/reloader.yaml", "depends-on: cilium", "depends-on: cillium"));

        Findings.SingleError(
            findings,
            "gitops/clusters/dev/core/reloader.yaml: metadata.annotations.gitops.bootstrap/depends-on",
            "names cillium, which cluster dev does not run");
    }

    [Fact]
    public void Projects_sync_before_the_apps_that_use_them()
    {
        var findings = LintDev(r => r.Edit("gitops/clusters/dev/projects.yaml", "sync-wave: \"-100\"", "sync-wave: \"-45\""));

        Findings.SingleError(
            findings,
            "gitops/clusters/dev/core/cilium.yaml: metadata.annotations.argocd.argoproj.io/sync-wave",
            "cilium syncs in wave -50, not after its project core");
    }

    [Fact]
    public void The_root_application_in_git_is_the_one_pulumi_creates()
    {
        var drift = LintDev(r => r.Edit("gitops/clusters/dev/root.yaml", "recurse: true", "recurse: false"));
        var missing = LintDev(r => r.Delete("gitops/clusters/dev/root.yaml"));

        Findings.SingleError(drift, "gitops/clusters/dev/root.yaml", "differs from the root Application Pulumi creates");
        Findings.SingleError(missing, "gitops/clusters/dev/root.yaml", "does not exist");
    }

    [Fact]
    public void A_bootstrap_chart_belongs_to_one_application_only()
    {
        var copy = Repo.Directory.ReadFile("gitops/clusters/dev/core/cilium.yaml")!.Replace(
            "name: cilium\n", "name: cilium-copy\n", StringComparison.Ordinal);

        var findings = LintDev(r => r.Write("gitops/clusters/dev/extra/cilium-copy.yaml", copy));

        Findings.SingleError(findings, "gitops/clusters/dev/extra/cilium-copy.yaml", "also deploys chart cilium, which the bootstrap release cilium");
    }

    [Fact]
    public void A_bootstrap_release_argo_cd_does_not_run_is_drift()
    {
        var findings = LintDev(r => r.Edit(
            "gitops/clusters/dev/root.yaml",
            "    directory:\n      recurse: true\n",
            "    directory:\n      recurse: true\n      exclude: \"core/sealed-secrets.yaml\"\n"));

        Findings.SingleError(findings, "gitops/clusters/dev/core/sealed-secrets.yaml", "does not deploy an Application with these coordinates");
        Findings.SingleError(findings, "gitops/clusters/dev/root.yaml", "differs from the root Application Pulumi creates");
    }

    [Fact]
    public void Applicationsets_never_delete_running_apps()
    {
        var findings = LintDev(r => r
            .Edit(DevApps, "preserveResourcesOnDeletion: true", "preserveResourcesOnDeletion: false")
            .Edit(DevApps, "applicationsSync: create-update", "applicationsSync: sync"));

        Findings.SingleError(findings, $"{DevApps}: spec.syncPolicy.preserveResourcesOnDeletion", "would delete the workloads");
        Findings.SingleError(findings, $"{DevApps}: spec.syncPolicy.applicationsSync", "lets the ApplicationSet delete Applications");
    }

    [Fact]
    public void Core_apps_carry_no_deletion_finalizer()
    {
        var findings = LintDev(r => r.Edit(
            "gitops/clusters/dev/core/cert-manager.yaml",
            "  namespace: argocd\n  annotations:",
            "  namespace: argocd\n  finalizers:\n    - resources-finalizer.argocd.argoproj.io\n  annotations:"));

        Findings.SingleError(
            findings,
            "gitops/clusters/dev/core/cert-manager.yaml: metadata.finalizers",
            "deleting the Application would delete what the cluster runs on");
    }

    [Fact]
    public void Argo_cd_never_prunes_itself()
    {
        var findings = LintDev(r => r.Edit("gitops/clusters/dev/core/argocd.yaml", "prune: false", "prune: true"));

        Findings.SingleError(findings, "gitops/clusters/dev/core/argocd.yaml: spec.syncPolicy.automated.prune", "locks everyone out");
    }

    [Fact]
    public void Cilium_ignores_its_regenerated_certificates_when_Helm_generates_them()
    {
        var findings = LintDev(r => r.Edit("stacks/common/values/cilium.yaml", "method: cronJob", "method: helm"));

        Findings.SingleError(
            findings, "gitops/clusters/dev/core/cilium.yaml: spec.ignoreDifferences", "cilium-ca, hubble-server-certs, hubble-relay-client-certs");
    }

    [Fact]
    public void Cilium_ignoring_certificates_the_cronJob_method_never_renders_is_a_dead_entry()
    {
        var findings = LintDev(r => r.Edit(
            "gitops/clusters/dev/core/cilium.yaml",
            "  syncPolicy:\n",
            "  ignoreDifferences:\n    - kind: Secret\n      name: cilium-ca\n      jsonPointers: [/data]\n  syncPolicy:\n"));

        Findings.SingleWarning(
            findings,
            "gitops/clusters/dev/core/cilium.yaml: spec.ignoreDifferences",
            "the chart does not render with hubble.tls.auto.method cronJob");
    }

    [Fact]
    public void A_sync_option_on_a_managed_namespace_is_refused_because_Argo_CD_replaces_it()
    {
        var findings = LintDev(r => r.Edit(
            "gitops/clusters/dev/core/reloader.yaml",
            "    managedNamespaceMetadata:\n      labels:",
            "    managedNamespaceMetadata:\n      annotations:\n        argocd.argoproj.io/sync-options: Prune=false\n      labels:"));

        Findings.SingleError(
            findings,
            "gitops/clusters/dev/core/reloader.yaml: spec.syncPolicy.managedNamespaceMetadata.annotations",
            "sets argocd.argoproj.io/sync-options: Prune=false, which Argo CD replaces with ServerSideApply=true");
    }

    [Fact]
    public void App_namespaces_never_run_privileged()
    {
        var findings = LintDev(r => r.Edit(
            DevApps, "pod-security.kubernetes.io/enforce: \"{{.podSecurity}}\"", "pod-security.kubernetes.io/enforce: privileged"));

        Assert.Equal(
            3,
            findings.Count(f => f.Key == $"{DevApps}: spec.template.spec.syncPolicy.managedNamespaceMetadata"
                && f.Problem.Contains("would run privileged", StringComparison.Ordinal)));
    }

    [Fact]
    public void App_namespaces_carry_a_pod_security_level()
    {
        var findings = LintDev(r => r.Edit(DevApps, "            pod-security.kubernetes.io/enforce: \"{{.podSecurity}}\"\n", ""));

        Assert.Equal(
            3, findings.Count(f => f.Problem.Contains("without a valid pod-security.kubernetes.io/enforce label", StringComparison.Ordinal)));
    }
}
