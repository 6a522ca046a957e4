using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Repository;
using k8s;

namespace Bootstrap.Cli.Cluster;

/// <summary>The cluster a kubeconfig's current context points at, or why it cannot be used.</summary>
internal static class Kubeconfig
{
    public const string Hint = "pass the file from `pulumi stack output kubeconfig --show-secrets`";

    public static (KubernetesClientConfiguration? Config, string? Problem) Load(FileInfo file)
    {
        if (!file.Exists)
        {
            return (null, $"--kubeconfig {file.FullName}: no such file; {Hint}");
        }

        try
        {
            // Read once within bounds first: the client library would read a device such as /dev/zero until memory runs out.
            FileText.Read(file.FullName, "--kubeconfig");
        }
        catch (BlueprintException e)
        {
            return (null, $"--kubeconfig {file.FullName}: {e.Diagnostics[0].Problem}; {Hint}");
        }

        try
        {
            var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(file);
            return string.IsNullOrEmpty(config.Host)
                ? (null, $"--kubeconfig {file.FullName}: the current context names no server; {Hint}")
                : (config, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The file holds credentials: say what is wrong with it, never echo its content.
            return (null, $"--kubeconfig {file.FullName}: not a usable kubeconfig ({e.GetType().Name}: {FirstLine(e.Message)}); {Hint}");
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
