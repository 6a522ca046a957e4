using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Talos;
using Semver;

namespace Bootstrap.Blueprint.Validation;

/// <summary>Talos and Kubernetes versions are exact releases, and the Talos release supports the Kubernetes version.</summary>
public sealed class VersionRule : IRule<ConfigContext>
{
    public IEnumerable<Diagnostic> Findings(ConfigContext context)
    {
        var config = context.Config;
        var talosKey = Keys.Of("talosVersion");
        var kubeKey = Keys.Of("kubernetesVersion");
        var talos = ParseTalos(config.Cluster.TalosVersion);
        var kubernetes = ParseKubernetes(config.Cluster.KubernetesVersion);
        var known = string.Join(", ", Compatibility.Releases.Select(r => r.Name));

        if (talos is null)
        {
            yield return FindingId.Versions.At(
                talosKey,
                $"\"{config.Cluster.TalosVersion}\" is not a Talos release version",
                "write v, then major.minor.patch, e.g. v1.13.9");
        }

        if (kubernetes is null)
        {
            yield return FindingId.Versions.At(
                kubeKey,
                $"\"{config.Cluster.KubernetesVersion}\" is not a Kubernetes release version",
                "write major.minor.patch without a leading v, e.g. 1.36.3");
        }

        if (talos is null)
        {
            yield break;
        }

        var release = Compatibility.For(talos);
        if (release is null)
        {
            yield return FindingId.Versions.At(
                talosKey,
                $"Talos {config.Cluster.TalosVersion} is not in the compatibility table",
                $"use a supported Talos release ({known}) or add its Kubernetes range to Talos/Compatibility.cs");
        }
        else if (kubernetes is not null && !release.Supports(kubernetes))
        {
            yield return FindingId.Versions.At(
                kubeKey,
                $"Kubernetes {kubernetes} is not supported by Talos {release.Name}",
                $"use Kubernetes {release.SupportedRange} (default {release.DefaultKubernetes})");
        }
    }

    /// <summary>Parses <c>v1.13.9</c>; prereleases are allowed (release candidates are tested before a rollout).</summary>
    public static SemVersion? ParseTalos(string text) =>
        text.StartsWith('v') && SemVersion.TryParse(text[1..], SemVersionStyles.Strict, out var version) ? version : null;

    public static SemVersion? ParseKubernetes(string text) =>
        SemVersion.TryParse(text, SemVersionStyles.Strict, out var version) ? version : null;
}
