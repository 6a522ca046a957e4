using Bootstrap.Blueprint.Scripts;

namespace Bootstrap.Blueprint.Talos;

/// <summary>Bootstraps etcd once, from a snapshot when configured. A script, not the provider's bootstrap resource, which can
/// neither restore (no recover-from) nor run twice: it retries AlreadyExists for its whole timeout (siderolabs/terraform-provider-talos
/// pkg/talos/talos_machine_bootstrap_resource.go Create). If etcd answers on any control plane nothing is done, since a
/// second bootstrap would start a second etcd cluster; else it runs `talosctl bootstrap` on the first control plane.</summary>
public static class EtcdBootstrap
{
    /// <summary>How long one probe of a control plane may take: an etcd client waiting for a member that is down blocks.</summary>
    public const int ProbeSeconds = 20;

    /// <param name="snapshot">The etcd snapshot to restore (bootstrap:etcdSnapshot), relative to where pulumi runs; null for an empty etcd.</param>
    /// <param name="probeSeconds">How long one control plane may take to answer the probe (<see cref="ProbeSeconds"/>).</param>
    public static LocalScript Script(
        string bootstrapNode, string bootstrapIp, IReadOnlyList<string> controlPlaneIps, string? snapshot, int probeSeconds = ProbeSeconds)
    {
        const string name = "etcd-bootstrap";
        var what = snapshot is null ? $"etcd bootstrapped on {bootstrapNode}" : $"etcd restored on {bootstrapNode} from {snapshot}";
        var script = ScriptPrelude.For(name, $"{what}, unless etcd already runs", ScriptCredentials.Talosconfig, "talosctl", "sleep", "grep");
        var recover = "";
        if (snapshot is not null)
        {
            recover = " --recover-from \"$snapshot\"";
            script.Append($$"""
                snapshot={{ShellWords.Quote(snapshot)}}
                if [ ! -r "$snapshot" ]; then
                  echo "{{name}}: cannot read the etcd snapshot $snapshot" >&2
                  echo "{{name}}: bootstrap:etcdSnapshot names it, relative to where pulumi runs or absolute" >&2
                  exit 1
                fi

                """);
        }

        // machined's Bootstrap answers FailedPrecondition until the node is ready (retry), InvalidArgument when the config has
        // no etcd (final) and AlreadyExists when etcd has data (done); EtcdStatus queries the local member
        // (siderolabs/talos internal/app/machined/internal/server/v1alpha1/v1alpha1_server.go).
        script.Append($$"""
            # At most {{probeSeconds}}s per control plane, in plain bash: coreutils timeout is not on every admin machine (macOS).
            etcd_answers() {
              talosctl --endpoints "$1" --nodes "$1" etcd status > /dev/null 2>&1 &
              local probe=$! watcher
              (sleep {{probeSeconds}}; kill "$probe" 2> /dev/null) > /dev/null 2>&1 &
              watcher=$!
              if wait "$probe"; then kill "$watcher" 2> /dev/null; return 0; fi
              kill "$watcher" 2> /dev/null
              return 1
            }
            etcd_runs_on() {
              for ip in {{string.Join(' ', controlPlaneIps)}}; do
                if etcd_answers "$ip"; then
                  echo "$ip"
                  return 0
                fi
              done
              return 1
            }
            {{ScriptPrelude.StartWait}}
            while true; do
              if running=$(etcd_runs_on); then
                echo "{{name}}: etcd already runs on $running; not bootstrapping again"
                exit 0
              fi
              if talosctl --endpoints {{bootstrapIp}} --nodes {{bootstrapIp}} bootstrap{{recover}} > /dev/null 2> "$work/error"; then
                echo "{{name}}: {{what}}"
                exit 0
              fi
              if grep -q 'code = AlreadyExists' "$work/error"; then
                echo "{{name}}: {{bootstrapNode}} already holds etcd data; not bootstrapping again"
                exit 0
              fi
              if grep -q 'code = InvalidArgument' "$work/error" || {{ScriptPrelude.DeadlinePassed}}; then
                reason=$(tail -n 1 "$work/error")
                echo "{{name}}: {{bootstrapNode}} ({{bootstrapIp}}) did not accept the bootstrap within ${wait_seconds}s: $reason" >&2
                echo "{{name}}: check 'talosctl -n {{bootstrapIp}} service etcd' and 'talosctl -n {{bootstrapIp}} dmesg'" >&2
                exit 1
              fi
              sleep {{ScriptPrelude.PollSeconds}}
            done

            """);
        // Once per cluster: adding a control plane or naming a snapshot later changes the text, and must not re-run it.
        return new LocalScript(what, script.ToString(), [], ScriptCredentials.Talosconfig, RunOnce: true);
    }
}
