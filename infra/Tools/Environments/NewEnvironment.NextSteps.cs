namespace Bootstrap.Tools.Environments;

public static partial class NewEnvironment
{
    /// <summary>What happens after the files are written, as new-env prints it.</summary>
    public static string NextSteps(NewEnvironmentResult result)
    {
        var name = result.Blueprint.Config.Stack;
        var secrets = string.Join("\n", result.Secrets.Select(k => $"     pulumi config set --secret -s {name} {k} '<value>'"));
        var dns = string.Join(", ", result.Blueprint.Platform.Gateway.DnsRecords.Select(r => r.ToString()));
        // new-env refuses ids another stack file names; a VM left by a stack that was removed (`pulumi stack rm` without a
        // destroy) is in no stack file, and Proxmox refuses a second VM with an id in use (qm create: "already exists").
        var vms = result.Blueprint.Nodes.Select(n => n.Vm).OrderBy(v => v.VmId).ToList();
        var ids = string.Join(", ", vms.Select(v => v.VmId));
        var hosts = string.Join(", ", vms.Select(v => v.Host).Distinct(StringComparer.Ordinal));
        var left = result.LeftOut.Count == 0 ? ""
            : $"\nNot copied (the new cluster runs only environment {name}; add to its include lists what it should also run):\n"
              + string.Concat(result.LeftOut.Select(l => $"  {l}\n"));
        return $"""
            Next:
              1. Check: dotnet run --project infra/Cli -- plan {name}   and   dotnet run --project infra/Cli -- lint --schemas ../shared/schemas
              2. Secrets (never in the file): pulumi stack init {name}, then
            {secrets}
              3. DNS: {(dns.Length == 0 ? "none yet" : dns)} (plan {name} prints every record).
              4. Proxmox: no VM may hold the ids {ids} (on {hosts}); a VM left there by a removed stack is in no stack file,
                 so new-env cannot see it: remove it (VM > More > Remove) or give --vm-id-base.
              5. Commit, open a pull request; after the merge: pulumi up -s {name}, then verify --stack {name}.
            {left}
            """;
    }
}
