using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.GitOps;

public class ClusterViewTests
{
    private static ClusterView View(string stack)
    {
        var findings = new List<Diagnostic>();
        var blueprint = StackInput.Of(stack).Blueprint();
        var tree = GitOpsTree.Load(Repo.Directory, findings);
        var root = tree.Objects.Single(o => o.File == $"gitops/clusters/{stack}/root.yaml");
        var view = ClusterView.Follow(root, blueprint.Config.GitOps.RepoUrl, tree, findings);
        Assert.Empty(findings);
        return view;
    }

    [Fact]
    public void Dev_runs_the_core_apps_its_projects_and_apps_dev()
    {
        var names = View("dev").Applications.Select(a => a.Name).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["appsets", "argocd", "cert-manager", "cilium", "dev-guestbook", "dev-nginx", "dev-redis", "gateway", "gateway-api", "platform-pki",
                "projects", "reloader", "root", "sealed-secrets", "trust-manager"],
            names);
        Assert.Equal(["core", "dev"], View("dev").Projects.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ops_runs_apps_ops_and_monitoring()
    {
        var view = View("ops");

        Assert.Contains("ops-nginx", view.Applications.Select(a => a.Name));
        Assert.Contains("monitoring-kube-prometheus-stack", view.Applications.Select(a => a.Name));
        Assert.DoesNotContain(view.Applications, a => a.Name.StartsWith("dev-", StringComparison.Ordinal));
        Assert.Equal(["core", "monitoring", "ops"], view.Projects.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dev_syncs_automatically_and_ops_by_approval()
    {
        var dev = View("dev").Applications.Single(a => a.Name == "dev-nginx").App.Spec["syncPolicy"]!;
        var ops = View("ops").Applications.Single(a => a.Name == "ops-nginx").App.Spec["syncPolicy"]!;

        Assert.Equal(true, (bool?)dev["automated"]?["selfHeal"]);
        Assert.Null(ops["automated"]);
        Assert.Contains("PruneLast=true", ops["syncOptions"]!.AsArray().Select(o => (string?)o));
    }

    [Fact]
    public void Directory_includes_select_files_by_glob()
    {
        Assert.True(Glob.Matches("{core.yaml,dev.yaml}", "dev.yaml"));
        Assert.False(Glob.Matches("{core.yaml,dev.yaml}", "ops.yaml"));
        Assert.True(Glob.Matches("gitops/apps/apps-dev/*/config.json", "gitops/apps/apps-dev/nginx/config.json"));
        Assert.False(Glob.Matches("gitops/apps/apps-dev/*/config.json", "gitops/apps/apps-dev/a/b/config.json"));
        Assert.True(Glob.Matches("dev-*", "dev-nginx"));
    }

    [Fact]
    public void The_generated_application_for_a_sample_config_json()
    {
        var tree = GitOpsTree.Load(Repo.Directory, []);
        var appSet = tree.Objects.Single(o => o.Is("ApplicationSet") && o.Name == "apps-dev");
        var config = tree.AppConfigs.Single(c => c.File == "gitops/apps/apps-dev/guestbook/config.json");

        var (application, findings) = ApplicationSetTemplate.Render(appSet, config);

        Assert.Empty(findings);
        var expected = JsonNode.Parse("""
            {
              "apiVersion": "argoproj.io/v1alpha1",
              "kind": "Application",
              "metadata": { "name": "dev-guestbook", "labels": { "gitops.bootstrap/environment": "dev" }, "namespace": "argocd" },
              "spec": {
                "project": "dev",
                "sources": [
                  { "repoURL": "https://bjw-s-labs.github.io/helm-charts", "chart": "app-template", "targetRevision": "5.2.1",
                    "helm": { "releaseName": "guestbook", "valueFiles": ["$values/stacks/dev/apps/guestbook-values.yaml"] } },
                  { "repoURL": "https://github.com/example/k8s-talos.git", "targetRevision": "main", "ref": "values" },
                  { "repoURL": "https://github.com/example/k8s-talos.git", "targetRevision": "main",
                    "path": "gitops/apps/apps-dev/guestbook", "directory": { "include": "access.yaml" } }
                ],
                "destination": { "server": "https://kubernetes.default.svc", "namespace": "dev-guestbook" },
                "syncPolicy": {
                  "automated": { "prune": true, "selfHeal": true },
                  "syncOptions": ["CreateNamespace=true", "PruneLast=true", "ServerSideApply=true"],
                  "managedNamespaceMetadata": { "labels": {
                    "pod-security.kubernetes.io/enforce": "baseline",
                    "pod-security.kubernetes.io/audit": "restricted",
                    "pod-security.kubernetes.io/warn": "restricted" } }
                }
              }
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, application), application!.ToJsonString());
    }

    [Fact]
    public void Template_syntax_beyond_field_placeholders_is_refused()
    {
        var tree = GitOpsTree.Load(Repo.Directory, []);
        var appSet = tree.Objects.Single(o => o.Is("ApplicationSet") && o.Name == "apps-dev");
        var config = tree.AppConfigs.Single(c => c.File == "gitops/apps/apps-dev/nginx/config.json");
        var body = (JsonObject)appSet.Body.DeepClone();
        body["spec"]!["template"]!["metadata"]!["name"] = "dev-{{ .name | lower }}";
        body["spec"]!["template"]!["spec"]!["project"] = "{{.team}}";

        var (application, findings) = ApplicationSetTemplate.Render(appSet with { Body = body }, config);

        Assert.Null(application);
        Findings.SingleError(findings, "gitops/appsets/apps-dev.yaml: spec.template.metadata.name", "uses template syntax other than {{.field}}");
        Findings.SingleError(findings, "gitops/apps/apps-dev/nginx/config.json", "has no string field \"team\"", "missingkey=error");
    }
}
