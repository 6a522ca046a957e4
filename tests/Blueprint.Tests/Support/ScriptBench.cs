using System.Diagnostics;
using Bootstrap.Blueprint.Scripts;

namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>
/// Runs generated local scripts with bash against fake talosctl and curl on PATH that record their arguments and answer
/// like the real tools would in a given cluster state: no network, no cluster. The fakes model:
/// a configured node (FAKE_TALOS_MODE=configured) answers authenticated calls; a node in maintenance mode refuses the
/// cluster's credentials (its certificate is not signed by the cluster CA) but lists its disks over an insecure
/// connection; a node that is down or refuses TLS answers neither.
/// </summary>
internal sealed class ScriptBench : IDisposable
{
    private const string FakeTalosctl = """
        #!/usr/bin/env bash
        echo "talosctl $*" >> "$FAKE_LOG"
        mode="${FAKE_TALOS_MODE:-down}"
        args="$*"; asked="${args#*--nodes }"; asked="${asked%% *}"
        # FAKE_DOWN: nodes that answer nothing, whatever the mode of the others.
        case " ${FAKE_DOWN:-} " in *" $asked "*) mode=down ;; esac
        case "$mode:$*" in
          maintenance:*"get disks --insecure"*) exit 0 ;;
          *:*"get disks --insecure"*) echo "rpc error: code = Unavailable desc = tls: certificate required" >&2; exit 1 ;;
          down:*) echo "rpc error: code = Unavailable desc = dial tcp: connect: connection refused" >&2; exit 1 ;;
          maintenance:*) echo "rpc error: code = Unavailable desc = x509: certificate signed by unknown authority" >&2; exit 1 ;;
          tls:*) echo "rpc error: code = Unavailable desc = remote error: tls: bad certificate" >&2; exit 1 ;;
        esac
        case "$*" in
          *" version --json"*) printf '{"metadata":{"hostname":"node"},"version":{"tag":"%s","sha":"abc"}}\n' "$FAKE_TALOS" ;;
          *"get kubeletspec"*) printf 'ghcr.io/siderolabs/kubelet:%s' "$FAKE_KUBELET" ;;
          *" health "*) [ "${FAKE_HEALTH:-ok}" = ok ] || { echo "waiting for etcd to be healthy" >&2; exit 1; } ;;
          # ExtensionStatus metadata as talosctl's jsonpath prints it: indented JSON, sorted keys (output/jsonpath.go printResult).
          *" get extensions "*)
            printf '{\n    "author": "Sidero Labs",\n    "name": "qemu-guest-agent",\n    "version": "10.1.2"\n}\n'
            [ -z "${FAKE_SCHEMATIC:-}" ] || printf '{\n    "author": "Image Factory",\n    "compatibility": {\n        "talos": {\n'\
        '            "version": ">= 1.0.0"\n        }\n    },\n    "name": "schematic",\n    "version": "%s"\n}\n' "$FAKE_SCHEMATIC" ;;
          *" get nodestatus "*) echo "${FAKE_NODE_READY:-true}" ;;
          *" reset "*) [ "${FAKE_RESET:-ok}" = ok ] || { echo "error resetting: leaving etcd: context deadline exceeded" >&2; exit 1; } ;;
          *" etcd members"*)
            printf 'NODE            ID                 HOSTNAME   PEER URLS   CLIENT URLS   LEARNER\n'
            i=0
            for member in ${FAKE_ETCD_MEMBERS:-}; do
              i=$((i + 1)); printf '%s   %016x   %s   https://x:2380   https://x:2379   false\n' "$asked" "$i" "$member"
            done ;;
          *" etcd remove-member "*) ;;
          *" etcd status"*)
            args="$*"; node="${args#*--nodes }"; node="${node%% *}"
            # A member that is down can leave the etcd client waiting: FAKE_ETCD_HANG makes that node never answer.
            case " ${FAKE_ETCD_HANG:-} " in *" $node "*) exec sleep 3600 ;; esac
            case " ${FAKE_ETCD_ON:-} " in
              *" $node "*) printf 'NODE   MEMBER\n%s   1\n' "$node" ;;
              *) echo "error from node $node: rpc error: code = Unknown desc = failed to query etcd status: context deadline exceeded" >&2; exit 1 ;;
            esac ;;
          *" bootstrap"*)
            # machined Bootstrap: FailedPrecondition until ready, InvalidArgument without etcd config, AlreadyExists with data.
            if [[ "$*" == *"--recover-from "* ]]; then
              args="$*"; file="${args#*--recover-from }"
              [ -r "$file" ] || { echo "open $file: no such file or directory" >&2; exit 1; }
            fi
            answer="${FAKE_BOOTSTRAP:-ok}"
            if [ "$answer" = not-ready-once ]; then
              if [ -e "$FAKE_LOG.ready" ]; then answer=ok; else touch "$FAKE_LOG.ready"; answer=not-ready; fi
            fi
            case "$answer" in
              not-ready)
                echo "error executing bootstrap: rpc error: code = FailedPrecondition desc = bootstrap is not available yet" >&2; exit 1 ;;
              exists)
                echo "error executing bootstrap: rpc error: code = AlreadyExists desc = etcd data directory is not empty" >&2; exit 1 ;;
              no-etcd)
                echo "error executing bootstrap: rpc error: code = InvalidArgument desc = etcd is not configured, bootstrap is not possible" >&2
                exit 1 ;;
            esac ;;
        esac
        exit 0
        """;

    private const string FakeCurl = """
        #!/usr/bin/env bash
        echo "curl $*" >> "$FAKE_LOG"
        url="${@: -1}"; path="${url#https://*/}"; path="/${path%%\?*}"
        case "$path" in
          /readyz) [ "${FAKE_READYZ:-ok}" = ok ] || { echo "curl: (22) The requested URL returned error: 500" >&2; exit 22; } ;;
          /apis/apiextensions.k8s.io/v1/customresourcedefinitions/*)
            case " ${FAKE_CRDS:-} " in
              *" ${path##*/} "*)
                printf '{"kind":"CustomResourceDefinition","status":{"conditions":[{"type":"Established","status":"True",'
                printf '"reason":"InitialNamesAccepted"}]}}' ;;
              *) echo "curl: (22) The requested URL returned error: 404" >&2; exit 22 ;;
            esac ;;
          /api/v1/nodes/*)
            case " ${FAKE_READY_NODES:-} " in
              *" ${path##*/} "*) status=True ;;
              *) status=False ;;
            esac
            printf '{"kind":"Node","status":{"conditions":[{"type":"Ready","status":"%s","reason":"KubeletReady"}]}}' "$status" ;;
          *) echo "curl: (22) The requested URL returned error: 404" >&2; exit 22 ;;
        esac
        """;

    /// <summary>kubectl as the node removal uses it: FAKE_K8S_NODES lists the Node objects, FAKE_DRAIN=fail models a blocking PDB.</summary>
    private const string FakeKubectl = """
        #!/usr/bin/env bash
        echo "kubectl $*" >> "$FAKE_LOG"
        case "$*" in
          *"get --raw /readyz"*) [ "${FAKE_READYZ:-ok}" = ok ] || { echo "Unable to connect to the server: dial tcp: i/o timeout" >&2; exit 1; } ;;
          *" get node "*)
            args="$*"; node="${args#* get node }"; node="${node%% *}"
            case " ${FAKE_K8S_NODES:-} " in *" $node "*) ;; *) echo "Error from server (NotFound): nodes \"$node\" not found" >&2; exit 1 ;; esac ;;
          *" drain "*)
            [ "${FAKE_DRAIN:-ok}" = ok ] \
              || { echo "error when evicting pods: Cannot evict pod as it would violate the pod's disruption budget." >&2; exit 1; } ;;
          *" delete node "*) ;;
        esac
        exit 0
        """;

    /// <summary>A kubeconfig shaped like the one Talos generates, with placeholder certificates.</summary>
    public const string Kubeconfig = """
        apiVersion: v1
        kind: Config
        clusters:
          - name: dev
            cluster:
              server: https://192.168.40.60:6443
              certificate-authority-data: Q0EK
        users:
          - name: admin@dev
            user:
              client-certificate-data: Q0VSVAo=
              client-key-data: S0VZCg==
        """;

    /// <summary>The ordinary tools the scripts use, linked into the fake bin so that PATH holds nothing else.</summary>
    private static readonly string[] BaseTools = [
        "mktemp", "rm", "sed", "head", "tail", "base64", "grep", "cut", "sort", "sleep", "cat", "bash", "touch"];

    private static readonly string[] SystemFolders = ["/usr/bin", "/bin"];

    private readonly TempFolder _bin = new();

    public ScriptBench(params string[] tools)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the scripts are bash: run these tests on Linux or macOS");
        }

        foreach (var tool in BaseTools)
        {
            var found = SystemFolders.Select(d => Path.Combine(d, tool)).First(File.Exists);
            File.CreateSymbolicLink(_bin.File(tool), found);
        }

        foreach (var (name, text) in new[] { ("talosctl", FakeTalosctl), ("curl", FakeCurl), ("kubectl", FakeKubectl) }.Where(t => tools.Length == 0
            || tools.Contains(t.Item1)))
        {
            _bin.Write(name, text.Replace("\r", "", StringComparison.Ordinal) + "\n");
            File.SetUnixFileMode(_bin.File(name), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => _bin.Dispose();

    /// <summary>Runs the script; <paramref name="state"/> sets the FAKE_* variables. Waiting scripts give up at once (wait budget 0 s).</summary>
    public ScriptResult Run(LocalScript script, params (string Name, string Value)[] state)
    {
        var log = _bin.File("calls.log");
        File.WriteAllText(log, "");
        var start = new ProcessStartInfo("bash", ["-c", script.Script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        // Only the fakes and the basic tools: a real talosctl or curl on the machine must never be reached.
        start.Environment["PATH"] = _bin.Path;
        start.Environment[LocalScript.TalosconfigVariable] = "context: test";
        start.Environment[LocalScript.KubeconfigVariable] = Kubeconfig;
        start.Environment[ScriptPrelude.WaitVariable] = "0";
        start.Environment["FAKE_LOG"] = log;
        foreach (var (name, value) in state)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return new ScriptResult(process.ExitCode, stdout.Result + stderr, File.ReadAllLines(log));
    }
}

internal sealed record ScriptResult(int Exit, string Output, string[] Calls);
