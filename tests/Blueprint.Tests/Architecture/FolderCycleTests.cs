using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Architecture;

public class FolderCycleTests
{
    private static readonly FolderGraph Graph = FolderGraph.Of(Path.Combine(Repo.Source, "infra", "Blueprint"));

    /// <summary>Inside one assembly the compiler allows any use between folders; across assemblies it allows one direction only.</summary>
    [Theory]
    [InlineData("Blueprint")]
    [InlineData("Analyser")]
    [InlineData("Tools")]
    public void No_two_folders_of_an_assembly_depend_on_each_other(string assembly)
    {
        var graph = assembly == "Blueprint" ? Graph : FolderGraph.Of(Path.Combine(Repo.Source, "infra", assembly));
        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, "folders on a dependency cycle:\n" + string.Join("\n", cycles.Select(c => $"  {c.Item1} <-> {c.Item2}"))
            + "\nedges:\n" + string.Join(
                "\n",
                graph.Because
                    .OrderBy(e => e.Key)
                    .Select(e => $"  {e.Key.From} -> {e.Key.To}: {string.Join("; ", e.Value.Order(StringComparer.Ordinal))}")));
    }

    [Fact]
    public void The_plan_folder_is_the_top_of_the_pipeline_and_the_renderers_only_read_it()
    {
        string[] lower = [
            "Config", "Talos", "Proxmox", "Addons", "Secrets", "Upgrades", "Readiness", "Scripts", "Network", "Yaml", "Repository", "Validation"];

        Assert.All(lower, folder => Assert.DoesNotContain("Plan", Graph.Edges.GetValueOrDefault(folder) ?? new HashSet<string>()));
        Assert.Contains("Plan", Graph.Edges["Render"]);
    }
}
