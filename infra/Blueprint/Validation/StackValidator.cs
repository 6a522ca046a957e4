using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Blueprint.Validation;

/// <summary>Runs every config rule and returns all findings at once, less the warnings the stack silences.</summary>
public static class StackValidator
{
    public static readonly IReadOnlyList<IRule<ConfigContext>> Rules =
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

    public static IReadOnlyList<Diagnostic> Validate(StackConfig config, IRepository repository)
    {
        var context = new ConfigContext(config, repository);
        return config.Silences.Apply(Rules.SelectMany(rule => rule.Findings(context)));
    }
}
