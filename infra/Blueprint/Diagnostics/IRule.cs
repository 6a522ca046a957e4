namespace Bootstrap.Blueprint.Diagnostics;

/// <summary>
/// The shape of rules that judge a shared input (a stack's config with its repository, the GitOps tree as a cluster runs
/// it): each reports every finding and throws none, so a runner holds the rules of one input in a list. A judgement only
/// one caller makes is a static method with ordinary parameters instead.
/// </summary>
public interface IRule<in TInput>
{
    IEnumerable<Diagnostic> Findings(TInput input);
}
