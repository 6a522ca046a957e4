namespace Bootstrap.Blueprint.Tests.Lint;

public partial class KindSchemaTests
{
    /// <summary>Custom resources, checked against their CRDs (Cilium's converted to JSON Schema).</summary>
    public static TheoryData<string, string, string, string> CustomResources => new()
    {
        {
            "cert-manager CRD",
            """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: web, namespace: team-a}
            spec:
              secretName: web-tls
              dnsNames: [web.dev.lab.internal]
              issuerRef: {kind: ClusterIssuer, nam: platform-ca}
            """,
            "spec.issuerRef.nam",
            "is not a field the schema knows"
        },
        {
            "custom resource metadata against ObjectMeta",
            """
            apiVersion: cert-manager.io/v1
            kind: ClusterIssuer
            metadata:
              name: other
              Annotations: {a: b}
            spec:
              selfSigned: {}
            """,
            "metadata.Annotations",
            "did you mean metadata.annotations?"
        },
        {
            "trust-manager CRD",
            """
            apiVersion: trust.cert-manager.io/v1alpha1
            kind: Bundle
            metadata: {name: other-bundle}
            spec:
              sources: [{useDefaultCAs: true}]
              target: {configMap: {ky: ca.crt}}
            """,
            "spec.target.configMap.ky",
            "is not a field the schema knows"
        },
        {
            "Gateway API CRD",
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: web, namespace: team-a}
            spec:
              parentRefs: [{name: platform, namespace: gateway}]
              hostnames: [web.dev.lab.internal]
              rules:
                - backendRefs: [{name: web, port: http}]
            """,
            "spec.rules[0].backendRefs[0].port",
            "must be an integer"
        },
        {
            "Prometheus Operator ServiceMonitor",
            """
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: {name: argocd, namespace: monitoring}
            spec:
              selector: {matchLabels: {app: argocd}}
              endpoints: [{port: metrics, interval: 30}]
            """,
            "spec.endpoints[0].interval",
            "must be a string"
        },
        {
            "Prometheus Operator PrometheusRule",
            """
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata: {name: argocd, namespace: monitoring}
            spec:
              groups:
                - name: argocd
                  rules:
                    - alert: ArgoCdAppOutOfSync
                      for: 15m
            """,
            "spec.groups[0].rules[0].expr",
            "is required but missing"
        },
        {
            "Cilium policy (converted JSON Schema)",
            """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: egress, namespace: team-a}
            spec:
              endpointSelector: {}
              egress:
                - toFQDNs: [{matchNam: api.github.com}]
            """,
            "spec.egress[0].toFQDNs[0].matchNam",
            "is not a field the schema knows"
        },
    };
}
