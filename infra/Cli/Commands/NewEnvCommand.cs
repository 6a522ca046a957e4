using System.CommandLine;
using Bootstrap.Tools.Environments;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Validation;
using Bootstrap.Cli.Output;

namespace Bootstrap.Cli.Commands;

/// <summary>
/// <c>new-env &lt;name&gt; --from &lt;env&gt; --cidr --gateway --vip --pool [--hosts] [--vm-id-base] [--domain] ...</c>: writes a complete
/// environment (stack file, cluster folder, platform folders, values, ApplicationSet, project) and stages it in renovate.json.
/// </summary>
internal static class NewEnvCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var name = new Argument<string>("name")
        {
            Description = "The new environment: a DNS label; also its stack, cluster and ApplicationSet apps-<name>.",
        };
        var from = new Option<string>("--from")
        {
            Description = "The environment to copy (versions, sizes, roles, charts, values), e.g. dev.",
            Required = true,
        };
        var cidr = new Option<string>("--cidr")
        {
            Description = "Its own node network, e.g. 192.168.60.0/24 (no other stack's may overlap).",
            Required = true,
        };
        var gateway = new Option<string>("--gateway") { Description = "The network's default gateway, e.g. 192.168.60.1.", Required = true };
        var vip = new Option<string>("--vip")
        {
            Description = "The Kubernetes API VIP; the nodes take the free addresses after it.",
            Required = true,
        };
        var pool = new Option<string>("--pool")
        {
            Description = "LoadBalancer pool first-last; its first address is the Gateway's.",
            Required = true,
        };
        var hosts = new Option<string?>("--hosts")
        {
            Description = "Proxmox hosts to spread the nodes over, round-robin, control planes first, e.g. pve1,pve2,pve3. Default: the source's.",
        };
        var vmIdBase = new Option<int?>("--vm-id-base")
        {
            Description = "VM ids are this plus the node address's offset in the network (6000: .61 → 6061). Default: "
                + "the next thousand above every stack's ids.",
        };
        var domain = new Option<string?>("--domain")
        {
            Description = "The domain its Gateway serves (*.<domain>, Argo CD at argocd.<domain>). Default: "
                + "the source's with its name replaced (lab.lab.internal).",
        };
        var bridge = new Option<string?>("--bridge") { Description = "Proxmox bridge. Default: the source's." };
        var vlan = new Option<int?>("--vlan") { Description = "VLAN tag 1-4094. Default: the source's." };
        var nameservers = new Option<string?>("--nameservers")
        {
            Description = "DNS resolvers, comma-separated. Default: the source's, its gateway replaced by --gateway.",
        };
        var stage = new Option<string?>("--stage")
        {
            Description = "Join the Renovate rollout stage of this environment (e.g. ops: bumps after the soak). Default: the first stage (dev's).",
        };
        var repoRoot = CommonOptions.Root();
        var command = new Command(
            "new-env", "Add an environment copied from another: stack file, GitOps cluster folder, platform folders, values, Renovate stage.")
        {
            name, from, cidr, gateway, vip, pool, hosts, vmIdBase, domain, bridge, vlan, nameservers, stage, repoRoot,
        };
        command.SetAction(result =>
        {
            var root = CommonOptions.RepoRoot(result, repoRoot);
            var env = result.GetValue(name)!;
            // The name becomes folder names and Kubernetes names: checked before anything is looked up with it.
            if (!NameRule.IsDnsLabel(env))
            {
                throw new UsageException($"name '{env}': not a DNS-1123 label; use lowercase letters, digits and '-', "
                    + "at most 63 characters, starting and ending with a letter or digit");
            }

            var repository = new RepoDirectory(root);
            var request = new NewEnvironmentRequest(
                env,
                result.GetValue(from)!,
                result.GetValue(cidr)!,
                result.GetValue(gateway)!,
                result.GetValue(vip)!,
                result.GetValue(pool)!,
                List(result.GetValue(hosts)),
                result.GetValue(vmIdBase),
                result.GetValue(domain),
                result.GetValue(bridge),
                result.GetValue(vlan),
                List(result.GetValue(nameservers)),
                result.GetValue(stage));
            var (planned, problems) = NewEnvironment.Plan(request, repository);
            if (planned is null)
            {
                return DiagnosticsReport.Print(problems, stderr);
            }

            DiagnosticsReport.Print(planned.Warnings, stderr);
            RepositoryChange.Apply(repository, planned.Created, planned.Renovate);
            stdout.WriteLine("Created:");
            foreach (var (path, _) in planned.Created)
            {
                stdout.WriteLine($"  {path}");
            }

            if (planned.Renovate is { } change)
            {
                stdout.WriteLine($"Changed:\n  {change.Path} ({env} joins rollout stage {planned.StageJoined})");
            }

            stdout.Write(NewEnvironment.NextSteps(planned));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string[]? List(string? text) => text?.Split(',', StringSplitOptions.TrimEntries);
}
