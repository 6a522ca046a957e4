using Bootstrap.Analyser.GitOps;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.GitOps;
using Bootstrap.Blueprint.Network;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Tools.Environments;

/// <summary>What the new environment may not share with any other: its files and folders, its network, its domain.</summary>
internal static class EnvironmentClashes
{
    /// <summary>Every file or folder the new environment would own that exists already.</summary>
    public static List<Diagnostic> Existing(string name, IRepository repository)
    {
        var paths = new[] { StackFile.NameFor(name), $"gitops/appsets/apps-{name}.yaml", $"gitops/projects/{name}.yaml" }.Where(repository.FileExists)
            .Concat(new[] { $"gitops/clusters/{name}", $"gitops/apps/apps-{name}", $"stacks/{name}" }.Where(repository.DirectoryExists))
            .Concat(repository.ListFilesBelow(EnvironmentCopy.Platform, "*").Where(p => p.Split('/') is { Length: > 4 } parts && parts[3] == name)
                .Select(p => string.Join('/', p.Split('/').Take(4))))
            .Distinct();
        return paths.Select(p => FindingId.NewEnvInput.At(
            p, "already exists", $"environment {name} exists (or a file in its place): pick another name"))
            .ToList();
    }

    /// <summary>A network the new environment would share with a stack: the runner reaches both, so their addresses must not overlap.</summary>
    public static IEnumerable<Diagnostic> Network(NetworkInput input, IReadOnlyList<StackConfig> others)
    {
        foreach (var other in others)
        {
            if (Ipv4.TryParseNetwork(other.Cluster.Network.Cidr, out var theirs) && theirs.Overlap(input.Network))
            {
                yield return FindingId.NewEnvInput.At(
                    $"--cidr {input.Network}",
                    $"overlaps {other.Stack}'s network {theirs} ({StackFile.NameFor(other.Stack)}): the addresses, "
                    + "VIP and Gateway of the two would collide",
                    "give the environment a network of its own (its own VLAN and subnet)");
            }
        }
    }

    /// <summary>A domain is needed, and one no other environment's Gateway serves.</summary>
    public static IEnumerable<Diagnostic> Domain(
        string? domain, NewEnvironmentRequest request, IReadOnlyList<StackConfig> others, GitOpsTree tree)
    {
        if (domain is null)
        {
            return [FindingId.NewEnvInput.At(
                "--domain",
                $"is needed: {request.From} serves no *.<domain> on its Gateway to derive one from",
                "give --domain, e.g. lab.example.internal")];
        }

        return others.Where(o => o.Stack != request.Name && EnvironmentNames.Of(o, ClusterView.Of(o, tree, [])).Domain == domain)
            .Select(o => FindingId.NewEnvInput.At(
                $"--domain {domain}",
                $"is {o.Stack}'s domain already",
                $"give {request.Name} a domain of its own, e.g. {request.Name}.{domain}"));
    }
}
