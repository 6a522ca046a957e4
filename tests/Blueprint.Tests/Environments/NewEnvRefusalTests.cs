using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Environments;

/// <summary>What new-env refuses: each bad flag is named, and nothing is written.</summary>
public sealed class NewEnvRefusalTests : NewEnvSession
{
    public static TheoryData<string[], int, string> Refusals() => new()
    {
        { Args(("lab", "Lab_1")), ExitCodes.Usage, "name 'Lab_1': not a DNS-1123 label" },
        { Args(("lab", "ops")), ExitCodes.Invalid, "error BP079: Pulumi.ops.yaml: already exists" },
        { Args(("lab", "common")), ExitCodes.Invalid, "<name> \"common\": is reserved (stacks/common/ holds the values every environment shares)" },
        { Args(("dev", "prod")), ExitCodes.Invalid, "error BP079: --from prod: is not a stack of this repository; copy one of: dev, ops" },
        {
            Args(("192.168.60.0/24", "192.168.60.0/33")), ExitCodes.Invalid,
            "error BP079: --cidr 192.168.60.0/33: is not an IPv4 network in CIDR form"
        },
        {
            Args(("192.168.60.0/24", "192.168.60.7/24")), ExitCodes.Invalid,
            "error BP079: --cidr 192.168.60.7/24: is not an IPv4 network in CIDR form"
        },
        {
            ["new-env", "lab", "--from", "dev", "--cidr", "192.168.40.128/25", "--gateway", "192.168.40.129", "--vip", "192.168.40.160", "--pool",
                "192.168.40.170-192.168.40.180"],
            ExitCodes.Invalid, "error BP079: --cidr 192.168.40.128/25: overlaps dev's network 192.168.40.0/24 (Pulumi.dev.yaml)"
        },
        {
            Args(("192.168.60.60", "192.168.61.60")), ExitCodes.Invalid,
            "error BP079: --vip 192.168.61.60: is not a host address of --cidr 192.168.60.0/24"
        },
        {
            Args(("192.168.60.60", "192.168.60.252")), ExitCodes.Invalid,
            "error BP079: --vip 192.168.60.252: leaves too few addresses after it in 192.168.60.0/24 for the 5 nodes"
        },
        {
            Args(("192.168.60.70-192.168.60.89", "192.168.60.70-192.168.61.89")), ExitCodes.Invalid,
            "error BP007: --pool (bootstrap:cluster.network.loadBalancerPool): 192.168.61.89 is outside network.cidr"
        },
        {
            Args(("192.168.60.70-192.168.60.89", "192.168.60.89-192.168.60.70")), ExitCodes.Invalid,
            "error BP079: --pool 192.168.60.89-192.168.60.70: is not an address range first-last"
        },
        {
            Args(("192.168.60.1", "192.168.60.60")), ExitCodes.Invalid,
            "error BP007: --vip (bootstrap:cluster.network.vip): 192.168.60.60 is already used by the gateway"
        },
        {
            Args(("192.168.60.1", "192.168.70.1")), ExitCodes.Invalid,
            "error BP007: --gateway (bootstrap:cluster.network.gateway): 192.168.70.1 is outside network.cidr 192.168.60.0/24"
        },
        {
            [.. Lab, "--vm-id-base", "4000"], ExitCodes.Invalid,
            "error BP079: --vm-id-base 4000: gives node cp-1 VM id 4061, which dev's node cp-1 already uses (and 4 more)"
        },
        {
            [.. Lab, "--vm-id-base", "0"], ExitCodes.Invalid,
            "error BP017: --vm-id-base (bootstrap:cluster.nodes.cp-1.vmId): 61 is outside Proxmox's VM id range"
        },
        { [.. Lab, "--domain", "dev.lab.internal"], ExitCodes.Invalid, "error BP079: --domain dev.lab.internal: is dev's domain already" },
        { [.. Lab, "--domain", "Lab..internal"], ExitCodes.Invalid, "error BP079: --domain Lab..internal: is not a DNS name" },
        {
            [.. Lab, "--stage", "qa"], ExitCodes.Invalid,
            "error BP079: --stage qa: is an environment no rollout stage covers; join the stage of one of: dev, ops"
        },
        { Args(("pve1,pve2,pve3", "pve1,,pve3")), ExitCodes.Invalid, "error BP079: --hosts: has an empty host name" },
        {
            Args(("pve1,pve2,pve3", "pve_1")), ExitCodes.Invalid,
            "error BP017: --hosts (bootstrap:cluster.nodes.cp-1.host): \"pve_1\" is not a Proxmox host name"
        },
        { Args(("60", "5000")), ExitCodes.Invalid, "error BP017: --vlan (bootstrap:cluster.network.vlan): 5000 is not a VLAN id" },
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
}
