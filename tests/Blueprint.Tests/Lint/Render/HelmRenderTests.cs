using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Lint.Render;

/// <summary>lint --render with the real helm and the real pinned charts: the repository passes, and each check fires on a real render.</summary>
public class HelmRenderTests : CliSession
{
    private const string Charts =
        "argo-cd 10.1.1, cert-manager v1.21.1, cilium 1.20.0, reloader 2.2.16, sealed-secrets 2.18.5, trust-manager v0.24.0";

    [HelmFact]
    public void The_repository_renders_every_core_chart_of_both_stacks_clean()
    {
        var exit = Run("lint", "--schemas", UpstreamSchemas.Folder, "--render", "--charts", Repo.Charts);

        Assert.True(exit == ExitCodes.Ok, $"{Out}\n{Err}");
        foreach (var stack in new[] { "dev", "ops" })
        {
            Assert.Contains($"render {stack}: 6 charts rendered ({Charts})", Out.ToString(), StringComparison.Ordinal);
        }
    }

    [HelmFact]
    public void Real_renders_that_break_the_cluster_or_the_handoff_fail_naming_the_Application_and_object()
    {
        // Hubble certificates from Helm (regenerated every render) and not ignored; Cilium and cert-manager
        // ServiceMonitors Pulumi's bootstrap cannot create; a webhook on the host network; a notification token in plain text.
        Repository.Edit("stacks/common/values/cilium.yaml", "method: cronJob", "method: helm");
        Repository.Edit(
            "stacks/common/values/cilium.yaml",
            "prometheus:\n  enabled: true\n  metricsService: true\n",
            "prometheus:\n  enabled: true\n  metricsService: true\n  serviceMonitor:\n    enabled: true\n");
        Repository.Edit(
            "stacks/common/values/cert-manager.yaml",
            "prometheus:\n  enabled: true",
            "prometheus:\n  enabled: true\n  servicemonitor:\n    enabled: true\nwebhook:\n  hostNetwork: true");
        Repository.Edit(
            "stacks/common/values/argocd.yaml",
            "dex:\n  enabled: false",
            "dex:\n  enabled: false\nnotifications:\n  secret:\n    items:\n      slack-token: hunter2");

        var exit = Run("lint", "dev", "--schemas", UpstreamSchemas.Folder, "--render", "--charts", Repo.Charts);

        Assert.Equal(ExitCodes.Invalid, exit);
        var errors = Err.ToString().Split('\n');
        Assert.Contains(errors, l => l.StartsWith(
            "error BP072: gitops/clusters/dev/core/cilium.yaml: "
            + "Secret kube-system/cilium-ca (cilium/templates/cilium-ca-secret.yaml): changes between two renders",
            StringComparison.Ordinal) && l.Contains("jsonPointers: [/data]", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.StartsWith(
            "error BP072: gitops/clusters/dev/core/cilium.yaml: cilium 1.20.0: helm template fails with Pulumi's values as its "
            + "first install sees the cluster "
            + "(built-in API plus gateway.networking.k8s.io/v1, gateway.networking.k8s.io/v1beta1): Error: "
            + "execution error at (cilium/templates/validate.yaml",
            StringComparison.Ordinal));
        Assert.Contains(errors, l => l.StartsWith(
            "error BP072: gitops/clusters/dev/core/cert-manager.yaml: ServiceMonitor cert-manager/cert-manager "
            + "(cert-manager/templates/servicemonitor.yaml): "
            + "is created by Pulumi's first install",
            StringComparison.Ordinal));
        Assert.Contains(errors, l => l.StartsWith(
            "error BP072: gitops/clusters/dev/core/cert-manager.yaml: Deployment cert-manager/cert-manager-webhook "
            + "(cert-manager/templates/webhook-deployment.yaml): "
            + "breaks Pod Security baseline",
            StringComparison.Ordinal) && l.Contains("hostNetwork is true", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.StartsWith(
            "error BP072: gitops/clusters/dev/core/argocd.yaml: Secret argocd/argocd-notifications-secret", StringComparison.Ordinal)
            && l.Contains("stringData.slack-token", StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2", Err.ToString(), StringComparison.Ordinal);
    }
}
