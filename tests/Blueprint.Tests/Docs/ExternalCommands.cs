namespace Bootstrap.Blueprint.Tests.Docs;

/// <summary>
/// The talosctl and pulumi subcommands and flags the docs and generated scripts may use; neither tool is installed here,
/// so this table stands in for their --help. From siderolabs/talos cmd/talosctl/cmd/talos (version.go: the hidden --json;
/// get.go: --insecure for the maintenance service) and the Pulumi CLI reference (pulumi/pulumi pkg/cmd/pulumi).
/// </summary>
internal static class ExternalCommands
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> GlobalFlags = new Dictionary<string, IReadOnlyList<string>>
    {
        ["talosctl"] = ["--nodes", "-n", "--endpoints", "-e", "--talosconfig", "--context", "--cluster"],
        ["pulumi"] = ["--stack", "-s", "--yes", "-y", "--cwd", "-C", "--non-interactive", "--color"],
    };

    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Subcommands =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>
    {
        ["talosctl"] = new Dictionary<string, IReadOnlyList<string>>
        {
            ["version"] = ["--short", "--client", "--insecure", "--json"],
            ["health"] = ["--control-plane-nodes", "--worker-nodes", "--wait-timeout", "--k8s-endpoint", "--server", "--run-e2e"],
            ["upgrade"] = ["--image", "--wait", "--timeout", "--preserve", "--stage", "--force", "--reboot-mode", "--debug", "--insecure"],
            ["upgrade-k8s"] = ["--to", "--from", "--dry-run", "--endpoint", "--upgrade-kubelet", "--pre-pull-images"],
            ["rollback"] = [],
            ["etcd snapshot"] = [],
            ["etcd members"] = [],
            ["etcd remove-member"] = [],
            ["etcd status"] = [],
            ["bootstrap"] = ["--recover-from", "--recover-skip-hash-check"],
            ["reset"] = ["--graceful", "--reboot", "--system-labels-to-wipe", "--user-disks-to-wipe", "--wipe-mode", "--wait", "--timeout",
                "--insecure"],
            ["service"] = [],
            ["dmesg"] = ["--follow", "-f", "--tail"],
            ["get"] = ["--output", "-o", "--namespace", "--watch", "-w", "--insecure", "-i"],
        },
        ["pulumi"] = new Dictionary<string, IReadOnlyList<string>>
        {
            ["login"] = ["--local", "--cloud-url"],
            ["stack init"] = ["--secrets-provider", "--copy-config-from"],
            ["stack rm"] = ["--force", "-f", "--preserve-config"],
            ["stack output"] = ["--json", "-j", "--show-secrets", "--shell"],
            ["stack"] = [],
            ["config set"] = ["--secret", "--path", "--plaintext", "--type"],
            ["config rm"] = ["--path"],
            ["preview"] = ["--diff", "--refresh", "--expect-no-changes", "--json"],
            ["up"] = ["--skip-preview", "--refresh", "--diff", "--target"],
            ["destroy"] = ["--skip-preview", "--target"],
            ["refresh"] = [],
            ["state unprotect"] = ["--all", "--yes", "-y"],
        },
    };
}
