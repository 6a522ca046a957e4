using System.Diagnostics;
using Bootstrap.Tools.Backup;

namespace Bootstrap.Cli.Backup;

/// <summary>Finds talosctl on PATH and runs it with the arguments the Blueprint decided, passing its output through.</summary>
internal static class Talosctl
{
    public static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, EtcdSnapshot.Tool);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & UnixFileMode.UserExecute) != 0))
            {
                return candidate;
            }
        }

        return null;
    }

    public static async Task<int> Run(
        string executable, IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancel);
        var errors = process.StandardError.ReadToEndAsync(cancel);
        try
        {
            await process.WaitForExitAsync(cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Interrupted: leave no snapshot half-written by a talosctl still running in the background.
            process.Kill(entireProcessTree: true);
            throw;
        }

        stdout.Write(await output.ConfigureAwait(false));
        stderr.Write(await errors.ConfigureAwait(false));
        return process.ExitCode;
    }
}
