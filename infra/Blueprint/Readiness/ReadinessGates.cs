using System.Text;
using Bootstrap.Blueprint.Scripts;

namespace Bootstrap.Blueprint.Readiness;

/// <summary>
/// Local scripts that hold the next stage back until the cluster really is ready for it, with a deadline and a message
/// that names what is missing. Each is a resource that runs on `pulumi up` only: a preview never calls the cluster.
/// </summary>
public static class ReadinessGates
{
    /// <summary>
    /// kube-apiserver answers /readyz on the VIP. The kubeconfig comes as soon as Talos hands it out, and pulumi-kubernetes
    /// checks the cluster once, when configured (provider/pkg/provider/provider.go Configure): the provider waits for this.
    /// </summary>
    public static LocalScript ApiReady(string endpoint, string vip, string bootstrapIp)
    {
        const string name = "api-ready";
        var script = ScriptPrelude.For(name, $"kube-apiserver answers on {endpoint}", ScriptCredentials.Kubeconfig, "curl", "base64");
        script.Append(ScriptPrelude.KubeGet(endpoint));
        script.Append(Wait(name, "kube /readyz > /dev/null", $"kube-apiserver did not answer {endpoint}/readyz",
            $"check 'talosctl -n {bootstrapIp} service kube-apiserver'; the VIP {vip} moves to a control plane only once etcd runs"));
        script.Append($"echo \"{name}: kube-apiserver answers on {endpoint}\"\n");
        return new LocalScript($"kube-apiserver answers on {endpoint}", script.ToString(), [endpoint], ScriptCredentials.Kubeconfig);
    }

    /// <summary>
    /// cilium-operator has registered and established the CRDs Pulumi creates objects of. The Cilium chart ships no CRDs;
    /// the operator registers them when it starts (Cilium docs, "CRD registration"), after Helm has returned.
    /// </summary>
    public static LocalScript CiliumCrds(string endpoint, IReadOnlyList<string> crds)
    {
        const string name = "cilium-crds";
        var script = ScriptPrelude.For(name, "cilium-operator has registered its CRDs", ScriptCredentials.Kubeconfig, "curl", "base64", "grep");
        script.Append(ScriptPrelude.KubeGet(endpoint));
        foreach (var crd in crds)
        {
            script.Append(Wait(
                name,
                Holds($"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/{crd}", "Established"),
                $"cilium-operator has not registered {crd}",
                "check the cilium-operator pods in kube-system and their logs"));
        }

        script.Append($"echo \"{name}: {string.Join(", ", crds)} established\"\n");
        return new LocalScript("cilium-operator has registered its CRDs", script.ToString(), [.. crds], ScriptCredentials.Kubeconfig);
    }

    /// <summary>
    /// Talos reports the cluster healthy and every planned node is Ready; with no CNI configured talosctl health skips
    /// node readiness (siderolabs/talos pkg/cluster/check/default.go cniDisabledStatus), so that is read from the API.
    /// </summary>
    // No node lists for talosctl health: given lists it wants exactly those nodes (pkg/cluster/cluster.go NodesMatch), but a
    // node removed from the stack runs until the end of the update; without them Talos finds the members itself
    // (internal/app/machined/internal/server/v1alpha1/v1alpha1_cluster.go buildClusterInfo).
    public static LocalScript ClusterHealth(string endpoint, string bootstrapIp, IReadOnlyList<string> nodes)
    {
        const string name = "cluster-health";
        var script = ScriptPrelude.For(
            name, "Talos healthy and every node Ready", ScriptCredentials.Talosconfig | ScriptCredentials.Kubeconfig,
            "talosctl", "curl", "base64", "grep");
        script.Append(ScriptPrelude.KubeGet(endpoint));
        script.Append($"talosctl --endpoints {bootstrapIp} --nodes {bootstrapIp} health --wait-timeout \"${{wait_seconds}}s\"\n");
        foreach (var node in nodes)
        {
            script.Append(Wait(name, Holds($"/api/v1/nodes/{node}", "Ready"), $"node {node} is not Ready",
                $"check 'kubectl describe node {node}' and the Cilium agent on it"));
        }

        script.Append($"echo \"{name}: Talos healthy, {nodes.Count} node(s) Ready\"\n");
        return new LocalScript(
            $"Talos healthy and {nodes.Count} node(s) Ready",
            script.ToString(),
            [.. nodes],
            ScriptCredentials.Talosconfig | ScriptCredentials.Kubeconfig);
    }

    /// <summary>
    /// The object at <paramref name="path"/> has condition <paramref name="type"/> True, as compact JSON serializes it:
    /// type then status (the field order of k8s.io/api NodeCondition and CustomResourceDefinitionCondition).
    /// </summary>
    private static string Holds(string path, string type) =>
        $"{{ kube {path} > \"$work/body\" && grep -q '\"type\":\"{type}\",\"status\":\"True\"' \"$work/body\"; }}";

    private static string Wait(string name, string condition, string failure, string hint)
    {
        var text = new StringBuilder();
        text.Append(ScriptPrelude.StartWait).Append('\n');
        text.Append($"until {condition} 2> \"$work/error\"; do\n");
        text.Append($"  if {ScriptPrelude.DeadlinePassed}; then\n");
        text.Append($"    echo \"{name}: {failure} within ${{wait_seconds}}s: $(tail -n 1 \"$work/error\")\" >&2\n");
        text.Append($"    echo \"{name}: {hint}\" >&2\n");
        text.Append("    exit 1\n");
        text.Append("  fi\n");
        text.Append($"  sleep {ScriptPrelude.PollSeconds}\n");
        text.Append("done\n");
        return text.ToString();
    }
}
