using Bootstrap.Blueprint.Proxmox;
using Bootstrap.Blueprint.Scripts;
using Bootstrap.Blueprint.Upgrades;

namespace Bootstrap.Blueprint.Nodes;

/// <summary>
/// After each VM is created or resized, waits until the node is back, Ready and the cluster healthy; the next node's VM
/// waits for it, so resizes (which reboot the VM) roll one node at a time and etcd keeps its quorum.
/// </summary>
// bpg reboots a running VM after an update that needs it and returns once it runs, long before Talos is back
// (bpg proxmoxtf/resource/vm/vm.go vmRestartRunning). Without the reboot the change stays pending: only a Proxmox-side
// stop and start applies it, which a `talosctl reboot` inside the guest is not.
public static class VmReady
{
    public const string HealthTimeout = "10m";

    /// <summary>What reboots the VM when it changes: the step re-runs (is replaced) exactly then.</summary>
    public static IReadOnlyList<string> Triggers(VirtualMachine vm) => [$"cores={vm.Cores}", $"memoryMiB={vm.MemoryMiB}"];

    public static LocalScript For(string node, string ip, string bootstrapIp, VirtualMachine vm)
    {
        var name = $"vm-ready {node}";
        var script = ScriptPrelude.For(name, $"{node} ({ip}) is back, Ready and the cluster healthy after a VM change", ScriptCredentials.Talosconfig,
            "talosctl", "grep");
        script.Append($$"""
            {{UpgradeScripts.WaitForAnswer(name, node, ip, "version --json", "/dev/null", "nothing to wait for")}}
            # Talos mirrors the node's Ready condition (siderolabs/talos pkg/machinery/resources/k8s/node_status.go NodeStatus).
            until talosctl --endpoints {{ip}} --nodes {{ip}} get nodestatus {{node}} -o jsonpath='{.spec.nodeReady}' 2> "$work/error" \
              | grep -qx true; do
              if {{ScriptPrelude.DeadlinePassed}}; then
                echo "{{name}}: {{node}} is not Ready within ${wait_seconds}s after its VM changed: $(tail -n 1 "$work/error")" >&2
                exit 1
              fi
              sleep {{ScriptPrelude.PollSeconds}}
            done
            talosctl --endpoints {{bootstrapIp}} --nodes {{bootstrapIp}} health --wait-timeout {{HealthTimeout}}
            echo "{{name}}: {{node}} is Ready and the cluster healthy"

            """);
        return new LocalScript($"{node} is Ready again after a VM change", script.ToString(), Triggers(vm), ScriptCredentials.Talosconfig);
    }
}
