namespace Bootstrap.Blueprint.Upgrades;

/// <summary>
/// One step of an in-place upgrade, run by `pulumi up` as a local command (talosctl on the operator's machine).
/// Each step is idempotent: it does nothing when its node already runs the target or is not configured yet.
/// </summary>
/// <param name="Key">The Blueprint resource key (talos-upgrade/cp-1, kubernetes-upgrade).</param>
/// <param name="Trigger">Changes when the step must run again (target version and image).</param>
/// <param name="Script">The bash script; it reads the talosconfig from $TALOSCONFIG_CONTENT.</param>
public sealed record UpgradeStep(string Key, string Title, string Trigger, string Script);
