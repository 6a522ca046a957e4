using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Secrets;

/// <summary>
/// Argo CD's own secrets. argocd-secret is Pulumi's (the chart's createSecret is off), so the admin password survives
/// Argo CD's self-syncs; the repository Secret lets Argo CD clone a private repository.
/// </summary>
public static class ArgoCdSecrets
{
    private const string BcryptAlphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static SecretSpec ServerSecret(string @namespace) =>
        new("argocd-secret", @namespace, "Opaque", new Dictionary<string, string>
        {
            ["app.kubernetes.io/name"] = "argocd-secret",
            ["app.kubernetes.io/part-of"] = "argocd",
        });

    public static SecretSpec Repository(string @namespace) =>
        new("bootstrap-repository", @namespace, "Opaque", new Dictionary<string, string>
        {
            ["argocd.argoproj.io/secret-type"] = "repository",
            ["app.kubernetes.io/part-of"] = "argocd",
        });

    /// <summary>
    /// argocd-secret's data: the admin password as bcrypt, as Argo CD stores it. Empty without a password: Argo CD then generates one.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ServerSecretData(string? adminPassword, string clusterName) =>
        adminPassword is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { ["admin.password"] = HashPassword(adminPassword, clusterName) };

    /// <summary>
    /// bcrypt with a salt derived from cluster and password, so the same password gives the same hash and `pulumi up`
    /// shows no change; a changed password (or another cluster) gives another salt.
    /// </summary>
    public static string HashPassword(string password, string clusterName)
    {
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes($"argocd-admin:{clusterName}:{password}"));
        var salt = "$2a$10$" + string.Concat(seed.Take(22).Select(b => BcryptAlphabet[b % 64]));
        return BCrypt.Net.BCrypt.HashPassword(password, salt);
    }

    /// <summary>
    /// The repository Secret's data from <c>bootstrap:gitopsCredentials</c>: username and password (token) for an https
    /// URL, sshPrivateKey for an ssh URL. Problems name the key, never a value.
    /// </summary>
    public static IReadOnlyDictionary<string, string> RepositoryData(GitOpsSettings gitops, string credentialsJson)
    {
        var key = ConfigKey.Of(ConfigBinder.GitOpsCredentials);
        JsonObject? credentials;
        try
        {
            credentials = JsonNode.Parse(credentialsJson) as JsonObject;
        }
        catch (JsonException)
        {
            credentials = null;
        }

        if (credentials is null)
        {
            throw new BlueprintException([FindingId.ArgoCdRepoCredentials.At(
                key,
                "is not an object",
                "set {username, password} for https or {sshPrivateKey} for ssh, "
                + "e.g. pulumi config set --secret --path bootstrap:gitopsCredentials.password <token>")]);
        }

        var data = new Dictionary<string, string> { ["type"] = "git", ["url"] = gitops.RepoUrl };
        var ssh = !gitops.RepoUrl.StartsWith("https://", StringComparison.Ordinal);
        string[] required = ssh ? ["sshPrivateKey"] : ["username", "password"];
        var findings = required
            .Where(field => credentials[field] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || ((string)value!).Length == 0)
            .Select(field => FindingId.ArgoCdRepoCredentials.At(
                ConfigKey.Child(key, field),
                $"is missing, but {gitops.RepoUrl} is an {(ssh ? "ssh" : "https")} URL",
                $"pulumi config set --secret --path {key}.{field} <value>"))
            .ToList();
        findings.AddRange(credentials.Select(p => p.Key).Except(["username", "password", "sshPrivateKey"])
            .Select(field => FindingId.ArgoCdRepoCredentials.At(
                ConfigKey.Child(key, field), "is not a known key", "valid keys: username, password, sshPrivateKey")));
        if (findings.Count > 0)
        {
            throw new BlueprintException(findings);
        }

        foreach (var field in required)
        {
            data[field] = (string)credentials[field]!;
        }

        return data;
    }
}
