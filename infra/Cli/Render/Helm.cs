using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Bootstrap.Cli.Render;

/// <summary>The helm binary lint renders with: BOOTSTRAP_HELM, else <c>helm</c> on PATH. Must be Helm 3, which Argo CD bundles
/// (argoproj/argo-cd hack/tool-versions.sh) and pulumi-kubernetes' helm.v3.Release embeds: Helm 4 renders some charts
/// differently (the Cilium chart loses zero-valued keys: cilium-config mtu and tunnel-port, minReadySeconds: 0).</summary>
internal sealed partial class Helm
{
    public const string PathVariable = "BOOTSTRAP_HELM";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private Helm(string executable, string version)
    {
        Executable = executable;
        Version = version;
    }

    public string Executable { get; }

    public string Version { get; }

    /// <summary>The helm to use, or the reason there is none (not found, not runnable, not Helm 3).</summary>
    public static Task<(Helm? Helm, string? Problem)> Find(CancellationToken cancel) =>
        FindAt(Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } given ? given : OnPath("helm"), cancel);

    /// <summary>The helm at <paramref name="executable"/> (null: none found), if it runs and is Helm 3.</summary>
    public static async Task<(Helm? Helm, string? Problem)> FindAt(string? executable, CancellationToken cancel)
    {
        if (executable is null || !File.Exists(executable))
        {
            return (null, $"lint --render needs Helm 3: {(executable is null ? "no helm on PATH" : $"{PathVariable}={executable} does not exist")}; "
                + "install it (https://helm.sh/docs/intro/install/, or as .ci/run does) or set BOOTSTRAP_HELM to its path");
        }

        var (exit, output, errors) = await Run(executable, ["version", "--short"], cancel).ConfigureAwait(false);
        var version = VersionText().Match(output);
        if (exit != 0 || !version.Success)
        {
            return (null, $"{executable} version --short failed: {(errors.Length > 0 ? errors.Trim() : output.Trim())}");
        }

        return version.Groups[1].Value == "3"
            ? (new Helm(executable, version.Value), null)
            : (null, $"lint --render needs Helm 3 (Argo CD v3.4 renders with Helm 3.19), but {executable} is {version.Value}; "
                + $"put a Helm 3 first on PATH or set {PathVariable}");
    }

    /// <summary>Runs helm with the arguments given; helm's own cache and config stay inside <paramref name="home"/> when set.</summary>
    public Task<(int Exit, string Stdout, string Stderr)> Run(IReadOnlyList<string> arguments, CancellationToken cancel, string? home = null) =>
        Run(Executable, arguments, cancel, home);

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(
        string executable,
        IReadOnlyList<string> arguments,
        CancellationToken cancel,
        string? home = null)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (home is not null)
        {
            start.Environment["HELM_CACHE_HOME"] = Path.Combine(home, "cache");
            start.Environment["HELM_CONFIG_HOME"] = Path.Combine(home, "config");
            start.Environment["HELM_DATA_HOME"] = Path.Combine(home, "data");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(Timeout);
        using var process = Process.Start(start) ?? throw new IOException($"{executable} did not start");
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            return (process.ExitCode, await output.ConfigureAwait(false), await errors.ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "", $"helm did not finish within {Timeout.TotalSeconds:0} s");
        }
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"v(\d+)\.\d+\.\d+\S*")]
    private static partial Regex VersionText();
}
