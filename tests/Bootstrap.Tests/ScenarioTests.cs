using Bootstrap.Tests.Lab;
using Bootstrap.Tests.Support;

namespace Bootstrap.Tests;

[Collection(SerialPulumi.Name)]
public class ScenarioTests
{
    private static Lab.Lab EmptyLab(string stack) => new(stack == "dev" ? LabFacts.Ready("pve1") : LabFacts.Ready("pve2", "pve3"));

    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public async Task The_first_up_on_an_empty_lab_builds_the_cluster_and_hands_it_to_argo_cd(string stack)
    {
        var lab = EmptyLab(stack);

        var run = await LabRun.Of(stack, lab);

        Assert.True(run.Failure is null, run.Failure);
        Assert.All(run.Blueprint.Nodes, n => Assert.Equal(NodeState.Configured, lab.Nodes[n.Ip].State));
        Assert.True(lab.NodesReady);
        Assert.Contains("Application/argocd/root", lab.Objects);
    }
}
