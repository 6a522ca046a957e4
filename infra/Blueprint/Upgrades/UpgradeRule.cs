using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Talos;
using Bootstrap.Blueprint.Validation;
using Semver;

namespace Bootstrap.Blueprint.Upgrades;

/// <summary>
/// What a version change may be: never a downgrade, one minor at a time (Talos and Kubernetes support only adjacent
/// minors), and every state on the way supported: Talos upgrades first, so the new Talos must still run the old Kubernetes.
/// </summary>
public static class UpgradeRule
{
    /// <param name="installed">The versions the cluster runs (the last <c>pulumi up</c>'s outputs).</param>
    /// <param name="target">The cluster the stack now asks for.</param>
    public static IEnumerable<Diagnostic> Findings(InstalledVersions installed, ClusterSettings target)
    {
        var findings = new List<Diagnostic>();
        var talosKey = ConfigKey.Child(ConfigKey.Of(ConfigBinder.Cluster), "talosVersion");
        var kubeKey = ConfigKey.Child(ConfigKey.Of(ConfigBinder.Cluster), "kubernetesVersion");
        var fromTalos = VersionRule.ParseTalos(installed.TalosVersion);
        var toTalos = VersionRule.ParseTalos(target.TalosVersion);
        var fromKube = VersionRule.ParseKubernetes(installed.KubernetesVersion);
        var toKube = VersionRule.ParseKubernetes(target.KubernetesVersion);
        if (fromTalos is null || fromKube is null)
        {
            return [FindingId.Upgrade.At(
                "installed versions",
                $"Talos {installed.TalosVersion} / Kubernetes {installed.KubernetesVersion} are not release versions",
                "pass the outputs of a successful `pulumi up`")];
        }

        if (toTalos is null || toKube is null)
        {
            return findings; // VersionRule reports malformed targets
        }

        findings.AddRange(Step(talosKey, "Talos", fromTalos, toTalos, installed.TalosVersion, target.TalosVersion));
        findings.AddRange(Step(kubeKey, "Kubernetes", fromKube, toKube, installed.KubernetesVersion, target.KubernetesVersion));
        if (fromTalos.ComparePrecedenceTo(toTalos) < 0 && Compatibility.For(toTalos) is { } release && !release.Supports(fromKube))
        {
            findings.Add(FindingId.Upgrade.At(
                talosKey,
                $"Talos {target.TalosVersion} does not run Kubernetes {installed.KubernetesVersion}, "
                + "which the cluster runs while Talos is upgraded first",
                $"upgrade Kubernetes to {release.SupportedRange} in an earlier `pulumi up`, then Talos"));
        }

        return findings;
    }

    private static IEnumerable<Diagnostic> Step(string key, string what, SemVersion from, SemVersion to, string fromText, string toText)
    {
        if (to.ComparePrecedenceTo(from) < 0)
        {
            var rollback = what == "Talos" ? " (a failed Talos upgrade is rolled back with `talosctl rollback`)" : "";
            yield return FindingId.Upgrade.At(
                key,
                $"{toText} is a downgrade from the installed {fromText}",
                $"{what} is never downgraded by `pulumi up`; keep {fromText}{rollback}");
        }
        else if (to.Major != from.Major || to.Minor > from.Minor + 1)
        {
            var prefix = fromText.StartsWith('v') ? "v" : "";
            yield return FindingId.Upgrade.At(
                key,
                $"{toText} skips a minor release after the installed {fromText}",
                $"upgrade one minor at a time: first to the newest {prefix}{from.Major}.{from.Minor + 1}.x");
        }
    }
}
