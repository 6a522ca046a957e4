using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Tests.Secrets;

/// <summary>The one redaction: what a credential looks like in the places it reaches output, and what stays readable.</summary>
public sealed class RedactionTests
{
    [Theory]
    [InlineData("https://admin:hunter2@10.0.0.1:6443", "https://[redacted]@10.0.0.1:6443")]
    [InlineData("https://ghp_TOKEN123@github.com/org/repo.git", "https://[redacted]@github.com/org/repo.git")]
    [InlineData("cannot reach http://u:p%40ss@127.0.0.1:1/api: refused", "cannot reach http://[redacted]@127.0.0.1:1/api: refused")]
    [InlineData("ssh://git:secret@host/repo", "ssh://git:[redacted]@host/repo")]
    [InlineData("https://h/x?token=abc123&page=2", "https://h/x?token=[redacted]&page=2")]
    [InlineData("Authorization: Bearer abcdefghijklmnop", "Authorization: Bearer [redacted]")]
    [InlineData("jwt eyJhbGciOiJSUzI1.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl here", "jwt [redacted] here")]
    [InlineData("-----BEGIN PRIVATE KEY-----MIIEvQ-----END PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----[redacted]-----END PRIVATE KEY-----")]
    public void A_credential_is_replaced_and_the_rest_stays(string text, string shown) => Assert.Equal(shown, Redaction.Text(text));

    [Theory]
    [InlineData("https://10.0.0.1:6443")]
    [InlineData("ssh://git@github.com/org/repo.git")]
    [InlineData("git@github.com:org/repo.git")]
    [InlineData("error: bootstrap:cluster.nodes[3].ip: 192.168.40.300 is not an address")]
    [InlineData("kubectl get secret -l sealedsecrets.bitnami.com/sealed-secrets-key=active")]
    public void Text_without_a_credential_is_unchanged(string text) => Assert.Equal(text, Redaction.Text(text));
}
