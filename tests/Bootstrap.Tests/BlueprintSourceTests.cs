using Bootstrap.Stack;
using Bootstrap.Tests.Lab;
using Bootstrap.Tests.Support;
using Pulumi.Testing;

namespace Bootstrap.Tests;

/// <summary>The program's own way in: the config Pulumi hands it (PULUMI_CONFIG), through the same binder as the CLI.</summary>
[Collection(SerialPulumi.Name)]
public class BlueprintSourceTests
{
    [Fact]
    public async Task Invalid_config_stops_the_program_before_any_resource_with_every_finding_and_no_stack_trace()
    {
        var config = LabRun.Config("dev");
        config["bootstrap:cluster"] = config["bootstrap:cluster"].Replace("192.168.40.62", "192.168.41.62", StringComparison.Ordinal);
        var dev = await LabRun.Of("dev", new LabState(LabFacts.Ready("pve1")), preview: true);
        LabRun.UseConfig(config);
        var engine = new LabEngine(new LabState(LabFacts.Ready("pve1")), dev.Blueprint, new StackState(), preview: true);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Pulumi.Deployment.TestAsync<Platform>(
            engine, new TestOptions { IsPreview = true, StackName = "dev", ProjectName = "bootstrap" }));

        Assert.Contains("the stack configuration is invalid; nothing was changed:", error.Message, StringComparison.Ordinal);
        Assert.Contains(
            "bootstrap:cluster.nodes.cp-2.ip: 192.168.41.62 is outside network.cidr 192.168.40.0/24", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
        Assert.Empty(engine.Operations);
    }
}
