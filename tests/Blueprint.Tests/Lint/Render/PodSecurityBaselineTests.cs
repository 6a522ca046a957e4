using Bootstrap.Analyser.ChartRender;

namespace Bootstrap.Blueprint.Tests.Lint.Render;

/// <summary>Each Pod Security baseline control (pod-security-admission v0.35 policy/check_*.go) on a rendered pod template.</summary>
public class PodSecurityBaselineTests
{
    private const string App = "containers: [{name: app, image: x}]";
    private const string Pod = "spec.template.spec";

    public static TheoryData<string, string, string> Breaking => new()
    {
        { "host network", "hostNetwork: true\n" + App, Pod + ".hostNetwork is true" },
        { "host PID", "hostPID: true\n" + App, Pod + ".hostPID is true" },
        { "host IPC", "hostIPC: true\n" + App, Pod + ".hostIPC is true" },
        {
            "privileged", "containers: [{name: app, image: x, securityContext: {privileged: true}}]",
            "container \"app\": " + Pod + ".containers[0].securityContext.privileged is true"
        },
        {
            "capability outside the baseline set",
            "initContainers: [{name: init, image: x, securityContext: {capabilities: {add: [CHOWN, NET_ADMIN]}}}]\n" + App,
            "container \"init\": " + Pod + ".initContainers[0].securityContext.capabilities.add has NET_ADMIN"
        },
        { "hostPath volume", "volumes: [{name: host, hostPath: {path: /var}}]\n" + App, "volume \"host\" is a hostPath" },
        {
            "host port", "containers: [{name: app, image: x, ports: [{containerPort: 80, hostPort: 8080}]}]",
            Pod + ".containers[0].ports[].hostPort is 8080"
        },
        {
            "probe host", "containers: [{name: app, image: x, livenessProbe: {httpGet: {host: 10.0.0.1, port: 80}}}]",
            "containers[0].livenessProbe.httpGet.host is set"
        },
        {
            "lifecycle host", "containers: [{name: app, image: x, lifecycle: {preStop: {tcpSocket: {host: db, port: 5432}}}}]",
            "containers[0].lifecycle.preStop.tcpSocket.host is set"
        },
        {
            "AppArmor unconfined", "containers: [{name: app, image: x, securityContext: {appArmorProfile: {type: Unconfined}}}]",
            "appArmorProfile.type is Unconfined"
        },
        { "SELinux type", "securityContext: {seLinuxOptions: {type: spc_t}}\n" + App, Pod + ".securityContext.seLinuxOptions.type is spc_t" },
        { "SELinux user", "containers: [{name: app, image: x, securityContext: {seLinuxOptions: {user: system_u}}}]", "seLinuxOptions.user is set" },
        { "proc mount", "containers: [{name: app, image: x, securityContext: {procMount: Unmasked}}]", "procMount is Unmasked" },
        {
            "seccomp unconfined", "securityContext: {seccompProfile: {type: Unconfined}}\n" + App,
            Pod + ".securityContext.seccompProfile.type is Unconfined"
        },
        { "unsafe sysctl", "securityContext: {sysctls: [{name: net.core.somaxconn, value: \"1024\"}]}\n" + App, "sysctls has net.core.somaxconn" },
        { "Windows HostProcess", "securityContext: {windowsOptions: {hostProcess: true}}\n" + App, "windowsOptions.hostProcess is true" },
    };

    [Theory]
    [MemberData(nameof(Breaking))]
    public void A_pod_breaking_one_control_is_reported_with_the_field(string control, string podSpec, string expected)
    {
        var violation = Assert.Single(Violations(Rendered.Deployment(podSpec)));

        Assert.True(violation.Contains(expected, StringComparison.Ordinal), $"{control}: {violation}");
    }

    [Fact]
    public void The_AppArmor_annotation_is_checked_on_the_pod_template()
    {
        var yaml = """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: job, namespace: team-a}
            spec:
              jobTemplate:
                spec:
                  template:
                    metadata:
                      annotations: {container.apparmor.security.beta.kubernetes.io/app: unconfined}
                    spec:
                      containers: [{name: app, image: x}]
            """;

        Assert.Contains(
            "container.apparmor.security.beta.kubernetes.io/app is \"unconfined\"", Assert.Single(Violations(yaml)), StringComparison.Ordinal);
    }

    [Fact]
    public void Everything_the_baseline_allows_passes()
    {
        var podSpec = """
            hostNetwork: false
            securityContext:
              seccompProfile: {type: RuntimeDefault}
              seLinuxOptions: {type: container_t}
              sysctls: [{name: net.ipv4.ip_unprivileged_port_start, value: "0"}, {name: net.ipv4.tcp_keepalive_time, value: "60"}]
            volumes: [{name: data, emptyDir: {}}, {name: config, configMap: {name: app}}]
            initContainers: [{name: init, image: x, securityContext: {capabilities: {add: [CHOWN, SETUID, SETGID, NET_BIND_SERVICE], drop: [ALL]}}}]
            containers:
              - name: app
                image: x
                ports: [{containerPort: 8080, hostPort: 0}]
                securityContext:
                  privileged: false
                  procMount: Default
                  appArmorProfile: {type: RuntimeDefault}
                  seccompProfile: {type: Localhost, localhostProfile: p.json}
                readinessProbe: {httpGet: {path: /, port: 8080, host: ""}}
            """;

        Assert.Empty(Violations(Rendered.Deployment(podSpec)));
    }

    [Fact]
    public void Any_proc_mount_is_allowed_in_a_user_namespace_since_1_35()
    {
        var podSpec = "hostUsers: false\ncontainers: [{name: app, image: x, securityContext: {procMount: Unmasked}}]";

        Assert.Empty(Violations(Rendered.Deployment(podSpec)));
    }

    [Fact]
    public void Objects_without_a_pod_have_no_pod_template()
    {
        Assert.Null(PodTemplate.Of(Rendered.One("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {a: b}").Body));
    }

    private static IReadOnlyList<string> Violations(string yaml) =>
        PodSecurityBaseline.Violations(PodTemplate.Of(Rendered.One(yaml).Body)!);
}
