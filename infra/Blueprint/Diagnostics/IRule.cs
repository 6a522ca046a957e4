namespace Bootstrap.Blueprint.Diagnostics;

/// <summary>
/// The one shape of a rule: a decision over one input that reports every finding and throws none. An input kind is a type
/// (a stack's config with its repository, the GitOps tree as a cluster runs it, a release's merged values, ...), so every
/// rule reads the same way and a runner can hold rules of one kind in a list.
/// </summary>
public interface IRule<in TInput>
{
    IEnumerable<Diagnostic> Findings(TInput input);
}
