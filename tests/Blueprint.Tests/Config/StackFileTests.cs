using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Config;

public sealed class StackFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Secure_values_are_read_as_opaque_secret_markers()
    {
        Write("config:\n  proxmoxve:apiToken:\n    secure: v1:AAAA\n  bootstrap:gitops: {repoUrl: x}\nencryptionsalt: v1:salt\n");

        var (values, findings) = StackFile.Read(_folder.Path, "dev");

        Assert.Empty(findings);
        Assert.True(SecretValue.IsSecret(values["proxmoxve:apiToken"]));
        Assert.False(SecretValue.IsSecret(values["bootstrap:gitops"]));
    }

    [Fact]
    public void A_yaml_syntax_error_names_file_and_line()
    {
        Write("config:\n  bootstrap:cluster:\n    name: [dev\n");

        var (_, findings) = StackFile.Read(_folder.Path, "dev");

        var error = Assert.Single(findings);
        Assert.StartsWith("Pulumi.dev.yaml:", error.Key, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_key_is_an_error_as_go_yaml_words_it()
    {
        Write("config:\n  bootstrap:cluster: {name: a}\n  bootstrap:cluster: {name: b}\n");

        var (_, findings) = StackFile.Read(_folder.Path, "dev");

        var error = Assert.Single(findings);
        Assert.Equal("Pulumi.dev.yaml:3:3", error.Key);
        Assert.Equal("mapping key \"bootstrap:cluster\" already defined at line 2", error.Problem);
    }

    [Fact]
    public void Unknown_top_level_keys_are_errors()
    {
        Write("config: {}\nconfg: {}\n");

        var (_, findings) = StackFile.Read(_folder.Path, "dev");

        Assert.Equal("Pulumi.dev.yaml: confg", Assert.Single(findings).Key);
    }

    [Fact]
    public void An_unknown_stack_lists_the_known_ones()
    {
        Write("config: {}\n");
        _folder.Write("Pulumi.ops.yaml", "config: {}\n");

        var (_, findings) = StackFile.Read(_folder.Path, "prod");

        var error = Assert.Single(findings);
        Assert.Contains("known stacks: dev, ops", error.Fix, StringComparison.Ordinal);
    }

    private void Write(string text) => _folder.Write("Pulumi.dev.yaml", text);
}
