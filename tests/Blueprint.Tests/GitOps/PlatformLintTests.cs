using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.GitOps;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.GitOps;

/// <summary>The isolation, Gateway and monitoring rules hold on the repository and each fails on a fixture that breaks it.</summary>
public class PlatformLintTests
{
    private const string DevApps = "gitops/appsets/apps-dev.yaml";
    private const string NginxConfig = "gitops/apps/apps-dev/nginx/config.json";
    private const string NginxAccess = "gitops/apps/apps-dev/nginx/access.yaml";
    private const string DevGateway = "gitops/platform/gateway/dev/gateway.yaml";
    private const string DevCertificate = "gitops/platform/gateway/dev/certificate.yaml";
    private const string OpsMonitoring = "gitops/clusters/ops/monitoring.yaml";

    private static IReadOnlyList<Diagnostic> Lint(string stack, Func<RepoCopy, RepoCopy> change)
    {
        using var repository = new RepoCopy();
        change(repository);
        return GitOpsLint.Check(StackInput.Of(stack).Blueprint(repository), repository);
    }

    /// <summary>config.json changed and its access.yaml regenerated, as new-app --update would.</summary>
    private static RepoCopy Reconfigure(RepoCopy repository, string config, string find, string replace)
    {
        repository.Edit(config, find, replace);
        var app = AppConfig.Read(repository, config, [])!;
        return repository.Write(AppAccess.PathFor(app), AccessManifests.Render(app));
    }

    [Fact]
    public void Every_applicationset_deploys_the_apps_access_yaml()
    {
        var findings = Lint(
            "dev",
            r => r.Edit(
                DevApps, "          directory:\n            include: access.yaml\n", "          directory:\n            include: \"*.yml\"\n"));

        Findings.SingleError(findings, $"{DevApps}: spec.template.spec.sources", "does not deploy the apps' access.yaml", "include: access.yaml");
    }

    [Fact]
    public void Access_yaml_is_what_config_json_declares()
    {
        var edited = Lint("dev", r => r.Edit(NginxAccess, "kind: HTTPRoute", "kind: HTTPRoute\n# hand-made"));
        var stale = Lint("dev", r => r.Edit(NginxConfig, "\"port\": 8080", "\"port\": 8081"));
        var missing = Lint("dev", r => r.Delete(NginxAccess));

        Findings.SingleError(edited, NginxAccess, "differs from what gitops/apps/apps-dev/nginx/config.json declares", "new-app dev nginx --update");
        Findings.SingleError(stale, NginxAccess, "differs from what");
        Findings.SingleError(missing, NginxAccess, "does not exist: namespace dev-nginx would not be isolated");
    }

    [Fact]
    public void Nothing_but_access_yaml_sits_in_an_app_folder()
    {
        var findings = Lint(
            "dev", r => r.Write("gitops/apps/apps-dev/nginx/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n"));

        Findings.SingleError(findings, "gitops/apps/apps-dev/nginx/extra.yaml", "is never deployed");
    }

    [Fact]
    public void Egress_into_an_isolated_namespace_needs_its_ingress()
    {
        var refused = Lint(
            "dev", r => Reconfigure(r, NginxConfig, "\"routes\"", "\"egress\": [{\"namespace\": \"dev-redis\", \"ports\": [6379]}],\n  \"routes\""));
        var answered = Lint("dev", r => Reconfigure(
            Reconfigure(r, NginxConfig, "\"routes\"", "\"egress\": [{\"namespace\": \"dev-redis\", \"ports\": [6379]}],\n  \"routes\""),
            "gitops/apps/apps-dev/redis/config.json",
            "\"podSecurity\": \"restricted\"",
            "\"podSecurity\": \"restricted\",\n  \"ingress\": [{\"namespace\": \"dev-nginx\", \"ports\": [6379]}]"));

        Findings.SingleError(refused, $"{NginxConfig}: egress", "namespace dev-redis TCP 6379", "does not let dev-nginx in");
        Assert.Empty(answered);
    }

    [Fact]
    public void Config_json_access_entries_match_the_schema()
    {
        var findings = Lint(
            "dev",
            r => r.Edit(NginxConfig, "\"routes\"", "\"egress\": [{\"fqdn\": \"api.github.com\", \"namespace\": \"dev-redis\"}],\n  \"routes\""));

        Findings.SingleError(findings, $"{NginxConfig}: egress[0]", "matches none of the forms the schema allows");
    }

    [Fact]
    public void The_gateway_carries_the_address_the_blueprint_pins()
    {
        var moved = Lint("dev", r => r.Edit(DevGateway, "value: 192.168.40.70", "value: 192.168.40.71"));
        var annotated = Lint(
            "dev",
            r => r.Edit(
                DevGateway,
                "  gatewayClassName: cilium\n",
                "  gatewayClassName: cilium\n  infrastructure:\n    annotations:\n      io.cilium/lb-ipam-ips: 192.168.40.70\n"));

        Findings.SingleError(
            moved,
            $"{DevGateway}: spec.addresses",
            "is [IPAddress 192.168.40.71], but the blueprint pins the Gateway at 192.168.40.70",
            "pool dev-gateway");
        Findings.SingleError(annotated, $"{DevGateway}: spec.infrastructure.annotations.io.cilium/lb-ipam-ips", "overrides spec.addresses");
    }

    [Fact]
    public void The_gateway_address_follows_the_stack_pool()
    {
        var input = StackInput.Of("dev");
        input.Network["loadBalancerPool"] = "192.168.40.80-192.168.40.89";
        var findings = GitOpsLint.Check(input.Blueprint(), Repo.Directory);

        Findings.SingleError(findings, $"{DevGateway}: spec.addresses", "pins the Gateway at 192.168.40.80", "value: 192.168.40.80");
    }

    [Fact]
    public void Each_cluster_runs_one_cilium_gateway()
    {
        var missing = Lint("dev", r => r.Delete("gitops/clusters/dev/gateway.yaml"));
        var wrongClass = Lint("dev", r => r.Edit(DevGateway, "gatewayClassName: cilium", "gatewayClassName: nginx"));

        Findings.SingleError(missing, "gitops/clusters/dev/", "runs no Gateway gateway/platform");
        Findings.SingleError(wrongClass, $"{DevGateway}: spec.gatewayClassName", "is not cilium");
    }

    [Fact]
    public void The_gateway_certificate_comes_from_the_platform_ca_and_covers_its_listeners()
    {
        var issuer = Lint("dev", r => r.Edit(DevCertificate, "name: platform-ca", "name: selfsigned"));
        var names = Lint("dev", r => r.Edit(DevCertificate, "\"*.dev.lab.internal\"", "\"*.lab.internal\""));
        var secret = Lint("dev", r => r.Edit(DevGateway, "name: gateway-tls", "name: other-tls"));

        Findings.SingleError(issuer, $"{DevCertificate}: spec.issuerRef", "is not ClusterIssuer platform-ca");
        Findings.SingleError(names, $"{DevCertificate}: spec.dnsNames", "does not cover listener https's hostname *.dev.lab.internal");
        Findings.SingleError(
            secret, $"{DevGateway}: spec.listeners[https].tls.certificateRefs", "names no Secret that a Certificate in namespace gateway issues");
    }

    [Fact]
    public void Routed_hosts_are_served_by_a_listener_and_claimed_once()
    {
        var outside = Lint("dev", r => Reconfigure(r, NginxConfig, "nginx.dev.lab.internal", "nginx.example.com"));
        var deeper = Lint("dev", r => Reconfigure(r, NginxConfig, "nginx.dev.lab.internal", "www.nginx.dev.lab.internal"));
        var twice = Lint("dev", r => Reconfigure(r, NginxConfig, "nginx.dev.lab.internal", "argocd.dev.lab.internal"));

        Findings.SingleError(
            outside, $"{NginxAccess} (document 4, HTTPRoute nginx): spec.hostnames", "nginx.example.com is not served to namespace dev-nginx");
        Findings.SingleError(deeper, $"{NginxAccess} (document 4, HTTPRoute www): spec.hostnames", "www.nginx.dev.lab.internal is not served");
        Findings.SingleError(
            twice,
            $"{NginxAccess} (document 4, HTTPRoute argocd): spec.hostnames",
            "argocd.dev.lab.internal is already routed by gitops/platform/gateway/dev/argocd-route.yaml");
    }

    [Fact]
    public void Argo_cds_advertised_url_is_routed()
    {
        var findings = Lint("dev", r => r.Delete("gitops/platform/gateway/dev/argocd-route.yaml"));

        Findings.SingleError(
            findings,
            "stacks/common/values/argocd.yaml + stacks/dev/values/argocd.yaml: global.domain",
            "Argo CD advertises https://argocd.dev.lab.internal, but no HTTPRoute");
    }

    [Fact]
    public void Monitoring_objects_sync_with_skip_dry_run()
    {
        var findings = Lint("ops", r => r.Edit(OpsMonitoring, "      - SkipDryRunOnMissingResource=true\n", ""));

        Findings.SingleError(
            findings,
            $"{OpsMonitoring}: spec.syncPolicy.syncOptions",
            "monitoring-config syncs monitoring.coreos.com/ objects",
            "SkipDryRunOnMissingResource=true");
    }

    [Fact]
    public void The_sealed_secrets_key_alert_follows_keyrenewperiod()
    {
        var findings = Lint("ops", r => r.Edit("stacks/common/values/sealed-secrets.yaml", "keyrenewperiod: 720h", "keyrenewperiod: 360h"));

        Findings.SingleError(findings, "gitops/platform/monitoring/alerts.yaml: SealedSecretsKeyNotRenewed", "keyrenewperiod 360h (1296000 s");
    }

    [Fact]
    public void Certificates_renew_before_the_expiry_alert_fires()
    {
        var findings = Lint("ops", r => r.Edit("gitops/platform/gateway/ops/certificate.yaml", "renewBefore: 360h", "renewBefore: 240h"));

        Findings.SingleError(
            findings,
            "gitops/platform/gateway/ops/certificate.yaml: spec.renewBefore",
            "is 240h, not more than the 14-day threshold of CertificateExpiringSoon");
    }

    [Theory]
    [InlineData("720h", 2592000L)]
    [InlineData("1h30m", 5400L)]
    [InlineData("90s", 90L)]
    [InlineData("30d", null)]
    [InlineData("", null)]
    public void Durations_read_as_go_writes_them(string text, long? seconds) => Assert.Equal(seconds, MonitoringRule.Seconds(text));
}
