using Bootstrap.Blueprint.Scripts;
using Bootstrap.Blueprint.Talos;

namespace Bootstrap.Blueprint.Upgrades;

/// <summary>How `pulumi up` moves a running cluster to the stack's versions: Talos node by node (control planes first, one
/// at a time), then Kubernetes with `talosctl upgrade-k8s`, then the machine configs. Each script fails closed and names
/// only its node and the bootstrap node; order and failure rules in docs/runbooks/upgrades.md.</summary>
public static class UpgradeScripts
{
    public const string HealthTimeout = "10m";
    public const string UpgradeTimeout = "20m";

    /// <summary>The Image Factory's virtual extension that carries the schematic id as its version.</summary>
    public const string SchematicExtension = "schematic";

    /// <summary>One node to the stack's Talos version and schematic; done only when both match. The Image Factory bakes the schematic
    /// into every image as a virtual extension <c>schematic</c> versioned by its id (siderolabs/image-factory
    /// internal/artifacts/schematic.go), listed by <c>talosctl get extensions</c>; another schematic is upgraded in place.</summary>
    public static LocalScript Talos(
        string node, string ip, string bootstrapIp, string target, string installerImage, string schematicId, TalosRelease release)
    {
        var name = $"talos-upgrade {node}";
        var previous = $"v{release.Major}.{release.Minor - 1}.*";
        var script = ScriptPrelude.For(name, $"Talos {target} on {node} ({ip}), one node at a time", ScriptCredentials.Talosconfig, "talosctl");
        script.Append(WaitForAnswer(name, node, ip, "version --json", "$work/answer"));
        script.Append($$"""
            running=$(grep -o '"tag":"[^"]*"' "$work/answer" | head -n 1 | cut -d '"' -f 4)
            if [ -z "$running" ]; then
              echo "{{name}}: talosctl version at {{ip}} answered without a Talos tag" >&2; exit 1
            fi
            # Each extension's metadata as indented JSON with sorted keys, so "version" is the line after "name"
            # (siderolabs/talos cmd/talosctl/cmd/talos/output/jsonpath.go printResult: json.MarshalIndent of a map).
            talosctl --endpoints {{ip}} --nodes {{ip}} get extensions -o jsonpath='{.spec.metadata}' > "$work/extensions"
            schematic=$(sed -n '/"name": *"{{SchematicExtension}}"/{n;s/.*"version": *"\([^"]*\)".*/\1/p;}' "$work/extensions" | head -n 1)
            if [ "$running" = "{{target}}" ] && [ "$schematic" = "{{schematicId}}" ]; then
              echo "{{node}} already runs Talos {{target}} with schematic {{schematicId}}"; exit 0
            fi
            case "$running" in
              {{previous}}|v{{release.Major}}.{{release.Minor}}.*) ;;
              *) echo "refusing: {{node}} runs Talos $running; {{target}} may only follow the previous or the same minor" >&2; exit 1 ;;
            esac
            if [ "$(printf '%s\n%s\n' "$running" "{{target}}" | sort -V | head -n 1)" != "$running" ]; then
              echo "refusing: {{node}} runs Talos $running, newer than {{target}} (no downgrades)" >&2; exit 1
            fi
            {{Health(bootstrapIp)}}
            echo "{{node}}: upgrading Talos $running (schematic ${schematic:-none}) -> {{target}} (schematic {{schematicId}})"
            talosctl --endpoints {{ip}} --nodes {{ip}} upgrade --image {{installerImage}} --wait --timeout {{UpgradeTimeout}}
            {{Health(bootstrapIp)}}

            """);
        return new LocalScript($"Talos {target} on {node} ({ip})", script.ToString(), [installerImage], ScriptCredentials.Talosconfig);
    }

    public static LocalScript Kubernetes(string bootstrapNode, string bootstrapIp, string target)
    {
        const string name = "kubernetes-upgrade";
        var script = ScriptPrelude.For(name, $"Kubernetes {target} with talosctl upgrade-k8s", ScriptCredentials.Talosconfig, "talosctl");
        script.Append(WaitForAnswer(name, bootstrapNode, bootstrapIp, "get kubeletspec -o jsonpath='{.spec.image}'", "$work/answer"));
        script.Append($$"""
            running=$(sed 's/.*://; s/^v//' "$work/answer")
            if [ -z "$running" ]; then
              echo "{{name}}: {{bootstrapNode}} ({{bootstrapIp}}) reports no kubelet image" >&2; exit 1
            fi
            if [ "$running" = "{{target}}" ]; then
              echo "Kubernetes already runs {{target}}"; exit 0
            fi
            if [ "$(printf '%s\n%s\n' "$running" "{{target}}" | sort -V | head -n 1)" != "$running" ]; then
              echo "refusing: Kubernetes runs $running, newer than {{target}} (no downgrades)" >&2; exit 1
            fi
            {{Health(bootstrapIp)}}
            echo "upgrading Kubernetes $running -> {{target}}"
            talosctl --endpoints {{bootstrapIp}} --nodes {{bootstrapIp}} upgrade-k8s --to {{target}} --dry-run
            talosctl --endpoints {{bootstrapIp}} --nodes {{bootstrapIp}} upgrade-k8s --to {{target}}
            {{Health(bootstrapIp)}}

            """);
        return new LocalScript(
            $"Kubernetes {target} (talosctl upgrade-k8s via {bootstrapNode})", script.ToString(), [target], ScriptCredentials.Talosconfig);
    }

    /// <summary>Asks the node with the cluster's credentials until it answers into <paramref name="answer"/>. A node refusing them
    /// but listing disks insecurely is new, in maintenance mode: exit 0 (the Talos provider's probe, siderolabs/terraform-provider-talos
    /// pkg/talos/util.go talosClientOp). Anything else fails at the deadline with the node and last error.</summary>
    /// <param name="newNode">What a node in maintenance mode means for this step (it exits 0 with it).</param>
    internal static string WaitForAnswer(string name, string node, string ip, string query, string answer, string newNode = "nothing to upgrade")
    {
        var unanswered = $"{name}: {node} ({ip}) answered neither with the cluster's credentials "
            + $"nor in maintenance mode within ${{wait_seconds}}s";
        return $$"""
            {{ScriptPrelude.StartWait}}
            until talosctl --endpoints {{ip}} --nodes {{ip}} {{query}} > "{{answer}}" 2> "$work/error"; do
              if talosctl --endpoints {{ip}} --nodes {{ip}} get disks --insecure > /dev/null 2>&1; then
                echo "{{node}} ({{ip}}) runs the maintenance-mode API (a new node): {{newNode}}"; exit 0
              fi
              if {{ScriptPrelude.DeadlinePassed}}; then
                echo "{{unanswered}}: $(tail -n 1 "$work/error")" >&2
                exit 1
              fi
              sleep {{ScriptPrelude.PollSeconds}}
            done

            """;
    }

    /// <summary>Server-side health from the bootstrap node without node lists: Talos discovers the members itself (siderolabs/talos
    /// internal/app/machined/internal/server/v1alpha1/v1alpha1_cluster.go buildClusterInfo), so the script survives node changes.</summary>
    private static string Health(string bootstrapIp) =>
        $"talosctl --endpoints {bootstrapIp} --nodes {bootstrapIp} health --wait-timeout {HealthTimeout}";
}
