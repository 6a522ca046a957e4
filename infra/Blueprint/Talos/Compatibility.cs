using Semver;

namespace Bootstrap.Blueprint.Talos;

/// <summary>Which Kubernetes versions a Talos minor supports, from siderolabs/talos pkg/machinery/compatibility.</summary>
public sealed record TalosRelease(int Major, int Minor, SemVersion MinKubernetes, SemVersion MaxKubernetes, SemVersion DefaultKubernetes)
{
    public string Name => $"v{Major}.{Minor}";

    /// <summary>The Talos schema version string used for machine-config generation (e.g. v1.13).</summary>
    public string ConfigContract => Name;

    public bool Supports(SemVersion kubernetes) =>
        kubernetes.ComparePrecedenceTo(MinKubernetes) >= 0 && kubernetes.ComparePrecedenceTo(MaxKubernetes) <= 0;

    public string SupportedRange => $"{MinKubernetes} – {MaxKubernetes.Major}.{MaxKubernetes.Minor}.x";
}

public static class Compatibility
{
    /// <summary>One row per supported Talos minor, copied from siderolabs/talos pkg/machinery/compatibility/talos1NN/talos1NN.go
    /// (Minimum/MaximumKubernetesVersion) and pkg/machinery/constants/constants.go (DefaultKubernetesVersion).</summary>
    public static readonly IReadOnlyList<TalosRelease> Releases =
    [
        new(
            1,
            13,
            SemVersion.Parse("1.31.0", SemVersionStyles.Strict),
            SemVersion.Parse("1.36.99", SemVersionStyles.Strict),
            SemVersion.Parse("1.36.3", SemVersionStyles.Strict)),
    ];

    public static TalosRelease? For(SemVersion talos) =>
        Releases.FirstOrDefault(r => r.Major == (int)talos.Major && r.Minor == (int)talos.Minor);
}
