using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Plan;

namespace Bootstrap.Tools.Environments;

/// <summary>What new-env writes: new files only, and renovate.json with the environment added to a rollout stage.</summary>
public sealed record NewEnvironmentResult(
    IReadOnlyList<(string Path, string Content)> Created,
    (string Path, string Before, string After)? Renovate,
    string? StageJoined,
    IReadOnlyList<string> Secrets,
    IReadOnlyList<string> LeftOut,
    ClusterBlueprint Blueprint,
    IReadOnlyList<Diagnostic> Warnings);
