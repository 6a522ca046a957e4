using Bootstrap.Analyser.Renovate;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Tests.Lint;
using Bootstrap.Blueprint.Tests.Support;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Environments;

/// <summary>What new-env writes, end to end: the new files, Renovate's stage, and plan and lint passing right after.</summary>
public sealed class NewEnvTests : NewEnvSession
{
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
    public void The_next_steps_name_the_vm_ids_a_removed_stack_may_still_hold_on_the_hosts()
    {
        Assert.Equal(ExitCodes.Ok, Run(Lab));

        Assert.Contains("4. Proxmox: no VM may hold the ids ", Out.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"no VM may hold the ids (\d+, ){4}\d+ \(on pve1, pve2, pve3\)", Out.ToString());
        Assert.Contains("remove it (VM > More > Remove) or give --vm-id-base", Out.ToString(), StringComparison.Ordinal);
    }

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

        Assert.Equal(ExitCodes.Ok, Run("lint", "--schemas", Repo.Schemas, "--charts", Repo.Charts));
        Assert.Contains("3 stack(s) OK against", Out.ToString(), StringComparison.Ordinal);
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
            "warning BP080: --vlan: not given: staging puts its subnet 10.20.0.0/16 on ops's VLAN 50", Err.ToString(), StringComparison.Ordinal);
        Assert.Contains("losing Proxmox host pve2 loses the etcd quorum of cluster staging", Err.ToString(), StringComparison.Ordinal);
        Assert.Contains(
            "hostname: \"*.staging.example.internal\"",
            File.ReadAllText(Repository.File("gitops/platform/gateway/staging/gateway.yaml")),
            StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, Run("plan", "staging"));
        Assert.Equal(ExitCodes.Ok, Run("lint"));
    }

    private IReadOnlyList<Stage> Stages()
    {
        var findings = new List<Bootstrap.Blueprint.Diagnostics.Diagnostic>();
        var stages = RenovateSetup.Read(new RepoDirectory(Repository.Path), findings)!.Stages;
        Assert.Empty(findings);
        return stages;
    }
}
