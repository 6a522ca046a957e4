using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Secrets;

/// <summary>
/// Judges the decrypted secrets the Pulumi program receives, before any resource exists, so a malformed secret fails
/// `pulumi up` up front (never halfway, inside an Apply). Findings name the key, never the value.
/// </summary>
public static class SecretInputsRule
{
    /// <param name="sealedSecretsNamespace">The sealed-secrets release's namespace, where restored keys go.</param>
    /// <param name="plaintext">A config key's decrypted value, or null.</param>
    public static IEnumerable<Diagnostic> Findings(StackConfig config, string sealedSecretsNamespace, Func<string, string?> plaintext)
    {
        var findings = new List<Diagnostic>();
        var secrets = config.Secrets;
        if (secrets.GitOpsCredentials)
        {
            Collect(findings, () => ArgoCdSecrets.RepositoryData(config.GitOps, plaintext(ConfigKey.Of(ConfigBinder.GitOpsCredentials)) ?? ""));
        }

        if (secrets.SealedSecretsKeys)
        {
            Collect(findings, () => SealedSecretsKeys.Render(plaintext(ConfigKey.Of(ConfigBinder.SealedSecretsKeys)) ?? "", sealedSecretsNamespace));
        }

        if (secrets.TalosSecrets)
        {
            Collect(findings, () => TalosSecretsBundle.Parse(
                plaintext(ConfigKey.Of(ConfigBinder.TalosSecrets)) ?? "",
                ConfigKey.Of(ConfigBinder.TalosSecrets)));
        }

        if (secrets.ArgoCdAdminPassword && string.IsNullOrEmpty(plaintext(ConfigKey.Of(ConfigBinder.ArgoCdAdminPassword))))
        {
            findings.Add(FindingId.SecretInputs.At(
                ConfigKey.Of(ConfigBinder.ArgoCdAdminPassword),
                "is empty",
                "set a password or remove the key to let Argo CD generate one"));
        }

        return findings;
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
