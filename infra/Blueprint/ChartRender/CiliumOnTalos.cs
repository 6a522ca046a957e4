using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Addons;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Talos;

namespace Bootstrap.Blueprint.ChartRender;

/// <summary>
/// What the rendered Cilium chart must do on Talos (Talos docs, "Deploying Cilium CNI",
/// https://www.talos.dev/v1.13/kubernetes-guides/network/deploying-cilium/): reach the API through KubePrism on
/// localhost:7445, since no kube-proxy and no Service work before Cilium does; run the agent with exactly the capabilities
/// Talos allows (no SYS_MODULE: "Talos does not allow loading kernel modules by Kubernetes workloads"); replace kube-proxy;
/// use Talos' own cgroup2 mount. The values say so (<see cref="CoreValuesRule"/>); this checks the chart really renders it.
/// </summary>
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

    public static IReadOnlyList<RenderFinding> Check(IReadOnlyList<RenderedObject> objects)
    {
        var findings = new List<RenderFinding>();
        var agent = objects.FirstOrDefault(o => o.Kind?.Kind == "DaemonSet" && o.Name == AgentDaemonSet);
        var agentPod = agent is null ? null : PodTemplate.Of(agent.Body);
        var agentContainer = agentPod?.Containers.FirstOrDefault(c => c.Name == Agent);
        if (agent is null || agentContainer is null)
        {
            return [new RenderFinding(null, $"renders no DaemonSet {AgentDaemonSet} with a {Agent} container, so the checks Talos needs cannot run", "render the cilium chart itself, not a wrapper")];
        }

        findings.AddRange(Capabilities(agent, agentContainer.Value, "ciliumAgent"));
        if (agentPod!.Containers.FirstOrDefault(c => c.Name == CleanState) is { Container: not null } clean)
        {
            findings.AddRange(Capabilities(agent, clean, "cleanCiliumState"));
        }

        foreach (var (o, (_, name, container)) in Pods(objects).Where(p => Added(p.Container.Container).Contains("SYS_MODULE")))
        {
            findings.Add(new RenderFinding(o, $"container \"{name}\" adds SYS_MODULE, which Talos refuses: it does not let workloads load kernel modules", "remove SYS_MODULE from the Cilium securityContext.capabilities values"));
        }

        if (agentPod.Containers.Any(c => c.Name == MountCgroup))
        {
            findings.Add(new RenderFinding(agent, $"runs the {MountCgroup} init container, but Talos mounts cgroup2 itself", "set cgroup.autoMount.enabled: false and cgroup.hostRoot: /sys/fs/cgroup"));
        }

        findings.AddRange(KubePrism(objects, agent, agentContainer.Value));
        findings.AddRange(Config(objects));
        return findings;
    }

    private static IEnumerable<RenderFinding> Capabilities(RenderedObject agent, (string At, string Name, JsonObject Container) container, string valuesKey)
    {
        var rule = CoreValuesRule.Required.Single(r => r.App == Chart && r.Key == $"securityContext.capabilities.{valuesKey}");
        var expected = ((JsonArray)rule.Expected).Select(GitOpsObject.Text).OfType<string>().ToHashSet();
        var actual = Added(container.Container);
        if (!actual.SetEquals(expected))
        {
            var missing = expected.Except(actual).Order(StringComparer.Ordinal).ToList();
            var extra = actual.Except(expected).Order(StringComparer.Ordinal).ToList();
            yield return new RenderFinding(
                agent,
                $"container \"{container.Name}\" adds [{string.Join(", ", actual.Order(StringComparer.Ordinal))}] ({container.At}.securityContext.capabilities.add), "
                + $"but Talos needs exactly [{string.Join(", ", expected.Order(StringComparer.Ordinal))}]"
                + (missing.Count > 0 ? $"; missing {string.Join(", ", missing)}" : "") + (extra.Count > 0 ? $"; extra {string.Join(", ", extra)}" : ""),
                $"set {rule.Key} to exactly that list");
        }
    }

    private static IEnumerable<RenderFinding> KubePrism(IReadOnlyList<RenderedObject> objects, RenderedObject agent, (string At, string Name, JsonObject Container) agentContainer)
    {
        var port = MachinePatches.KubePrismPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var checkedContainers = new List<(RenderedObject Object, (string At, string Name, JsonObject Container) Container, bool Required)> { (agent, agentContainer, true) };
        var operatorObject = objects.FirstOrDefault(o => o.Kind?.Kind == "Deployment" && o.Name == Operator);
        if (operatorObject is not null && PodTemplate.Of(operatorObject.Body)?.Containers.FirstOrDefault(c => c.Name == Operator) is { Container: not null } op)
        {
            checkedContainers.Add((operatorObject, op, true));
        }

        // Every other container that names an API endpoint must name KubePrism too.
        checkedContainers.AddRange(Pods(objects)
            .Where(p => Env(p.Container.Container, "KUBERNETES_SERVICE_HOST") is not null && !checkedContainers.Any(c => c.Container.Container == p.Container.Container))
            .Select(p => (p.Object, p.Container, false)));
        foreach (var (o, (at, name, container), required) in checkedContainers)
        {
            var host = Env(container, "KUBERNETES_SERVICE_HOST");
            var hostPort = Env(container, "KUBERNETES_SERVICE_PORT");
            if ((required || host is not null) && (host != Localhost || hostPort != port))
            {
                yield return new RenderFinding(
                    o,
                    $"container \"{name}\" reaches the API at {host ?? "(no KUBERNETES_SERVICE_HOST)"}:{hostPort ?? "(no KUBERNETES_SERVICE_PORT)"} ({at}.env), "
                    + $"but on Talos without kube-proxy only KubePrism ({Localhost}:{port}) answers before Cilium runs",
                    $"set k8sServiceHost: {Localhost} and k8sServicePort: {port}");
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

        var port = MachinePatches.KubePrismPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (string Key, string Expected, string Why, string Fix)[] required =
        [
            ("kube-proxy-replacement", "true", "Talos runs no kube-proxy (cluster.proxy.disabled), so Cilium must serve Services", "set kubeProxyReplacement: true"),
            ("cgroup-root", "/sys/fs/cgroup", "that is where Talos mounts cgroup2", "set cgroup.hostRoot: /sys/fs/cgroup"),
            ("k8s-service-host", Localhost, "KubePrism is the API endpoint on every node", $"set k8sServiceHost: {Localhost}"),
            ("k8s-service-port", port, "KubePrism listens there", $"set k8sServicePort: {port}"),
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

    private static IEnumerable<(RenderedObject Object, (string At, string Name, JsonObject Container) Container)> Pods(IEnumerable<RenderedObject> objects) =>
        objects.SelectMany(o => PodTemplate.Of(o.Body)?.Containers.Select(c => (o, c)) ?? []);

    private static HashSet<string> Added(JsonObject container) =>
        (container["securityContext"]?["capabilities"]?["add"] as JsonArray ?? []).Select(GitOpsObject.Text).OfType<string>().ToHashSet();

    private static string? Env(JsonObject container, string name) =>
        (container["env"] as JsonArray ?? []).OfType<JsonObject>().Where(e => GitOpsObject.Text(e["name"]) == name).Select(e => GitOpsObject.Text(e["value"])).FirstOrDefault();
}
