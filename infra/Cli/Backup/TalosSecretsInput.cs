using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Secrets;

namespace Bootstrap.Cli.Backup;

/// <summary>The Talos machine secrets a backup keeps, from a file or stdin (`-`, piped from the stack's secret output so the
/// text lands in no other file). Checked before the cluster is asked anything, so bad input writes nothing.</summary>
internal static class TalosSecretsInput
{
    public const string Option = "--talos-secrets";

    /// <summary>More than any secrets file (about 4 KiB); a bigger input is the wrong file, not read to the end.</summary>
    private const int MaxChars = 64 * 1024;

    /// <returns>The secrets, or the problem (the exit code says which kind); null and null when the option is absent.</returns>
    public static (TalosSecretsBundle? Bundle, int Exit, IReadOnlyList<string> Problems) Read(string? value, TextReader stdin)
    {
        if (value is null)
        {
            return (null, ExitCodes.Ok, []);
        }

        string text;
        if (value == "-")
        {
            var buffer = new char[MaxChars + 1];
            var read = stdin.ReadBlock(buffer, 0, buffer.Length);
            text = new string(buffer, 0, read);
        }
        else if (!File.Exists(value))
        {
            return (null, ExitCodes.Usage, [$"{Option} {Excerpt.Of(value)}: no such file; pass the file, or - to read stdin"]);
        }
        else
        {
            try
            {
                // Bounded by the bytes actually read: a device (/dev/zero) or a pipe reports a size of 0.
                text = FileText.Read(value, $"{Option} {Excerpt.Of(value)}", MaxChars);
            }
            catch (BlueprintException e)
            {
                return (null, ExitCodes.Usage, [.. e.Diagnostics.Select(d => $"{d.Key}: {d.Problem}; {d.Fix}")]);
            }
        }

        if (text.Length > MaxChars)
        {
            return (null, ExitCodes.Usage, [$"{Option} -: stdin holds more than a Talos secrets file ({MaxChars / 1024} KiB at most)"]);
        }

        try
        {
            return (TalosSecretsBundle.Parse(text, Option), ExitCodes.Ok, []);
        }
        catch (BlueprintException e)
        {
            return (null, ExitCodes.Invalid, [
                $"{Option}: not the Talos secrets of a cluster; nothing was written (pipe the stack's output: "
                    + $"pulumi stack output talosSecrets --show-secrets --stack <stack> | ... {Option} -)",
                .. e.Diagnostics.Select(d => $"{d.Key}: {d.Problem}; {d.Fix}")]);
        }
    }
}
