using System.Diagnostics;
using System.Xml.Linq;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Architecture;

/// <summary>
/// The three products are three assemblies: the core (what `pulumi up` runs), the analyser (`lint`) and the tools
/// (verify, backup, new-app, new-env). The build, not a test, keeps the core apart: these tests prove the guard is there.
/// </summary>
public class AssemblyBoundaryTests
{
    [Fact]
    public void The_compiled_core_references_neither_the_analyser_nor_the_tools()
    {
        var references = typeof(Blueprint.Plan.Planner).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("Bootstrap.Analyser", references);
        Assert.DoesNotContain("Bootstrap.Tools", references);
        Assert.Contains("Bootstrap.Blueprint", typeof(Analyser.Lint.SchemaDocument).Assembly.GetReferencedAssemblies().Select(a => a.Name));
    }

    [Fact]
    public void The_pulumi_program_references_only_the_core()
    {
        Assert.Equal(["infra/Blueprint/Blueprint.csproj"], ProjectReferences("Bootstrap.csproj"));
        Assert.Empty(ProjectReferences("infra/Blueprint/Blueprint.csproj"));
    }

    [Theory]
    [InlineData("infra/Blueprint/Blueprint.csproj", "CoreReferencesNoProject", "../Analyser/Analyser.csproj", "may reference no project")]
    [InlineData("Bootstrap.csproj", "ProgramReferencesOnlyTheCore", "infra/Analyser/Analyser.csproj", "may reference infra/Blueprint")]
    public void The_build_fails_when_a_project_reaches_past_the_core(string project, string guard, string reference, string message)
    {
        Assert.Equal(0, MsBuild(File.ReadAllText(Path.Combine(Repo.Source, project)), guard).ExitCode);

        var broken = XDocument.Parse(File.ReadAllText(Path.Combine(Repo.Source, project)));
        broken.Root!.Add(new XElement("ItemGroup", new XElement("ProjectReference", new XAttribute("Include", reference))));
        var (exit, output) = MsBuild(broken.ToString(), guard);

        Assert.NotEqual(0, exit);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.Contains(reference, output, StringComparison.Ordinal);
    }

    private static List<string> ProjectReferences(string project) =>
        [.. XDocument.Load(Path.Combine(Repo.Source, project)).Descendants("ProjectReference").Select(r => (string)r.Attribute("Include")!)];

    /// <summary>Runs only the guard target on a copy of the project file: evaluation needs no restore, so this takes a second.</summary>
    private static (int ExitCode, string Output) MsBuild(string projectXml, string target)
    {
        using var folder = new TempFolder();
        var project = folder.Write("Guarded.csproj", projectXml).File("Guarded.csproj");
        var start = new ProcessStartInfo("dotnet", ["msbuild", project, $"-t:{target}", "-nologo", "-v:minimal"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder.Path,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
