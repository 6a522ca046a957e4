using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Lint;

/// <summary>
/// Every kind under gitops/ against its upstream schema: one object that breaks each schema family, with the path the user
/// must fix (Kubernetes' own kinds here, custom resources in KindSchemaTests.CustomResources.cs), and one that the family
/// accepts (<see cref="KindSchemaCoverageTests"/>), so the failure is the schema's, not a resolution problem.
/// </summary>
public partial class KindSchemaTests : ManifestCheckOfOneFile
{
    /// <summary>Kubernetes' own kinds, checked against its OpenAPI.</summary>
    public static TheoryData<string, string, string, string> KubernetesObjects => new()
    {
        {
            "Kubernetes apps/v1 (OpenAPI $ref through allOf)",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: team-a}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
                      ImagePullPolicy: Always
            """,
            "spec.template.spec.containers[0].ImagePullPolicy",
            "did you mean spec.template.spec.containers[0].imagePullPolicy?"
        },
        {
            "Kubernetes core v1: Secret data is base64 (format byte)",
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: creds, namespace: team-a}
            data:
              password: not base64!
            """,
            "data.password",
            "is \"not base64!\""
        },
        {
            "Kubernetes networking.k8s.io/v1",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: team-a}
            spec:
              podSelector: {}
              ingress:
                - from:
                    - podSelektor: {}
            """,
            "spec.ingress[0].from[0].podSelektor",
            "is not a field the schema knows"
        },
        {
            "Kubernetes rbac.authorization.k8s.io/v1: required field",
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: readers, namespace: team-a}
            subjects:
              - {kind: Group, name: readers, apiGroup: rbac.authorization.k8s.io}
            """,
            "roleRef",
            "is required but missing"
        },
        {
            "Kubernetes ObjectMeta of a built-in kind",
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: team-a
              Labels: {team: a}
            """,
            "metadata.Labels",
            "did you mean metadata.labels?"
        },
    };

    [SchemaTheory]
    [MemberData(nameof(KubernetesObjects))]
    [MemberData(nameof(CustomResources))]
    public void A_broken_object_of_each_schema_family_fails_at_the_field_to_fix(string family, string yaml, string path, string problem)
    {
        var findings = Check(yaml);

        // A misspelt required field is also reported as missing; every finding is about this object.
        Findings.SingleError(findings, $"{File}: {path}", problem);
        Assert.True(
            findings.Where(f => f.Severity == Severity.Error).All(f => f.Key.StartsWith($"{File}: ", StringComparison.Ordinal)),
            $"{family}:\n{string.Join("\n", findings)}");
    }
}
