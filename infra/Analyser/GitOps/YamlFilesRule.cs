using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Analyser.GitOps;

/// <summary>
/// Every YAML and JSON file under gitops/ and stacks/ stays within the stack file's limits (size, expanded nodes, depth),
/// including files no other rule parses: an alias bomb there would reach Renovate, Helm and Argo CD's repo server.
/// </summary>
public sealed class YamlFilesRule : IRule<GitOpsContext>
{
    private static readonly string[] Folders = ["gitops", "stacks"];

    private static readonly string[] Patterns = ["*.yaml", "*.yml", "*.json"];

    public IEnumerable<Diagnostic> Findings(GitOpsContext context)
    {
        var findings = new List<Diagnostic>();
        foreach (var file in Folders.SelectMany(folder => Patterns.SelectMany(p => context.Repository.ListFilesBelow(folder, p))))
        {
            string? text;
            try
            {
                text = context.Repository.ReadFile(file);
            }
            catch (BlueprintException e)
            {
                findings.AddRange(e.Diagnostics);
                continue;
            }

            if (text is not null && YamlLimits.Exceeded(text, file) is { } limit)
            {
                findings.Add(FindingId.YamlLimits.At(limit.Location, limit.Problem,
                    $"keep a file under {YamlReader.MaxNodes:N0} nodes with aliases expanded and {YamlReader.MaxDepth} levels deep"));
            }
        }

        return findings;
    }
}
