using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Render;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Render;

public class DeterminismTests
{
    /// <summary>
    /// Two machines: the built CLI in two processes, each on its own copy of the repository, run from other folders (one
    /// --root absolute, one relative), in other time zones and locales, one in globalization invariant mode (as shipped)
    /// and one with ICU cultures. The plan files must be byte for byte the same, and so must the summary but its last
    /// line (Wrote &lt;folder&gt;/, which names the output folder relative to the working folder).
    /// </summary>
    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public void Two_processes_on_differently_set_up_machines_write_identical_plans(string stack)
    {
        using var first = new RepoCopy();
        using var second = new RepoCopy();
        var plain = new Dictionary<string, string?>
        {
            ["TZ"] = "UTC",
            ["LANG"] = "C",
            ["LC_ALL"] = "C",
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",
        };
        var german = new Dictionary<string, string?>
        {
            ["TZ"] = "Pacific/Chatham", ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8", ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = null,
        };

        var one = CliProcess.Run(first.Path, plain, null, "plan", stack, "--root", first.Path, "--out", first.File("plans"));
        var other = CliProcess.Run(second.File("gitops"), german, CliProcess.CultureSensitiveRuntimeConfig(second.File("icu.runtimeconfig.json")),
            "plan", stack, "--root", "..", "--out", "../plans");

        Assert.True(one.Exit == 0, one.Stderr);
        Assert.True(other.Exit == 0, other.Stderr);
        var (written, rewritten) = (Tree(first.File($"plans/{stack}")), Tree(second.File($"plans/{stack}")));
        Assert.Contains("plan.json", written.Keys);
        Assert.Equal(written.Keys, rewritten.Keys);
        Assert.All(written, file => Assert.True(file.Value.SequenceEqual(rewritten[file.Key]), $"{file.Key} differs between the two processes"));
        Assert.Equal(WithoutLastLine(one.Stdout), WithoutLastLine(other.Stdout));
    }

    [Fact]
    public void The_order_nodes_are_listed_in_does_not_change_the_output()
    {
        var input = StackInput.Of("dev");
        var reversed = new JsonObject(input.Nodes.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).ToList());
        var original = PlanFiles.Render(input.Blueprint());
        input.Cluster["nodes"] = reversed;

        Assert.Equal(original, PlanFiles.Render(input.Blueprint()));
    }

    [Fact]
    public void Secrets_show_as_present_never_as_values()
    {
        var input = StackInput.Of("dev")
            .Set("proxmoxve:apiToken", SecretValue.Marker("v1:CIPHERTEXT-TOKEN"))
            .Set("bootstrap:argocdAdminPassword", SecretValue.Marker("v1:CIPHERTEXT-PASSWORD"));

        var blueprint = input.Blueprint();
        var everything = string.Concat(PlanFiles.Render(blueprint).Select(f => f.Content)) + PlanSummary.Render(blueprint);

        Assert.DoesNotContain("CIPHERTEXT", everything, StringComparison.Ordinal);
        var secrets = JsonNode.Parse(PlanJson.Render(blueprint))!["secrets"]!;
        Assert.Equal("[secret]", (string?)secrets["proxmoxve:apiToken"]);
        Assert.Equal("[secret]", (string?)secrets["bootstrap:argocdAdminPassword"]);
        Assert.Equal("not set", (string?)secrets["bootstrap:sealedSecretsKeys"]);
        Assert.Contains("proxmoxve:apiToken             [secret]", PlanSummary.Render(blueprint), StringComparison.Ordinal);
    }

    [Fact]
    public void Topology_shows_every_node_the_vip_the_pool_and_the_stages()
    {
        var blueprint = StackInput.Of("ops").Blueprint();

        var topology = Topology.Render(blueprint);

        Assert.Contains("```mermaid", topology, StringComparison.Ordinal);
        Assert.Contains("API VIP 192.168.50.60:6443", topology, StringComparison.Ordinal);
        Assert.Contains("LoadBalancer pool 192.168.50.70-192.168.50.89", topology, StringComparison.Ordinal);
        Assert.Contains("subgraph host_pve3[\"Proxmox pve3\"]", topology, StringComparison.Ordinal);
        Assert.All(blueprint.Nodes, n => Assert.Contains($"{n.Name}<br/>", topology, StringComparison.Ordinal));
        Assert.All(blueprint.Plan.Stages, s => Assert.Contains($"stage_{s.Id.Replace('-', '_')}[", topology, StringComparison.Ordinal));
        Assert.Contains("stage_image -->|SameHost| stage_vm", topology, StringComparison.Ordinal);
    }

    private static SortedDictionary<string, byte[]> Tree(string folder) =>
        new(
            Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes),
            StringComparer.Ordinal);

    private static string WithoutLastLine(string stdout) => stdout.TrimEnd('\n')[..stdout.TrimEnd('\n').LastIndexOf('\n')];
}
