using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Docs;

/// <summary>
/// Every command the runbooks, docs, README and workflows tell people to run exists and takes the flags they use: the
/// project's own CLI is parsed with its real command tree; talosctl and pulumi are checked against <see cref="ExternalCommands"/>.
/// The generated upgrade and backup commands are held to the same table.
/// </summary>
public partial class DocumentedCommandsTests
{
    private const string OwnCli = "dotnet run --project infra/Cli";

    public static TheoryData<string> Documents()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Source, "docs"), "*.md", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(Repo.Source, ".github", "workflows"), "*.yml"))
            .Append(Path.Combine(Repo.Source, "README.md"))
            .Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetRelativePath(Repo.Source, file).Replace('\\', '/'));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_documented_command_exists_with_its_flags(string document)
    {
        var commands = Commands(File.ReadAllText(Path.Combine(Repo.Source, document))).ToList();
        var problems = commands.SelectMany(Check).ToList();

        Assert.NotEmpty(commands);
        Assert.True(problems.Count == 0, $"{document}:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void The_runbooks_use_every_day2_command()
    {
        var text = string.Concat(Directory.GetFiles(Path.Combine(Repo.Source, "docs", "runbooks"), "*.md").Select(File.ReadAllText));

        foreach (var command in new[] { "plan", "verify", "backup" })
        {
            Assert.Contains($"{OwnCli} -- {command} ", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Generated_talosctl_commands_use_known_flags()
    {
        var blueprint = StackInput.Of("ops").Blueprint();
        // Every talosctl call, wherever it stands in a line (after until/if, inside $(...)), up to a redirect or operator.
        var lines = blueprint.Scripts.Values.SelectMany(s => new[] { s.Script, s.DeleteScript ?? "" })
            .SelectMany(text => TalosctlCall().Matches(text).Select(m => m.Value.Trim()))
            .Where(l => !l.StartsWith("talosctl is", StringComparison.Ordinal))
            .Append(Bootstrap.Tools.Backup.EtcdSnapshot.Command(blueprint.Talos, "etcd.snapshot"))
            .ToList();

        Assert.Contains(lines, l => l.Contains(" get disks --insecure", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" version --json", StringComparison.Ordinal));
        Assert.True(lines.Count >= 8, string.Join("\n", lines));
        Assert.Empty(lines.SelectMany(Check));
    }

    [Fact]
    public void An_invented_flag_is_caught()
    {
        Assert.NotEmpty(Check("dotnet run --project infra/Cli -- plan dev --installed-from x.json"));
        Assert.NotEmpty(Check("talosctl --nodes 10.0.0.1 upgrade --imagee x"));
        Assert.NotEmpty(Check("pulumi stack output --reveal"));
        Assert.NotEmpty(Check("dotnet run --project infra/Cli -- restore --out x"));
    }

    /// <summary>Command lines from fenced sh blocks and workflow run steps (a trailing backslash continues a line).</summary>
    private static IEnumerable<string> Commands(string text)
    {
        var joined = ContinuedLine().Replace(text, " ");
        // Each command of a pipeline is checked on its own.
        return joined.Split('\n')
            .SelectMany(l => l.Split(" | "))
            .Select(l => l.Trim().TrimStart('-', ' ').Trim())
            .Select(l => l.StartsWith("run: ", StringComparison.Ordinal) ? l["run: ".Length..] : l)
            .Where(l => l.StartsWith(OwnCli, StringComparison.Ordinal)
                || l.StartsWith("talosctl ", StringComparison.Ordinal)
                || l.StartsWith("pulumi ", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Check(string line)
    {
        // A workflow expression (${{ matrix.stack }}) stands for one word, e.g. a stack name.
        var words = ShellLine.Words(WorkflowExpression().Replace(line, "dev")).ToList();
        if (line.StartsWith(OwnCli, StringComparison.Ordinal))
        {
            var args = words.SkipWhile(w => w != "--").Skip(1).ToArray();
            var parsed = CliApp.Commands(TextWriter.Null, TextWriter.Null).Parse(args);
            return parsed.Errors.Select(e => $"{line}: {e.Message}");
        }

        var tool = words[0];
        var rest = words.Skip(1).ToList();
        var positional = rest.Where((w, i) => !w.StartsWith('-') && (i == 0 || !TakesValue(rest[i - 1]))).ToList();
        var subcommand = ExternalCommands.Subcommands[tool].Keys
            .Where(k => k.Split(' ').SequenceEqual(positional.Take(k.Split(' ').Length)))
            .MaxBy(k => k.Length);
        if (subcommand is null)
        {
            return [$"{line}: {tool} has no subcommand {string.Join(' ', positional.Take(2))} in the vetted table"];
        }

        var allowed = ExternalCommands.GlobalFlags[tool].Concat(ExternalCommands.Subcommands[tool][subcommand]).ToHashSet(StringComparer.Ordinal);
        return rest.Where(w => w.StartsWith('-'))
            .Select(w => w.Split('=')[0])
            .Where(flag => !allowed.Contains(flag))
            .Select(flag => $"{line}: {tool} {subcommand} has no flag {flag}");
    }

    // Flags whose next word is their value, so it is not a subcommand.
    private static bool TakesValue(string word) =>
        word.StartsWith('-') && !word.Contains('=') && word is not ("--yes" or "-y" or "--force" or "-f" or "--json" or "-j"
            or "--show-secrets" or "--secret" or "--path" or "--dry-run" or "--wait" or "--reboot" or "--preserve-config" or "--diff"
            or "--skip-preview" or "--recover-skip-hash-check" or "--preserve");

    [GeneratedRegex(@"\$\{\{[^}]*\}\}")]
    private static partial Regex WorkflowExpression();

    [GeneratedRegex(@"\\\r?\n\s*")]
    private static partial Regex ContinuedLine();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!tool in )talosctl [^;|>&)\n]*")]
    private static partial System.Text.RegularExpressions.Regex TalosctlCall();
}
