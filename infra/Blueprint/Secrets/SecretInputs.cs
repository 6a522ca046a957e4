using System.Text.Json;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Plan;

namespace Bootstrap.Blueprint.Secrets;

/// <summary>
/// Checks the decrypted secrets the Pulumi program receives, before any resource exists, so a malformed secret fails
/// `pulumi up` up front (never halfway, inside an Apply). Findings name the key, never the value.
/// </summary>
public static class SecretInputs
{
    public static IReadOnlyList<Diagnostic> Check(ClusterBlueprint blueprint, Func<string, string?> plaintext)
    {
        var findings = new List<Diagnostic>();
        var secrets = blueprint.Config.Secrets;
        if (secrets.GitOpsCredentials)
        {
            Collect(findings, () => ArgoCdSecrets.RepositoryData(blueprint.Config.GitOps, plaintext(ConfigKey.Of(ConfigBinder.GitOpsCredentials)) ?? ""));
        }

        if (secrets.SealedSecretsKeys)
        {
            Collect(findings, () => SealedSecretsKeys.Render(plaintext(ConfigKey.Of(ConfigBinder.SealedSecretsKeys)) ?? "", blueprint.SealedSecretsNamespace));
        }

        if (secrets.ArgoCdAdminPassword && string.IsNullOrEmpty(plaintext(ConfigKey.Of(ConfigBinder.ArgoCdAdminPassword))))
        {
            findings.Add(Diagnostic.Error(ConfigKey.Of(ConfigBinder.ArgoCdAdminPassword), "is empty", "set a password or remove the key to let Argo CD generate one"));
        }

        return findings;
    }

    /// <summary>The Pulumi program's entry: the stack config as the language host passes it, bound, validated and decided.</summary>
    public static ClusterBlueprint LoadForPulumi(string stack, string? configJson, string? secretKeysJson, Repository.IRepository repository)
    {
        var blueprint = ClusterBlueprint.Load(stack, PulumiConfig.Parse(configJson, secretKeysJson), repository);
        var plain = string.IsNullOrWhiteSpace(configJson) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(configJson) ?? [];
        var findings = Check(blueprint, key => plain.GetValueOrDefault(key));
        return findings.Count > 0 ? throw new BlueprintException([.. blueprint.Warnings, .. findings]) : blueprint;
    }

    private static void Collect(List<Diagnostic> findings, Action check)
    {
        try
        {
            check();
        }
        catch (BlueprintException e)
        {
            findings.AddRange(e.Diagnostics);
        }
    }
}
