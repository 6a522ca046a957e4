using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Yaml;
using k8s;
using k8s.KubeConfigModels;

namespace Bootstrap.Cli.Cluster;

/// <summary>The cluster a kubeconfig's current context points at, or why it cannot be used.</summary>
internal static class Kubeconfig
{
    public const string Hint = "pass the file from `pulumi stack output kubeconfig --show-secrets`";

    public static (KubernetesClientConfiguration? Config, string? Problem) Load(FileInfo file)
    {
        var (parsed, problem) = Read(file);
        return parsed is null ? (null, problem) : Build(file, parsed);
    }

    /// <summary>
    /// The kubeconfig as the client library reads it, from text read once within the limits every input file has (size by
    /// the bytes actually read, so /dev/zero stops; YAML nodes after alias expansion and depth, so an alias bomb stops).
    /// </summary>
    private static (K8SConfiguration? Parsed, string? Problem) Read(FileInfo file)
    {
        if (!file.Exists)
        {
            return (null, $"--kubeconfig {file.FullName}: no such file; {Hint}");
        }

        try
        {
            var text = FileText.Read(file.FullName, "--kubeconfig");
            YamlReader.ParseAll(text, "--kubeconfig");
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
            var parsed = KubernetesClientConfiguration.LoadKubeConfig(stream);
            parsed.FileName = file.FullName; // relative certificate and token file paths resolve beside the kubeconfig
            return (parsed, null);
        }
        catch (BlueprintException e)
        {
            return (null, $"--kubeconfig {file.FullName}: {e.Diagnostics[0].Problem}; {Hint}");
        }
        catch (YamlFormatException e)
        {
            // The file holds credentials: say where it is wrong, never echo its content.
            return (null,
                $"--kubeconfig {file.FullName}: not a usable kubeconfig (line {e.Line}, column {e.Column}: {Excerpt.Of(e.Problem)}); {Hint}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, Unusable(file, e));
        }
    }

    private static (KubernetesClientConfiguration? Config, string? Problem) Build(FileInfo file, K8SConfiguration parsed)
    {
        try
        {
            var config = KubernetesClientConfiguration.BuildConfigFromConfigObject(parsed);
            return string.IsNullOrEmpty(config.Host)
                ? (null, $"--kubeconfig {file.FullName}: the current context names no server; {Hint}")
                : !Uri.TryCreate(config.Host, UriKind.Absolute, out var server) || server.Scheme is not ("https" or "http")
                ? (null, $"--kubeconfig {file.FullName}: the current context's server '{Excerpt.Of(Redaction.Url(config.Host))}' is not an "
                    + $"https:// URL (the Kubernetes client speaks only HTTP(S)); {Hint}")
                : (config, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, Unusable(file, e));
        }
    }

    private static string Unusable(FileInfo file, Exception e) =>
        $"--kubeconfig {file.FullName}: not a usable kubeconfig ({e.GetType().Name}: {Excerpt.Of(FirstLine(e.Message))}); {Hint}";

    /// <summary>
    /// <see cref="Load(FileInfo)"/>, given at most <paramref name="budget"/>: a credential plugin that does not answer in time is ended
    /// and reported (the client library would wait two minutes for it).
    /// </summary>
    public static async Task<(KubernetesClientConfiguration? Config, string? Problem, bool TimedOut)> Load(
        FileInfo file, TimeSpan budget, CancellationToken cancel)
    {
        var (parsed, problem) = Read(file);
        if (parsed is null)
        {
            return (null, problem, false);
        }

        var plugin = CredentialPlugin.Command(parsed);
        var load = Task.Run(() => Build(file, parsed), CancellationToken.None);
        try
        {
            var (config, unusable) = await load.WaitAsync(budget, cancel).ConfigureAwait(false);
            return (config, unusable, false);
        }
        catch (TimeoutException)
        {
            if (plugin is not null)
            {
                CredentialPlugin.End(plugin);
            }

            return (null, $"--kubeconfig {file.FullName}: "
                + (plugin is null ? "could not be read" : $"its credential plugin ({Excerpt.Of(Path.GetFileName(plugin))}) did not answer")
                + $" within {budget.TotalSeconds:0.#}s; check that it runs on its own and does not wait for input, or {Hint}", true);
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
