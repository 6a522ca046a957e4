using Bootstrap.Analyser.Lint;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Lint;

/// <summary>
/// Which schema a kind is checked against, and what is said when there is none: valid objects of every family pass, a version
/// the API does not serve, a kind without a schema, a Kubernetes minor newer than the schemas, CRDs missing for a chart.
/// </summary>
public class KindSchemaCoverageTests : ManifestCheckOfOneFile
{
    [SchemaFact]
    public void Valid_objects_of_every_family_pass_int_or_string_and_quantities_included()
    {
        var yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: team-a}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
                      ports: [{containerPort: 8080, name: http}]
                      resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 1}}
                      readinessProbe: {httpGet: {path: /, port: http}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: team-a}
            spec:
              selector: {app: web}
              ports: [{port: 80, targetPort: 8080}, {name: alt, port: 81, targetPort: http}]
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: {name: web, namespace: team-a, labels: {release: monitoring}}
            spec:
              selector: {matchLabels: {app: web}}
              endpoints: [{targetPort: 8080, interval: 30s}, {targetPort: http}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: web, namespace: team-a}
            spec:
              parentRefs: [{name: platform, namespace: gateway}]
              rules: [{backendRefs: [{name: web, port: 80}]}]
            ---
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: egress, namespace: team-a}
            spec:
              endpointSelector: {}
              egress: [{toFQDNs: [{matchName: api.github.com}], toPorts: [{ports: [{port: "443", protocol: TCP}]}]}]
            """;

        var (findings, coverage) = Run(yaml);

        Findings.NoErrors(findings);
        Assert.DoesNotContain(findings, f => f.Key.StartsWith(File, StringComparison.Ordinal));
        foreach (var kind in new[] { "Deployment", "Service", "ServiceMonitor", "HTTPRoute", "CiliumNetworkPolicy" })
        {
            Assert.Contains(coverage.Validated.Keys, k => k.Kind == kind);
        }
    }

    [SchemaFact]
    public void A_kind_at_a_version_the_API_does_not_serve_is_an_error_naming_the_served_version()
    {
        var findings = Check("""
            apiVersion: apps/v1beta2
            kind: Deployment
            metadata: {name: web}
            spec: {}
            """);

        Findings.SingleError(findings, $"{File}: apiVersion", "is apps/v1beta2", "serves Deployment only as apps/v1", "write apiVersion: apps/v1");
    }

    [SchemaFact]
    public void A_kind_without_a_schema_is_a_warning_and_listed_as_not_validated_never_passed_silently()
    {
        var (findings, coverage) = Run("""
            apiVersion: bitnami.com/v1alpha1
            kind: SealedSecret
            metadata: {name: creds, namespace: team-a}
            spec: {encryptedData: {password: AgB...}}
            ---
            apiVersion: bitnami.com/v1alpha1
            kind: SealedSecret
            metadata: {name: more, namespace: team-a}
            spec: {encryptedData: {token: AgC...}}
            """);

        var warning = Findings.SingleWarning(
            findings, $"{File} (document 1, SealedSecret creds)", "SealedSecret (bitnami.com/v1alpha1) is not validated", "2 objects");
        Assert.Contains("document 2, SealedSecret more", warning.Problem, StringComparison.Ordinal);
        Assert.Equal(2, coverage.NotValidated[new ApiKind("bitnami.com", "v1alpha1", "SealedSecret")]);
        Assert.Contains("2 not validated (no schema): SealedSecret (bitnami.com/v1alpha1) 2", coverage.Summary(), StringComparison.Ordinal);
    }

    [SchemaFact]
    public void The_stacks_newer_Kubernetes_minor_falls_back_to_the_newest_older_one_and_says_so()
    {
        var (_, coverage) = Run("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: b}\n");

        Assert.Contains("Kubernetes 1.35", coverage.Sources);
        Assert.Contains("runs Kubernetes 1.36.3", coverage.KubernetesNote, StringComparison.Ordinal);
        Assert.Contains("checked against 1.35", coverage.Summary(), StringComparison.Ordinal);
    }

    [SchemaFact]
    public void CRDs_missing_for_the_pinned_chart_version_are_one_error_naming_the_folder_looked_in()
    {
        using var folder = new TempFolder().CopyFrom(UpstreamSchemas.Folder, "charts/argo-cd", "argocd-crds", "kubernetes");
        folder.Write("cert-manager-crds/v1.20.0/README", "an older release only");

        var findings = ManifestCheck.Check(StackInput.Of("dev").Blueprint(), new SchemaSet(folder.Path), Repo.Directory);

        Findings.SingleError(
            findings,
            "gitops/clusters/dev/core/cert-manager.yaml: spec.sources[chart].targetRevision",
            Path.Combine(folder.Path, "cert-manager-crds", "v1.21.1"),
            "pin a version the folder has: v1.20.0");
        // Those objects are not reported again one by one.
        Assert.DoesNotContain(findings, f => f.Problem.StartsWith("ClusterIssuer", StringComparison.Ordinal));
    }
}
