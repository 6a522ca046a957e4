using Bootstrap.Blueprint.Scripts;
using Bootstrap.Blueprint.Plan;

namespace Bootstrap.Tools.Backup;

/// <summary>
/// <c>talosctl etcd snapshot</c> for a stack: taken from the first control plane, reached through the control-plane IPs (the
/// Talos client endpoints, never the VIP, which exists only while etcd is healthy). Restore: <c>talosctl bootstrap --recover-from</c>.
/// </summary>
public static class EtcdSnapshot
{
    public const string Tool = "talosctl";

    public static IReadOnlyList<string> Arguments(TalosClusterPlan talos, string path) =>
        ["etcd", "snapshot", path, "--nodes", talos.ClientEndpoints[0], "--endpoints", string.Join(",", talos.ClientEndpoints)];

    /// <summary>The command as a person would type it.</summary>
    public static string Command(TalosClusterPlan talos, string path) => ShellWords.Join([Tool, .. Arguments(talos, path)]);
}
