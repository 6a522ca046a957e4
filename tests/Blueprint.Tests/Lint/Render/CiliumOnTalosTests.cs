using Bootstrap.Analyser.ChartRender;

namespace Bootstrap.Blueprint.Tests.Lint.Render;

/// <summary>The rendered Cilium chart against what Talos needs: KubePrism, the agent's capabilities, kube-proxy replacement, cgroup2.</summary>
public class CiliumOnTalosTests
{
    private const string AgentCapabilities = "[CHOWN, KILL, NET_ADMIN, NET_RAW, IPC_LOCK, SYS_ADMIN, SYS_RESOURCE, "
        + "DAC_OVERRIDE, FOWNER, SETGID, SETUID]";
    private const string KubePrismEnv = "[{name: KUBERNETES_SERVICE_HOST, value: localhost}, {name: KUBERNETES_SERVICE_PORT, value: \"7445\"}]";

    /// <summary>The parts of cilium 1.20.0's render the checks read, as `lint --render` sees them with the repository's values.</summary>
    private static readonly string Talos = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cilium-config, namespace: kube-system}
        data: {kube-proxy-replacement: "true", cgroup-root: /sys/fs/cgroup, ipam: kubernetes}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: cilium, namespace: kube-system}
        spec:
          template:
            spec:
              hostNetwork: true
              initContainers:
                - {name: config, image: cilium, env: KUBEPRISM_ENV}
                - {name: clean-cilium-state, image: cilium, env: KUBEPRISM_ENV,
                   securityContext: {capabilities: {add: [NET_ADMIN, SYS_ADMIN, SYS_RESOURCE], drop: [ALL]}}}
              containers:
                - {name: cilium-agent, image: cilium, env: KUBEPRISM_ENV, securityContext: {capabilities: {add: AGENT_CAPABILITIES, drop: [ALL]}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: cilium-operator, namespace: kube-system}
        spec:
          template:
            spec:
              containers:
                - {name: cilium-operator, image: operator, env: KUBEPRISM_ENV}
        """.Replace("KUBEPRISM_ENV", KubePrismEnv, StringComparison.Ordinal).Replace(
            "AGENT_CAPABILITIES", AgentCapabilities, StringComparison.Ordinal);

    [Fact]
    public void A_render_with_the_Talos_settings_passes()
    {
        Assert.Empty(CiliumOnTalos.Check(Rendered.Parse(Talos)));
    }

    [Theory]
    [InlineData(
        "SYS_RESOURCE, DAC_OVERRIDE, FOWNER, SETGID, SETUID]", "SYS_RESOURCE, DAC_OVERRIDE, FOWNER, SETGID, SETUID, SYS_MODULE]", "extra SYS_MODULE")]
    [InlineData("[CHOWN, KILL, NET_ADMIN, NET_RAW,", "[KILL, NET_ADMIN, NET_RAW,", "missing CHOWN")]
    public void The_agent_must_add_exactly_the_capabilities_Talos_needs(string find, string replace, string expected)
    {
        var findings = CiliumOnTalos.Check(Rendered.Parse(Talos.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Contains(
            findings,
            f => f.Problem.Contains("container \"cilium-agent\" adds", StringComparison.Ordinal)
                && f.Problem.Contains(expected, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Equal("cilium", f.Rendered?.Name));
    }

    [Fact]
    public void SYS_MODULE_in_any_Cilium_container_is_refused()
    {
        var render = Talos.Replace(
            "{name: config, image: cilium,",
            "{name: config, image: cilium, securityContext: {capabilities: {add: [SYS_MODULE]}},",
            StringComparison.Ordinal);

        var finding = Assert.Single(CiliumOnTalos.Check(Rendered.Parse(render)));

        Assert.Contains("container \"config\" adds SYS_MODULE, which Talos refuses", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_clean_state_init_container_has_its_own_capability_set()
    {
        var render = Talos.Replace(
            "add: [NET_ADMIN, SYS_ADMIN, SYS_RESOURCE]", "add: [NET_ADMIN, SYS_ADMIN, SYS_RESOURCE, SYS_MODULE]", StringComparison.Ordinal);

        var findings = CiliumOnTalos.Check(Rendered.Parse(render));

        Assert.Contains(findings, f => f.Problem.StartsWith("container \"clean-cilium-state\" adds", StringComparison.Ordinal));
    }

    [Fact]
    public void The_operator_reaching_the_API_through_the_Service_IP_breaks_KubePrism()
    {
        var render = Talos.Replace(
            "- {name: cilium-operator, image: operator, env: " + KubePrismEnv + "}",
            "- {name: cilium-operator, image: operator}",
            StringComparison.Ordinal);

        var finding = Assert.Single(CiliumOnTalos.Check(Rendered.Parse(render)));

        Assert.Equal("cilium-operator", finding.Rendered?.Name);
        Assert.Contains("(no KUBERNETES_SERVICE_HOST)", finding.Problem, StringComparison.Ordinal);
        Assert.Contains("KubePrism (localhost:7445)", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_container_naming_another_API_endpoint_is_reported()
    {
        const string serviceIp = "[{name: KUBERNETES_SERVICE_HOST, value: 10.96.0.1}, {name: KUBERNETES_SERVICE_PORT, value: \"443\"}]";
        var render = Talos.Replace(
            "{name: config, image: cilium, env: " + KubePrismEnv, "{name: config, image: cilium, env: " + serviceIp, StringComparison.Ordinal);

        var finding = Assert.Single(CiliumOnTalos.Check(Rendered.Parse(render)));

        Assert.Contains("container \"config\" reaches the API at 10.96.0.1:443", finding.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kube-proxy-replacement: \"true\"", "kube-proxy-replacement: \"false\"", "data.kube-proxy-replacement is false")]
    [InlineData("cgroup-root: /sys/fs/cgroup", "cgroup-root: /run/cilium/cgroupv2", "data.cgroup-root is /run/cilium/cgroupv2")]
    [InlineData("ipam: kubernetes", "ipam: kubernetes, k8s-service-host: 10.96.0.1", "data.k8s-service-host is 10.96.0.1")]
    public void The_cilium_config_must_replace_kube_proxy_and_use_Talos_cgroup_mount(string find, string replace, string expected)
    {
        var finding = Assert.Single(CiliumOnTalos.Check(Rendered.Parse(Talos.Replace(find, replace, StringComparison.Ordinal))));

        Assert.Equal("cilium-config", finding.Rendered?.Name);
        Assert.StartsWith(expected, finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Cilium_mounting_cgroup2_itself_is_reported()
    {
        var render = Talos.Replace("initContainers:\n", "initContainers:\n        - {name: mount-cgroup, image: cilium}\n", StringComparison.Ordinal);

        var finding = Assert.Single(CiliumOnTalos.Check(Rendered.Parse(render)));

        Assert.Contains("mount-cgroup", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_render_without_the_agent_cannot_be_checked_and_says_so()
    {
        var finding = Assert.Single(CiliumOnTalos.Check(Rendered.Parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\n")));

        Assert.Null(finding.Rendered);
        Assert.Contains("renders no DaemonSet cilium with a cilium-agent container", finding.Problem, StringComparison.Ordinal);
    }
}
