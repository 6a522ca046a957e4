using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Render;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Render;

public class DeterminismTests
{
    [Fact]
    public void Rendering_twice_gives_identical_bytes()
    {
        var first = PlanFiles.Render(StackInput.Of("ops").Blueprint());
        var second = PlanFiles.Render(StackInput.Of("ops").Blueprint());

        Assert.Equal(first, second);
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
}
