using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Blueprint.Validation;

/// <summary>Runs every config rule and returns all findings at once.</summary>
public static class StackValidator
{
    public static readonly IReadOnlyList<IConfigRule> Rules =
    [
        new AddressRule(),
        new ControlPlaneRule(),
        new NameRule(),
        new ProxmoxRule(),
        new SizeRule(),
        new VersionRule(),
        new GitOpsRule(),
        new TalosSettingsRule(),
        new NodeLabelRule(),
        new GatewayAddressRule(),
        new PlacementRule(),
    ];

    public static IReadOnlyList<Diagnostic> Validate(StackConfig config, IRepository repository) =>
        Rules.SelectMany(rule => rule.Check(config, repository)).ToList();
}
