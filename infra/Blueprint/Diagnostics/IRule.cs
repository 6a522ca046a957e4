namespace Bootstrap.Blueprint.Diagnostics;

/// <summary>
/// The shape of rules that judge a shared input (a stack's config, the GitOps tree): each reports every finding and throws
/// none, so a runner holds them in a list. A judgement only one caller makes is a static method instead.
/// </summary>
public interface IRule<in TInput>
{
    IEnumerable<Diagnostic> Findings(TInput input);
}
