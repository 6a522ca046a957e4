using System.Text.RegularExpressions;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Docs;

/// <summary>docs/architecture.md stays true: every folder of the three assemblies has its row, and no row names a folder that is gone.</summary>
public partial class ArchitectureDocTests
{
    private static readonly string[] Assemblies = ["Blueprint", "Analyser", "Tools"];

    [Fact]
    public void The_folder_table_lists_exactly_the_folders_of_each_assembly()
    {
        var documented = DocumentedFolders(File.ReadAllText(Path.Combine(Repo.Source, "docs", "architecture.md")));
        var actual = Assemblies.SelectMany(a => Directory.GetDirectories(Path.Combine(Repo.Source, "infra", a))
                .Select(Path.GetFileName)
                .Where(f => f is not ("bin" or "obj"))
                .Select(f => $"{a}/{f}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(actual, documented);
    }

    [Fact]
    public void A_grouped_row_names_its_assembly_once_and_the_rest_by_folder()
    {
        var documented = DocumentedFolders("""
            | folder | concern |
            | --- | --- |
            | `Blueprint/Proxmox/`, `Talos/` | machines |
            | `Tools/Verify/` | probes |
            """);

        Assert.Equal(["Blueprint/Proxmox", "Blueprint/Talos", "Tools/Verify"], documented);
    }

    /// <summary>The first cells of the table under "One folder per concern": `Assembly/Folder/`, then more `Folder/` of the same assembly.</summary>
    private static List<string> DocumentedFolders(string markdown)
    {
        var folders = new List<string>();
        foreach (var cell in markdown.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).Select(l => l.Split('|')[1]))
        {
            var names = FolderName().Matches(cell).Select(m => m.Groups[1].Value).ToList();
            if (names.Count == 0 || !names[0].Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            var assembly = names[0].Split('/')[0];
            folders.AddRange(names.Select(n => n.Contains('/', StringComparison.Ordinal) ? n : $"{assembly}/{n}"));
        }

        return [.. folders.Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"`([A-Za-z]+(?:/[A-Za-z]+)?)/`")]
    private static partial Regex FolderName();
}
