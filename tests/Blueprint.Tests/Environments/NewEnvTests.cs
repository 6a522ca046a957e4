using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Renovate;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Tests.Lint;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Blueprint.Yaml;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Environments;

public sealed class NewEnvTests : CliSession
{
    private static readonly string[] Lab =
    [
        "new-env", "lab", "--from", "dev", "--cidr", "192.168.60.0/24", "--gateway", "192.168.60.1", "--vip", "192.168.60.60",
        "--pool", "192.168.60.70-192.168.60.89", "--hosts", "pve1,pve2,pve3", "--vlan", "60",
    ];

    private static readonly string[] LabFiles =
    [
        "Pulumi.lab.yaml",
        "gitops/appsets/apps-lab.yaml",
        "gitops/clusters/lab/appsets.yaml",
        "gitops/clusters/lab/core/argocd.yaml",
        "gitops/clusters/lab/core/cert-manager.yaml",
        "gitops/clusters/lab/core/cilium.yaml",
        "gitops/clusters/lab/core/reloader.yaml",
        "gitops/clusters/lab/core/sealed-secrets.yaml",
        "gitops/clusters/lab/core/trust-manager.yaml",
        "gitops/clusters/lab/gateway-api.yaml",
        "gitops/clusters/lab/gateway.yaml",
        "gitops/clusters/lab/platform-pki.yaml",
        "gitops/clusters/lab/projects.yaml",
        "gitops/clusters/lab/root.yaml",
        "gitops/platform/gateway-api/lab/kustomization.yaml",
        "gitops/platform/gateway/lab/argocd-route.yaml",
        "gitops/platform/gateway/lab/certificate.yaml",
        "gitops/platform/gateway/lab/gateway.yaml",
        "gitops/platform/gateway/lab/https-redirect.yaml",
        "gitops/projects/lab.yaml",
        "stacks/lab/values/argocd.yaml",
        "stacks/lab/values/cert-manager.yaml",
        "stacks/lab/values/cilium.yaml",
        "stacks/lab/values/reloader.yaml",
        "stacks/lab/values/sealed-secrets.yaml",
        "stacks/lab/values/trust-manager.yaml",
    ];

    [Fact]
    public void A_lab_copied_from_dev_is_one_command_and_plans_and_lints_untouched()
    {
        var before = Snapshot();

        Assert.Equal(ExitCodes.Ok, Run(Lab));

        var after = Snapshot();
        Assert.Equal(LabFiles, after.Keys.Except(before.Keys).Order(StringComparer.Ordinal));
        Assert.Equal(["renovate.json"], before.Keys.Where(k => before[k] != after[k]));
        Assert.Equal("", Err.ToString());
        Assert.Equal(ExitCodes.Ok, Run("plan", "lab"));
        Assert.Contains("Stack lab: cluster lab", Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("argocd.lab.lab.internal  A     192.168.60.70", Out.ToString(), StringComparison.Ordinal);
        Assert.Equal("", Err.ToString());
        Assert.Equal(ExitCodes.Ok, Run("lint"));
        Assert.Contains("3 stack(s) OK: dev, lab, ops", Out.ToString(), StringComparison.Ordinal);
        // Only dev's and ops's own placement warnings: nothing about lab, and Renovate stages it.
        Assert.DoesNotContain("lab", Err.ToString(), StringComparison.Ordinal);
    }

    [SchemaFact]
    public void The_new_environment_passes_lint_against_the_upstream_schemas()
    {
        Assert.Equal(ExitCodes.Ok, Run(Lab));

        Assert.Equal(ExitCodes.Ok, Run("lint", "--schemas", Repo.Schemas));
        Assert.Contains("3 stack(s) OK against", Out.ToString(), StringComparison.Ordinal);
    }

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
    public void Renovate_stages_the_new_environment_with_dev_by_default_and_with_ops_when_asked()
    {
        Assert.Equal(ExitCodes.Ok, Run(Lab));
        Assert.Contains("renovate.json (lab joins rollout stage dev)", Out.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            ExitCodes.Ok,
            Run([
                .. Lab.Select(a => a == "lab" ? "stage" : a).Select(a => a.Replace("192.168.60.", "192.168.70.", StringComparison.Ordinal)),
                "--stage",
                "ops"]));

        var stages = Stages();
        Assert.Equal("dev/", stages.Single(s => s.Covers("Pulumi.lab.yaml")).BranchPrefix);
        Assert.Equal("ops/", stages.Single(s => s.Covers("gitops/clusters/stage/core/cilium.yaml")).BranchPrefix);
        Assert.True(stages.Single(s => s.BranchPrefix == "dev/").Covers("gitops/platform/gateway-api/lab/kustomization.yaml"));
        Assert.Contains("\n        \"gitops/clusters/lab/**\", \"gitops/platform/*/lab/**\", \"gitops/apps/apps-lab/**\", "
            + "\"stacks/lab/**\", \"Pulumi.lab.yaml\"\n      ],",
            File.ReadAllText(Repository.File("renovate.json")), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, Run("lint"));
        Assert.DoesNotContain("no rollout stage covers", Err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_copy_of_ops_runs_only_its_own_environment_and_says_what_it_left_out()
    {
        Assert.Equal(ExitCodes.Ok, Run(
            "new-env", "staging", "--from", "ops", "--cidr", "10.20.0.0/16", "--gateway", "10.20.0.1", "--vip", "10.20.1.10",
            "--pool", "10.20.2.0-10.20.2.50", "--domain", "staging.example.internal", "--vm-id-base", "20000"));

        Assert.False(File.Exists(Repository.File("gitops/clusters/staging/monitoring.yaml")));
        Assert.Contains(
            "include: \"{apps-staging.yaml}\"", File.ReadAllText(Repository.File("gitops/clusters/staging/appsets.yaml")), StringComparison.Ordinal);
        Assert.Contains("environment monitoring (ApplicationSet apps-monitoring", Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("gitops/clusters/ops/monitoring.yaml (an Application of project monitoring)", Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("ops's apps (nginx): add staging's own with new-app staging <name> ...", Out.ToString(), StringComparison.Ordinal);
        // ops's hosts (pve2, pve3) round-robin: control planes first; the VM ids count from the base by address offset.
        var stack = File.ReadAllText(Repository.File("Pulumi.staging.yaml"));
        Assert.Contains("cp-3: { role: controlplane, ip: 10.20.1.13, host: pve2, vmId: 20269", stack, StringComparison.Ordinal);
        Assert.Contains("protect: true", stack, StringComparison.Ordinal);
        Assert.Contains(
            "warning: --vlan: not given: staging puts its subnet 10.20.0.0/16 on ops's VLAN 50", Err.ToString(), StringComparison.Ordinal);
        Assert.Contains("losing Proxmox host pve2 loses the etcd quorum of cluster staging", Err.ToString(), StringComparison.Ordinal);
        Assert.Contains(
            "hostname: \"*.staging.example.internal\"",
            File.ReadAllText(Repository.File("gitops/platform/gateway/staging/gateway.yaml")),
            StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, Run("plan", "staging"));
        Assert.Equal(ExitCodes.Ok, Run("lint"));
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

    public static TheoryData<string[], int, string> Refusals() => new()
    {
        { Args(("lab", "Lab_1")), ExitCodes.Usage, "name 'Lab_1': not a DNS-1123 label" },
        { Args(("lab", "ops")), ExitCodes.Invalid, "error: Pulumi.ops.yaml: already exists" },
        { Args(("lab", "common")), ExitCodes.Invalid, "<name> \"common\": is reserved (stacks/common/ holds the values every environment shares)" },
        { Args(("dev", "prod")), ExitCodes.Invalid, "error: --from prod: is not a stack of this repository; copy one of: dev, ops" },
        { Args(("192.168.60.0/24", "192.168.60.0/33")), ExitCodes.Invalid, "error: --cidr 192.168.60.0/33: is not an IPv4 network in CIDR form" },
        { Args(("192.168.60.0/24", "192.168.60.7/24")), ExitCodes.Invalid, "error: --cidr 192.168.60.7/24: is not an IPv4 network in CIDR form" },
        {
            ["new-env", "lab", "--from", "dev", "--cidr", "192.168.40.128/25", "--gateway", "192.168.40.129", "--vip", "192.168.40.160", "--pool",
                "192.168.40.170-192.168.40.180"],
            ExitCodes.Invalid, "error: --cidr 192.168.40.128/25: overlaps dev's network 192.168.40.0/24 (Pulumi.dev.yaml)"
        },
        {
            Args(("192.168.60.60", "192.168.61.60")), ExitCodes.Invalid,
            "error: --vip 192.168.61.60: is not a host address of --cidr 192.168.60.0/24"
        },
        {
            Args(("192.168.60.60", "192.168.60.252")), ExitCodes.Invalid,
            "error: --vip 192.168.60.252: leaves too few addresses after it in 192.168.60.0/24 for the 5 nodes"
        },
        {
            Args(("192.168.60.70-192.168.60.89", "192.168.60.70-192.168.61.89")), ExitCodes.Invalid,
            "error: --pool (bootstrap:cluster.network.loadBalancerPool): 192.168.61.89 is outside network.cidr"
        },
        {
            Args(("192.168.60.70-192.168.60.89", "192.168.60.89-192.168.60.70")), ExitCodes.Invalid,
            "error: --pool 192.168.60.89-192.168.60.70: is not an address range first-last"
        },
        {
            Args(("192.168.60.1", "192.168.60.60")), ExitCodes.Invalid,
            "error: --vip (bootstrap:cluster.network.vip): 192.168.60.60 is already used by the gateway"
        },
        {
            Args(("192.168.60.1", "192.168.70.1")), ExitCodes.Invalid,
            "error: --gateway (bootstrap:cluster.network.gateway): 192.168.70.1 is outside network.cidr 192.168.60.0/24"
        },
        {
            [.. Lab, "--vm-id-base", "4000"], ExitCodes.Invalid,
            "error: --vm-id-base 4000: gives node cp-1 VM id 4061, which dev's node cp-1 already uses (and 4 more)"
        },
        {
            [.. Lab, "--vm-id-base", "0"], ExitCodes.Invalid,
            "error: --vm-id-base (bootstrap:cluster.nodes.cp-1.vmId): 61 is outside Proxmox's VM id range"
        },
        { [.. Lab, "--domain", "dev.lab.internal"], ExitCodes.Invalid, "error: --domain dev.lab.internal: is dev's domain already" },
        { [.. Lab, "--domain", "Lab..internal"], ExitCodes.Invalid, "error: --domain Lab..internal: is not a DNS name" },
        {
            [.. Lab, "--stage", "qa"], ExitCodes.Invalid,
            "error: --stage qa: is an environment no rollout stage covers; join the stage of one of: dev, ops"
        },
        { Args(("pve1,pve2,pve3", "pve1,,pve3")), ExitCodes.Invalid, "error: --hosts: has an empty host name" },
        {
            Args(("pve1,pve2,pve3", "pve_1")), ExitCodes.Invalid,
            "error: --hosts (bootstrap:cluster.nodes.cp-1.host): \"pve_1\" is not a Proxmox host name"
        },
        { Args(("60", "5000")), ExitCodes.Invalid, "error: --vlan (bootstrap:cluster.network.vlan): 5000 is not a VLAN id" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Bad_input_names_the_flag_and_writes_nothing(string[] args, int exit, string message)
    {
        var before = Snapshot();

        Assert.Equal(exit, Run(args));

        Assert.Contains(message, Err.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Err.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_required_flag_left_out_is_a_usage_error()
    {
        var before = Snapshot();

        Assert.Equal(ExitCodes.Usage, Run("new-env", "lab", "--from", "dev", "--cidr", "192.168.60.0/24"));

        Assert.Contains("--gateway", Err.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_failure_while_writing_removes_every_file_and_folder_written()
    {
        var before = Snapshot();
        // Lets new-env plan, then makes one of its later files appear before it is written (another process, say).
        var repository = new RepoDirectory(Repository.Path);
        var (planned, problems) = Blueprint.Environments.NewEnvironment.Plan(Request(), repository);
        Assert.Empty(problems);
        Repository.Write("stacks/lab/values/trust-manager.yaml", "someone else's\n");

        Assert.Throws<IOException>(() => Bootstrap.Cli.Output.RepositoryChange.Apply(repository, planned!.Created, planned.Renovate));

        File.Delete(Repository.File("stacks/lab/values/trust-manager.yaml"));
        Directory.Delete(Repository.File("stacks/lab/values"));
        Directory.Delete(Repository.File("stacks/lab"));
        Assert.Equal(before, Snapshot());
        Assert.False(Directory.Exists(Repository.File("gitops/clusters/lab")));
    }

    [Fact]
    public void A_renovate_json_changed_since_the_plan_is_not_overwritten_and_nothing_stays()
    {
        var repository = new RepoDirectory(Repository.Path);
        var (planned, _) = Blueprint.Environments.NewEnvironment.Plan(Request(), repository);
        File.AppendAllText(Repository.File("renovate.json"), "\n");
        var before = Snapshot();

        var error = Assert.Throws<IOException>(() => Bootstrap.Cli.Output.RepositoryChange.Apply(repository, planned!.Created, planned.Renovate));

        Assert.Contains("renovate.json changed while the command ran", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void New_env_never_reads_or_writes_through_a_folder_symlinked_out_of_the_repository()
    {
        using var elsewhere = new TempFolder();
        Directory.Move(Repository.File("stacks"), Path.Combine(elsewhere.Path, "stacks"));
        Directory.CreateSymbolicLink(Repository.File("stacks"), Path.Combine(elsewhere.Path, "stacks"));
        var outside = Directory.GetFiles(elsewhere.Path, "*", SearchOption.AllDirectories);
        var before = Snapshot();

        Assert.Equal(ExitCodes.Invalid, Run(Lab));

        Assert.Contains("error: stacks", Err.ToString(), StringComparison.Ordinal);
        Assert.Contains("is a symlink to the absolute path", Err.ToString(), StringComparison.Ordinal);
        Assert.Equal(outside, Directory.GetFiles(elsewhere.Path, "*", SearchOption.AllDirectories));
        Assert.Equal(before, Snapshot());
    }

    private static Blueprint.Environments.NewEnvironmentRequest Request() =>
        new("lab", "dev", "192.168.60.0/24", "192.168.60.1", "192.168.60.60", "192.168.60.70-192.168.60.89", ["pve1", "pve2", "pve3"], Vlan: 60);

    private static string[] Args((string From, string To) change) => Lab.Select(a => a == change.From ? change.To : a).ToArray();

    private IReadOnlyList<Stage> Stages()
    {
        var findings = new List<Bootstrap.Blueprint.Diagnostics.Diagnostic>();
        var stages = RenovateSetup.Read(new RepoDirectory(Repository.Path), findings)!.Stages;
        Assert.Empty(findings);
        return stages;
    }

    private SortedDictionary<string, string> Snapshot() =>
        new(Directory.GetFiles(Repository.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Repository.Path, f).Replace('\\', '/'), File.ReadAllText), StringComparer.Ordinal);
}
