using System.Globalization;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Talos;

namespace Bootstrap.Analyser.ChartRender;

/// <summary>Checks the rendered Cilium chart does what Talos needs (Talos docs, "Deploying Cilium CNI"): the API through KubePrism
/// on localhost:7445 (no kube-proxy or Service works before Cilium), kube-proxy replaced, Talos' own cgroup2 mount, only the
/// capabilities Talos allows (no SYS_MODULE: Talos lets no workload load kernel modules). <see cref="CoreValuesRule"/> checks the
/// values say so; this checks the chart really renders it.</summary>
public static class CiliumOnTalos
{
    public const string Chart = "cilium";
    private const string AgentDaemonSet = "cilium";
    private const string Agent = "cilium-agent";
    private const string CleanState = "clean-cilium-state";
    private const string Operator = "cilium-operator";
    private const string MountCgroup = "mount-cgroup";
    private const string ConfigMap = "cilium-config";
    private const string Localhost = "localhost";
    private const string HostVariable = "KUBERNETES_SERVICE_HOST";
    private const string PortVariable = "KUBERNETES_SERVICE_PORT";
    private static readonly string KubePrismPort = MachinePatches.KubePrismPort.ToString(CultureInfo.InvariantCulture);

    public static IReadOnlyList<RenderFinding> Check(IReadOnlyList<RenderedObject> objects)
    {
        var agent = objects.FirstOrDefault(o => o.Kind?.Kind == "DaemonSet" && o.Name == AgentDaemonSet);
        var agentPod = agent is null ? null : PodTemplate.Of(agent.Body);
        var agentContainer = agentPod?.Containers.FirstOrDefault(c => c.Name == Agent);
        if (agent is null || agentPod is null || agentContainer is null)
        {
            return
            [
                new RenderFinding(
                    null,
                    $"renders no DaemonSet {AgentDaemonSet} with a {Agent} container, so the checks Talos needs cannot run",
                    "render the cilium chart itself"),
            ];
        }

        var findings = new List<RenderFinding>();
        findings.AddRange(Capabilities(agent, agentContainer, "ciliumAgent"));
        if (agentPod.Containers.FirstOrDefault(c => c.Name == CleanState) is { } clean)
        {
            findings.AddRange(Capabilities(agent, clean, "cleanCiliumState"));
        }

        foreach (var (o, container) in Containers(objects).Where(c => c.Container.AddedCapabilities.Contains("SYS_MODULE")))
        {
            findings.Add(new RenderFinding(
                o,
                $"container \"{container.Name}\" adds SYS_MODULE, which Talos refuses: it does not let workloads load kernel modules",
                "remove SYS_MODULE from the Cilium securityContext.capabilities values"));
        }

        if (agentPod.Containers.Any(c => c.Name == MountCgroup))
        {
            findings.Add(new RenderFinding(
                agent,
                $"runs the {MountCgroup} init container, but Talos mounts cgroup2 itself",
                "set cgroup.autoMount.enabled: false and cgroup.hostRoot: /sys/fs/cgroup"));
        }

        findings.AddRange(KubePrism(objects, agent, agentContainer));
        findings.AddRange(Config(objects));
        return findings;
    }

    private static IEnumerable<RenderFinding> Capabilities(RenderedObject agent, PodContainer container, string valuesKey)
    {
        var rule = CoreValuesRule.Required.Single(r => r.App == Chart && r.Key == $"securityContext.capabilities.{valuesKey}");
        var expected = ((JsonArray)rule.Expected).Select(GitOpsObject.Text).OfType<string>().ToHashSet();
        var actual = container.AddedCapabilities;
        if (actual.SetEquals(expected))
        {
            yield break;
        }

        var missing = expected.Except(actual).Order(StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected).Order(StringComparer.Ordinal).ToList();
        yield return new RenderFinding(
            agent,
            $"container \"{container.Name}\" adds [{string.Join(", ", actual.Order(StringComparer.Ordinal))}] "
            + $"({container.At}.securityContext.capabilities.add), "
            + $"but Talos needs exactly [{string.Join(", ", expected.Order(StringComparer.Ordinal))}]"
            + (missing.Count > 0 ? $"; missing {string.Join(", ", missing)}" : "")
            + (extra.Count > 0 ? $"; extra {string.Join(", ", extra)}" : ""),
            $"set {rule.Key} to exactly that list");
    }

    /// <summary>The agent and the operator must use KubePrism; so must every other container that names an API endpoint.</summary>
    private static IEnumerable<RenderFinding> KubePrism(IReadOnlyList<RenderedObject> objects, RenderedObject agent, PodContainer agentContainer)
    {
        var required = new List<(RenderedObject Object, PodContainer Container)> { (agent, agentContainer) };
        var operatorObject = objects.FirstOrDefault(o => o.Kind?.Kind == "Deployment" && o.Name == Operator);
        if (operatorObject is not null && PodTemplate.Of(operatorObject.Body)?.Containers.FirstOrDefault(c => c.Name == Operator) is { } op)
        {
            required.Add((operatorObject, op));
        }

        var naming = Containers(objects).Where(c => c.Container.Env(HostVariable) is not null
            && !required.Any(r => r.Container.Body == c.Container.Body));
        foreach (var (o, container) in required.Concat(naming))
        {
            var host = container.Env(HostVariable);
            var port = container.Env(PortVariable);
            if (host != Localhost || port != KubePrismPort)
            {
                yield return new RenderFinding(
                    o,
                    $"container \"{container.Name}\" reaches the API at {host ?? $"(no {HostVariable})"}:{port ?? $"(no {PortVariable})"} "
                    + $"({container.At}.env), "
                    + $"but on Talos without kube-proxy only KubePrism ({Localhost}:{KubePrismPort}) answers before Cilium runs",
                    $"set k8sServiceHost: {Localhost} and k8sServicePort: {KubePrismPort}");
            }
        }
    }

    private static IEnumerable<RenderFinding> Config(IReadOnlyList<RenderedObject> objects)
    {
        var config = objects.FirstOrDefault(o => o.Kind?.Kind == "ConfigMap" && o.Name == ConfigMap);
        if (config?.Body["data"] is not JsonObject data)
        {
            yield return new RenderFinding(null, $"renders no ConfigMap {ConfigMap}", "render the cilium chart itself");
            yield break;
        }

        (string Key, string Expected, string Why, string Fix)[] required =
        [
            ("kube-proxy-replacement", "true", "Talos runs no kube-proxy (cluster.proxy.disabled): Cilium serves Services",
                "set kubeProxyReplacement: true"),
            ("cgroup-root", "/sys/fs/cgroup", "that is where Talos mounts cgroup2", "set cgroup.hostRoot: /sys/fs/cgroup"),
            ("k8s-service-host", Localhost, "KubePrism is the API endpoint on every node", $"set k8sServiceHost: {Localhost}"),
            ("k8s-service-port", KubePrismPort, "KubePrism listens there", $"set k8sServicePort: {KubePrismPort}"),
        ];
        foreach (var (key, expected, why, fix) in required)
        {
            var actual = GitOpsObject.Text(data[key]);
            // Cilium 1.20 passes the API endpoint as env, not config; where a release puts it in the ConfigMap it must match.
            if (actual != expected && (actual is not null || !key.StartsWith("k8s-service-", StringComparison.Ordinal)))
            {
                yield return new RenderFinding(config, $"data.{key} is {actual ?? "not set"}, but must be {expected}: {why}", fix);
            }
        }
    }

    private static IEnumerable<(RenderedObject Object, PodContainer Container)> Containers(IEnumerable<RenderedObject> objects) =>
        objects.SelectMany(o => PodTemplate.Of(o.Body)?.Containers.Select(c => (o, c)) ?? []);
}
