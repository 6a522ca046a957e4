using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Config;

public class ConfigBinderTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("ops")]
    public void Repository_stacks_bind_without_findings(string stack)
    {
        var result = StackInput.Of(stack).Bind();

        Assert.Empty(result.Diagnostics);
        Assert.Equal(5, result.Config!.Cluster.Nodes.Count);
    }

    [Fact]
    public void Binding_gives_typed_records_with_documented_defaults()
    {
        var config = StackInput.Of("dev").Config();

        Assert.Equal(NodeRole.ControlPlane, config.Cluster.Nodes["cp-1"].Role);
        Assert.Equal(4096, config.Cluster.Nodes["cp-1"].MemoryMiB);
        Assert.Equal(40, config.Cluster.Network.Vlan);
        Assert.Equal("/dev/sda", config.Cluster.InstallDisk);
        Assert.Equal("10.244.0.0/16", config.Cluster.Network.PodSubnet);
        Assert.Equal("10.96.0.0/12", config.Cluster.Network.ServiceSubnet);
        Assert.False(config.Cluster.Proxmox.Protect);
        Assert.True(StackInput.Of("ops").Config().Cluster.Proxmox.Protect);
    }

    [Fact]
    public void Unknown_key_is_an_error_listing_the_valid_keys()
    {
        var input = StackInput.Of("dev");
        input.Node("cp-2")["cpus"] = 2;

        var error = Findings.SingleError(input.Bind().Diagnostics, "bootstrap:cluster.nodes.cp-2.cpus", "is not a known key");

        Assert.Contains("role, ip, host, vmId, cores, memoryMiB, diskGiB, mac, labels, taints", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_with_wrong_case_suggests_the_right_one()
    {
        var input = StackInput.Of("dev");
        var node = input.Node("worker-1");
        node["memoryMib"] = node["memoryMiB"]!.DeepClone();
        node.Remove("memoryMiB");

        var findings = input.Bind().Diagnostics;

        Findings.SingleError(findings, "bootstrap:cluster.nodes.worker-1.memoryMib", "did you mean 'memoryMiB'?");
        Findings.SingleError(findings, "bootstrap:cluster.nodes.worker-1.memoryMiB", "is missing");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var input = StackInput.Of("dev");
        input.Node("cp-1")["cores"] = "two";
        input.Node("cp-2")["role"] = "master";
        input.Network.Remove("gateway");
        input.GitOps["branch"] = "main";

        var result = input.Bind();

        Assert.Null(result.Config);
        Findings.SingleError(result.Diagnostics, "bootstrap:cluster.nodes.cp-1.cores", "expected a whole number, got \"two\"");
        Findings.SingleError(result.Diagnostics, "bootstrap:cluster.nodes.cp-2.role", "\"master\" is not allowed", "controlplane, worker");
        Findings.SingleError(result.Diagnostics, "bootstrap:cluster.network.gateway", "is missing");
        Findings.SingleError(result.Diagnostics, "bootstrap:gitops.branch", "is not a known key", "repoUrl, revision, path");
    }

    [Fact]
    public void Whole_numbers_written_as_strings_bind()
    {
        var input = StackInput.Of("dev");
        input.Node("cp-1")["vmId"] = "4061";

        Assert.Equal(4061, input.Config().Cluster.Nodes["cp-1"].VmId);
    }

    [Fact]
    public void A_version_yaml_reads_as_a_number_asks_to_quote_it()
    {
        var input = StackInput.Of("dev");
        input.Cluster["kubernetesVersion"] = 1.36;

        Findings.SingleError(input.Bind().Diagnostics, "bootstrap:cluster.kubernetesVersion", "expected a string, got 1.36", "quote the value");
    }

    [Fact]
    public void Unknown_bootstrap_key_lists_the_valid_ones()
    {
        var input = StackInput.Of("dev").Set("bootstrap:clusters", new JsonObject());

        Findings.SingleError(
            input.Bind().Diagnostics, "bootstrap:clusters", "is not a known key", "bootstrap:cluster, bootstrap:gitops, bootstrap:gitopsCredentials");
    }

    [Fact]
    public void Keys_without_a_namespace_belong_to_the_project()
    {
        var input = StackInput.Of("dev");
        var cluster = input.Values["bootstrap:cluster"];
        input.Values.Remove("bootstrap:cluster");
        input.Values["cluster"] = cluster;

        Assert.Equal("dev", input.Config().Cluster.Name);
    }

    [Fact]
    public void Missing_sections_are_named()
    {
        var input = StackInput.Of("dev");
        input.Values.Remove("bootstrap:gitops");
        input.Values.Remove("proxmoxve:endpoint");

        var findings = input.Bind().Diagnostics;

        Findings.SingleError(findings, "bootstrap:gitops", "is missing");
        Findings.SingleError(findings, "proxmoxve:endpoint", "is missing", "pulumi config set proxmoxve:endpoint");
    }

    [Fact]
    public void Insecure_flag_must_be_a_boolean()
    {
        var input = StackInput.Of("dev").Set("proxmoxve:insecure", "yes");

        Findings.SingleError(input.Bind().Diagnostics, "proxmoxve:insecure", "\"yes\" is not a boolean");
    }

    [Theory]
    [InlineData("bootstrap:argocdAdminPassword")]
    [InlineData("bootstrap:sealedSecretsKeys")]
    [InlineData("proxmoxve:apiToken")]
    [InlineData("proxmoxve:password")]
    public void A_secret_in_plain_text_is_an_error_that_never_echoes_it(string key)
    {
        var input = StackInput.Of("dev").Set(key, "hunter2-s3cr3t");

        var result = input.Bind();

        Assert.Null(result.Config);
        var error = Findings.SingleError(
            result.Diagnostics, key, "holds a secret in plain text in Pulumi.dev.yaml", $"pulumi config set --secret {key}");
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_text_field_inside_a_structured_secret_names_its_path()
    {
        var input = StackInput.Of("dev").Set("bootstrap:gitopsCredentials", new JsonObject { ["username"] = "git", ["password"] = "ghp_plain" });

        Findings.SingleError(
            input.Bind().Diagnostics,
            "bootstrap:gitopsCredentials.password",
            "plain text",
            "pulumi config set --secret --path bootstrap:gitopsCredentials.password");
    }

    [Fact]
    public void Secrets_stored_with_pulumi_are_present_but_opaque()
    {
        var input = StackInput.Of("dev")
            .Set("proxmoxve:apiToken", SecretValue.Marker("v1:abc"))
            .Set("bootstrap:argocdAdminPassword", SecretValue.Marker("v1:def"))
            .Set("bootstrap:gitopsCredentials", new JsonObject { ["username"] = "git", ["password"] = SecretValue.Marker("v1:ghi") });

        var config = input.Config();

        Assert.True(config.Proxmox.HasApiToken);
        Assert.True(config.Secrets.ArgoCdAdminPassword);
        Assert.True(config.Secrets.GitOpsCredentials);
        Assert.False(config.Secrets.SealedSecretsKeys);
    }
}
