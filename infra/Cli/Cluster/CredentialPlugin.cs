using System.Diagnostics;
using k8s.KubeConfigModels;

namespace Bootstrap.Cli.Cluster;

/// <summary>A kubeconfig's credential plugin (users[].user.exec), which the Kubernetes client runs on load and on token
/// expiry, waiting up to two minutes (kubernetes-client/csharp KubernetesClientConfiguration.ConfigFile.cs
/// ExecuteExternalCommand). Commands bound it themselves; a plugin this process started never outlives the command.</summary>
internal static class CredentialPlugin
{
    /// <summary>The plugin command of the current context's user, or null when it has none (or the file cannot say).</summary>
    public static string? Command(K8SConfiguration config)
    {
        try
        {
            var context = config.Contexts?.FirstOrDefault(c => c.Name == config.CurrentContext);
            var user = config.Users?.FirstOrDefault(u => u.Name == context?.ContextDetails?.User);
            return user?.UserCredentials?.ExternalExecution?.Command is { Length: > 0 } command ? command : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>Ends every process this process started whose program is <paramref name="command"/> (Linux: /proc).</summary>
    public static void End(string command)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var program = Path.GetFileName(command);
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || ParentOf(folder) != Environment.ProcessId)
            {
                continue;
            }

            if (ProgramOf(folder).Any(started => Path.GetFileName(started) == program))
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill(entireProcessTree: true);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // Already gone.
                }
            }
        }
    }

    /// <summary>The parent pid from /proc/PID/stat: the field after the command name, which is in parentheses and may hold spaces.</summary>
    private static int? ParentOf(string folder)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(folder, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 1 && int.TryParse(fields[1], out var parent) ? parent : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>argv[0] and argv[1] from /proc/PID/cmdline: a script started through its #! interpreter shows as argv[1].</summary>
    private static List<string> ProgramOf(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0').Take(2).Where(a => a.Length > 0).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
