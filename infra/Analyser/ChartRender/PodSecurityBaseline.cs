using System.Text.Json;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.GitOps;

namespace Bootstrap.Analyser.ChartRender;

/// <summary>The Pod Security Standards' baseline profile, which Talos enforces in every namespace but kube-system: a pod that breaks a
/// control is rejected when its controller creates it, so its Deployment never becomes ready. Controls and allowed values follow the
/// admission plugin's checks for the newest policy version (kubernetes/pod-security-admission policy/check_*.go).</summary>
public static class PodSecurityBaseline
{
    public const string ExemptNamespace = "kube-system";

    private static readonly HashSet<string> AllowedCapabilities =
    [
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID",
        "SYS_CHROOT",
    ];

    private static readonly HashSet<string> SafeSysctls =
    [
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
        "net.ipv4.ip_unprivileged_port_start", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time",
        "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
    ];

    private static readonly HashSet<string> AllowedSeLinuxTypes = ["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"];
    private static readonly string[] Probes = ["livenessProbe", "readinessProbe", "startupProbe"];
    private static readonly string[] Hooks = ["postStart", "preStop"];
    private static readonly string[] HostNamespaces = ["hostNetwork", "hostPID", "hostIPC"];
    private static readonly string[] HandlerKinds = ["httpGet", "tcpSocket"];
    private static readonly string[] SeLinuxIdentity = ["user", "role"];
    private const string AppArmorAnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

    /// <summary>Every baseline control <paramref name="pod"/> breaks, each naming the field and the value Talos refuses.</summary>
    public static IReadOnlyList<string> Violations(PodTemplate pod)
    {
        var spec = pod.Spec;
        var at = $"{pod.At}spec";
        var found = new List<string>();
        foreach (var name in HostNamespaces.Where(n => True(spec[n])))
        {
            found.Add($"{at}.{name} is true (host namespaces)");
        }

        found.AddRange(SecurityContext(spec["securityContext"], $"{at}.securityContext", pod: true));
        foreach (var volume in (spec["volumes"] as JsonArray ?? []).OfType<JsonObject>().Where(v => v["hostPath"] is not null))
        {
            found.Add($"volume \"{GitOpsObject.Text(volume["name"])}\" is a hostPath ({at}.volumes[].hostPath)");
        }

        var userNamespace = spec["hostUsers"] is JsonValue hostUsers && hostUsers.GetValueKind() == JsonValueKind.False;
        foreach (var (where, name, container) in pod.Containers)
        {
            found.AddRange(SecurityContext(container["securityContext"], $"{where}.securityContext", pod: false, userNamespace)
                .Select(v => $"container \"{name}\": {v}"));
            var hostPorts = (container["ports"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Where(p => p["hostPort"] is JsonValue v && v.ToJsonString() != "0");
            foreach (var port in hostPorts)
            {
                found.Add($"container \"{name}\": {where}.ports[].hostPort is {port["hostPort"]!.ToJsonString()} (host ports)");
            }

            var handlers = Probes.Select(p => (Field: p, Node: container[p]))
                .Concat(Hooks.Select(h => (Field: $"lifecycle.{h}", Node: container["lifecycle"]?[h])));
            foreach (var (field, handler) in handlers)
            {
                foreach (var kind in HandlerKinds.Where(k => GitOpsObject.Text(handler?[k]?["host"]) is { Length: > 0 }))
                {
                    found.Add($"container \"{name}\": {where}.{field}.{kind}.host is set (probe and lifecycle hosts)");
                }
            }
        }

        foreach (var (key, value) in pod.Metadata["annotations"] as JsonObject ?? [])
        {
            var profile = GitOpsObject.Text(value) ?? "";
            var allowed = profile.Length == 0 || profile == "runtime/default" || profile.StartsWith("localhost/", StringComparison.Ordinal);
            if (key.StartsWith(AppArmorAnnotationPrefix, StringComparison.Ordinal) && !allowed)
            {
                found.Add($"annotation {key} is \"{profile}\" (AppArmor)");
            }
        }

        return found;
    }

    private static IEnumerable<string> SecurityContext(JsonNode? context, string at, bool pod, bool userNamespace = false)
    {
        if (context is not JsonObject sc)
        {
            yield break;
        }

        if (True(sc["windowsOptions"]?["hostProcess"]))
        {
            yield return $"{at}.windowsOptions.hostProcess is true (HostProcess)";
        }

        if (!pod && True(sc["privileged"]))
        {
            yield return $"{at}.privileged is true (privileged containers)";
        }

        var added = (sc["capabilities"]?["add"] as JsonArray ?? []).Select(GitOpsObject.Text).OfType<string>()
            .Where(c => !AllowedCapabilities.Contains(c))
            .ToList();
        if (!pod && added.Count > 0)
        {
            yield return $"{at}.capabilities.add has {string.Join(", ", added)} "
                + $"(capabilities beyond the baseline set {string.Join(", ", AllowedCapabilities.Order(StringComparer.Ordinal))})";
        }

        var appArmor = GitOpsObject.Text(sc["appArmorProfile"]?["type"]);
        if (appArmor is not null && appArmor is not ("RuntimeDefault" or "Localhost"))
        {
            yield return $"{at}.appArmorProfile.type is {appArmor} (AppArmor: RuntimeDefault or Localhost)";
        }

        if (sc["seLinuxOptions"] is JsonObject selinux)
        {
            var type = GitOpsObject.Text(selinux["type"]) ?? "";
            if (!AllowedSeLinuxTypes.Contains(type))
            {
                yield return $"{at}.seLinuxOptions.type is {type} (SELinux)";
            }

            foreach (var field in SeLinuxIdentity.Where(f => GitOpsObject.Text(selinux[f]) is { Length: > 0 }))
            {
                yield return $"{at}.seLinuxOptions.{field} is set (SELinux)";
            }
        }

        var procMount = GitOpsObject.Text(sc["procMount"]);
        if (!pod && !userNamespace && procMount is not null && procMount != "Default")
        {
            yield return $"{at}.procMount is {procMount} (/proc mount type)";
        }

        if (GitOpsObject.Text(sc["seccompProfile"]?["type"]) is { } seccomp && seccomp is not ("RuntimeDefault" or "Localhost"))
        {
            yield return $"{at}.seccompProfile.type is {seccomp} (seccomp)";
        }

        var sysctls = (sc["sysctls"] as JsonArray ?? []).Select(s => GitOpsObject.Text(s?["name"])).OfType<string>()
            .Where(n => !SafeSysctls.Contains(n))
            .ToList();
        if (pod && sysctls.Count > 0)
        {
            yield return $"{at}.sysctls has {string.Join(", ", sysctls)} (sysctls outside the safe set)";
        }
    }

    private static bool True(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.True;
}
