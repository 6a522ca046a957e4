using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Docs;

/// <summary>
/// docs/cli.md has a section per command whose synopsis names exactly the command's flags, and the README's command table
/// links each section: the usage lines that left the README stay checked against the real command tree.
/// </summary>
public partial class CliReferenceTests
{
    public static TheoryData<string> CommandNames =>
        [.. CliApp.Commands(TextWriter.Null, TextWriter.Null).Subcommands.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void The_synopsis_names_every_flag_of_the_command_and_no_other(string name)
    {
        var command = CliApp.Commands(TextWriter.Null, TextWriter.Null).Subcommands.Single(c => c.Name == name);
        var text = File.ReadAllText(Path.Combine(Repo.Source, "docs", "cli.md"));
        var section = Regex.Match(text, $@"(?ms)^## {Regex.Escape(name)}\n\n`{Regex.Escape(name)} (?<synopsis>[^`]*)`");
        Assert.True(section.Success, $"docs/cli.md has no section \"## {name}\" starting with its synopsis `{name} ...`");

        var documented = Flag().Matches(section.Groups["synopsis"].Value).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var options = command.Options.Where(o => !o.Hidden && o.Name != "--root").ToList();
        var known = options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);

        var invented = documented.Where(f => !known.Contains(f)).ToList();
        var missing = options.Where(o => !documented.Overlaps(o.Aliases.Append(o.Name))).Select(o => o.Name).ToList();

        Assert.True(invented.Count == 0, $"docs/cli.md: {name} has no flags {string.Join(", ", invented)}");
        Assert.True(missing.Count == 0, $"docs/cli.md: the synopsis of {name} leaves out {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void The_readme_command_table_links_the_section(string name)
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Source, "README.md"));

        Assert.Matches($@"(?m)^\| \[`{Regex.Escape(name)}[^`]*`\]\(docs/cli\.md#{Regex.Escape(name)}\) \|", readme);
    }

    [GeneratedRegex(@"--[a-z][a-z-]*")]
    private static partial Regex Flag();
}
