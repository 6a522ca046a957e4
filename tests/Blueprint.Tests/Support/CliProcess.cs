using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>
/// The built CLI (infra/Cli's bootstrap.dll, from the same configuration as this test assembly) run as a child process
/// with <c>dotnet</c>, in a working folder and environment of the test's choosing: what differs between two machines.
/// </summary>
internal static class CliProcess
{
    /// <summary>infra/Cli/bin/&lt;configuration&gt;/&lt;framework&gt;/bootstrap.dll, next to where this assembly was built
    /// in tests/Blueprint.Tests/bin/.</summary>
    public static string Dll { get; } = Path.Combine(
        Repo.Source, "infra", "Cli", Path.GetRelativePath(
            Path.Combine(Repo.Source, "tests", "Blueprint.Tests"), AppContext.BaseDirectory), "bootstrap.dll");

    /// <summary>
    /// Runs the CLI in <paramref name="workingDirectory"/>; <paramref name="environment"/> sets (or, with null, removes)
    /// variables of this process's environment. <paramref name="runtimeConfig"/> replaces bootstrap.runtimeconfig.json.
    /// </summary>
    public static (int Exit, string Stdout, string Stderr) Run(
        string workingDirectory, IReadOnlyDictionary<string, string?> environment, string? runtimeConfig, params string[] args)
    {
        Assert.True(File.Exists(Dll), $"{Dll} does not exist; build tests/Blueprint.Tests (it builds infra/Cli)");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        if (runtimeConfig is not null)
        {
            start.ArgumentList.Add("--runtimeconfig");
            start.ArgumentList.Add(runtimeConfig);
        }

        foreach (var arg in (string[])[Dll, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"bootstrap {string.Join(' ', args)} did not finish within 2 minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// A copy of the shipped bootstrap.runtimeconfig.json, written to <paramref name="file"/>, with globalization invariant
    /// mode off: the runtime then takes its culture from LANG/LC_ALL through ICU. The shipped file turns invariant mode on,
    /// and that setting wins over DOTNET_SYSTEM_GLOBALIZATION_INVARIANT, so only another runtimeconfig changes it.
    /// </summary>
    public static string CultureSensitiveRuntimeConfig(string file)
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(Dll, ".runtimeconfig.json")))!;
        config["runtimeOptions"]!["configProperties"]!["System.Globalization.Invariant"] = false;
        File.WriteAllText(file, config.ToJsonString());
        return file;
    }
}
