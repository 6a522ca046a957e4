using System.Text;
using Bootstrap.Blueprint.Scripts;

namespace Bootstrap.Blueprint.Nodes;

/// <summary>
/// Taking a node out when it leaves the stack: one command per node whose delete script drains, gracefully resets (a
/// control plane leaves etcd) and deletes the node before its VM goes; chained node by node, nodes leave one at a time.
/// </summary>
// Pulumi deletes what a program no longer registers at the end of an update, dependents first (pulumi/pulumi
// pkg/resource/deploy/step_generator.go ScheduleDeletes); pulumi-command runs the delete script with the stored inputs
// (provider/pkg/provider/local/commandController.go Delete); Talos' graceful reset drains and leaves etcd
// (siderolabs/talos internal/app/machined/pkg/runtime/v1alpha1/v1alpha1_sequencer.go Reset).
public static class NodeRemoval
{
    public const string ResetTimeout = "10m";

    /// <summary>Where pulumi runs, set to 1 for a `pulumi destroy` of the whole cluster: nodes are deleted without drain or reset.</summary>
    public const string TeardownVariable = "BOOTSTRAP_TEARDOWN";

    /// <param name="otherControlPlanes">The other control planes' IPs: where an unreachable control plane's etcd member is removed.</param>
    public static LocalScript For(string node, string ip, bool controlPlane, IReadOnlyList<string> otherControlPlanes)
    {
        var name = $"node-removal {node}";
        // Creating the step only checks that the delete script will find its tools: known when the node joins, not when it leaves.
        var create = ScriptPrelude.For(
            name,
            $"{node} joins; its removal is the delete script",
            ScriptCredentials.Talosconfig | ScriptCredentials.Kubeconfig,
            "talosctl",
            "kubectl");
        create.Append($"echo \"{name}: {node} ({ip}) joins; removing it from the stack drains, resets and deletes it\"\n");
        return new LocalScript(
            $"{node} leaves the cluster when it is removed (drain, talosctl reset --graceful, delete the Node)",
            create.ToString(),
            [],
            ScriptCredentials.Talosconfig | ScriptCredentials.Kubeconfig,
            DeleteScript: Delete(name, node, ip, controlPlane, otherControlPlanes));
    }

    private static string Delete(string name, string node, string ip, bool controlPlane, IReadOnlyList<string> otherControlPlanes)
    {
        var script = ScriptPrelude.For(
            name, $"drain, reset and delete {node} ({ip})", ScriptCredentials.Talosconfig | ScriptCredentials.Kubeconfig, "talosctl", "kubectl");
        var kubectl = "kubectl --kubeconfig \"$work/kubeconfig\" --request-timeout 10s";
        var unreachable = controlPlane
            ? EtcdRemoveMember(name, node, otherControlPlanes)
            : $"  echo \"{name}: {node} ({ip}) does not answer: it has nothing left to drain or reset\"\n";
        script.Append($$"""
            if [ "${{{TeardownVariable}}:-}" = 1 ]; then
              echo "{{name}}: {{TeardownVariable}}=1, the whole cluster goes: {{node}} is not drained or reset"; exit 0
            fi
            {{ScriptPrelude.StartWait}}
            answered=no
            until talosctl --endpoints {{ip}} --nodes {{ip}} version > /dev/null 2> "$work/error"; do
              if talosctl --endpoints {{ip}} --nodes {{ip}} get disks --insecure > /dev/null 2>&1; then
                answered=maintenance; break
              fi
              if {{ScriptPrelude.DeadlinePassed}}; then answered=never; break; fi
              sleep {{ScriptPrelude.PollSeconds}}
            done
            [ "$answered" != no ] || answered=yes
            case "$answered" in
              yes)
                if {{kubectl}} get node {{node}} > /dev/null 2>&1; then
                  # Fails while a PodDisruptionBudget blocks an eviction: the node stays cordoned and running, nothing is lost.
                  {{kubectl}} drain {{node}} --ignore-daemonsets --delete-emptydir-data --timeout "${wait_seconds}s"
                fi
                echo "{{name}}: resetting {{node}} ({{ip}}){{(controlPlane ? ", which leaves etcd" : "")}}"
                talosctl --endpoints {{ip}} --nodes {{ip}} reset --graceful --reboot=false --wait --timeout {{ResetTimeout}}
                ;;
              maintenance) echo "{{name}}: {{node}} ({{ip}}) runs the maintenance-mode API: it never joined" ;;
              never)
            {{unreachable}}    ;;
            esac
            if {{kubectl}} get --raw /readyz > /dev/null 2>&1; then
              {{kubectl}} delete node {{node}} --ignore-not-found --wait=true
            else
              echo "{{name}}: the Kubernetes API does not answer: no Node object to delete"
            fi
            echo "{{name}}: {{node}} left the cluster"

            """);
        return script.ToString();
    }

    /// <summary>
    /// A dead control plane cannot leave etcd itself: another one removes its member by ID, found by hostname in
    /// `talosctl etcd members` (siderolabs/talos cmd/talosctl/cmd/talos/etcd.go). With none answering, the cluster is gone.
    /// </summary>
    private static string EtcdRemoveMember(string name, string node, IReadOnlyList<string> others)
    {
        var text = new StringBuilder();
        text.Append($"  removed=no\n  for other in {(others.Count == 0 ? "''" : string.Join(' ', others))}; do\n");
        text.Append("    [ -n \"$other\" ] || continue\n");
        text.Append("    if talosctl --endpoints \"$other\" --nodes \"$other\" etcd members > \"$work/members\" 2> /dev/null; then\n");
        text.Append("      member=''\n");
        text.Append("      while read -r first second third rest; do\n");
        text.Append($"        if [ \"$third\" = '{node}' ]; then member=$second; elif [ \"$second\" = '{node}' ]; then member=$first; fi\n");
        text.Append("      done < \"$work/members\"\n");
        text.Append("      if [ -n \"$member\" ]; then\n");
        text.Append("        talosctl --endpoints \"$other\" --nodes \"$other\" etcd remove-member \"$member\"\n");
        text.Append("      fi\n");
        text.Append("      removed=yes; break\n");
        text.Append("    fi\n");
        text.Append("  done\n");
        text.Append($"  [ \"$removed\" = yes ] || echo \"{name}: no control plane answers: the cluster is gone, no etcd member to remove\"\n");
        return text.ToString();
    }
}
