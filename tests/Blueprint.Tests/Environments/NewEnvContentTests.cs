using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Environments;

/// <summary>What the written files hold: the source's versions and sizes with the new addresses, the environment renamed, no secrets.</summary>
public sealed class NewEnvContentTests : NewEnvSession
{
    [Fact]
    public void The_stack_file_keeps_the_source_versions_and_sizes_with_new_addresses_ids_and_hosts()
    {
        Assert.Equal(ExitCodes.Ok, Run(Lab));

        var (values, findings) = StackFile.Read(Repository.Path, "lab");
        Assert.Empty(findings);
        var lab = ConfigBinder.Bind("lab", values).Config!;
        var dev = StackInput.Of("dev").Config();
        Assert.Equal(
            ("lab", dev.Cluster.TalosVersion, dev.Cluster.KubernetesVersion),
            (lab.Cluster.Name, lab.Cluster.TalosVersion, lab.Cluster.KubernetesVersion));
        Assert.Equal(("192.168.60.0/24", "192.168.60.1", "192.168.60.60", "192.168.60.70-192.168.60.89", 60),
            (lab.Cluster.Network.Cidr, lab.Cluster.Network.Gateway, lab.Cluster.Network.Vip, lab.Cluster.Network.LoadBalancerPool,
                lab.Cluster.Network.Vlan));
        Assert.Equal(["192.168.60.1"], lab.Cluster.Network.Nameservers);
        Assert.Equal("gitops/clusters/lab", lab.GitOps.Path);
        var nodes = lab.Cluster.Nodes;
        Assert.Equal(
            ["cp-1 192.168.60.61 pve1 6061", "cp-2 192.168.60.62 pve2 6062", "cp-3 192.168.60.63 pve3 6063", "worker-1 192.168.60.64 pve1 6064",
                "worker-2 192.168.60.65 pve2 6065"],
            nodes.Select(n => $"{n.Key} {n.Value.Ip} {n.Value.Host} {n.Value.VmId}"));
        Assert.All(nodes, n => Assert.Equal(
            (dev.Cluster.Nodes[n.Key].Role, dev.Cluster.Nodes[n.Key].Cores, dev.Cluster.Nodes[n.Key].MemoryMiB, dev.Cluster.Nodes[n.Key].DiskGiB),
            (n.Value.Role, n.Value.Cores, n.Value.MemoryMiB, n.Value.DiskGiB)));
        Assert.Contains("  cp-2: { role: controlplane, ip: 192.168.60.62, host: pve2, vmId: 6062, cores: 2, memoryMiB: 4096, diskGiB: 20 }\n",
            File.ReadAllText(Repository.File("Pulumi.lab.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_copies_differ_from_the_source_only_by_the_environment()
    {
        Assert.Equal(ExitCodes.Ok, Run(Lab));

        Assert.Equal(
            File.ReadAllText(Repository.File("gitops/clusters/dev/core/cilium.yaml")).Replace("stacks/dev/", "stacks/lab/", StringComparison.Ordinal),
            File.ReadAllText(Repository.File("gitops/clusters/lab/core/cilium.yaml")));
        var gateway = File.ReadAllText(Repository.File("gitops/platform/gateway/lab/gateway.yaml"));
        Assert.Contains("value: 192.168.60.70", gateway, StringComparison.Ordinal);
        Assert.Contains("hostname: \"*.lab.lab.internal\"", gateway, StringComparison.Ordinal);
        Assert.Contains("(pool lab-gateway)", gateway, StringComparison.Ordinal);
        Assert.Contains(
            "domain: argocd.lab.lab.internal", File.ReadAllText(Repository.File("stacks/lab/values/argocd.yaml")), StringComparison.Ordinal);
        Assert.Contains(
            "include: \"{core.yaml,lab.yaml}\"", File.ReadAllText(Repository.File("gitops/clusters/lab/projects.yaml")), StringComparison.Ordinal);
        var project = File.ReadAllText(Repository.File("gitops/projects/lab.yaml"));
        Assert.Contains("namespace: \"lab-*\"", project, StringComparison.Ordinal);
        Assert.Contains("p, proj:lab:developer, applications, *, lab/*, allow", project, StringComparison.Ordinal);
        // Git coordinates are never the environment's.
        Assert.Contains("targetRevision: main", File.ReadAllText(Repository.File("gitops/clusters/lab/root.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_and_fixed_MACs_are_not_copied_and_labels_are()
    {
        Repository.Edit("Pulumi.dev.yaml", "worker-2: { role: worker, ip: 192.168.40.65, host: pve1, vmId: 4065,",
            "worker-2: { mac: \"BC:24:11:00:00:65\", labels: { \"example.com/gpu\": \"true\" }, taints: { dedicated: \"gpu:NoSchedule\" }, role: "
            + "worker, ip: 192.168.40.65, host: pve1, vmId: 4065,");
        File.AppendAllText(Repository.File("Pulumi.dev.yaml"), "  bootstrap:argocdAdminPassword:\n    secure: v1:AAAAciphertext\n");

        Assert.Equal(ExitCodes.Ok, Run(Lab));

        var stack = File.ReadAllText(Repository.File("Pulumi.lab.yaml"));
        Assert.DoesNotContain("v1:AAAA", stack, StringComparison.Ordinal);
        Assert.DoesNotContain("argocdAdminPassword", stack, StringComparison.Ordinal);
        Assert.DoesNotContain("BC:24:11", stack, StringComparison.Ordinal);
        Assert.Contains(
            "worker-2: { labels: { example.com/gpu: \"true\" }, taints: { dedicated: \"gpu:NoSchedule\" }, role: worker,",
            stack,
            StringComparison.Ordinal);
        Assert.Contains("pulumi config set --secret -s lab bootstrap:argocdAdminPassword '<value>'", Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("pulumi config set --secret -s lab proxmoxve:apiToken '<value>'", Out.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, Run("plan", "lab"));
    }
}
