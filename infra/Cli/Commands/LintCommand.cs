using System.CommandLine;
using Bootstrap.Blueprint.Config;

namespace Bootstrap.Cli.Commands;

/// <summary><c>lint [stack...] [--schemas DIR]</c>: validates every stack (or the named ones) and the gitops tree.</summary>
internal static class LintCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var stacks = new Argument<string[]>("stack") { Description = "Stacks to check. Default: every Pulumi.<stack>.yaml.", Arity = ArgumentArity.ZeroOrMore };
        var repo = CommonOptions.Repo();
        var schemas = new Option<DirectoryInfo?>("--schemas") { Description = "Upstream schema folder laid out like ../shared/schemas (talos/, charts/, argocd-crds/)." };
        var command = new Command("lint", "Check every stack and gitops/; with --schemas also against the upstream Talos, chart and Argo CD schemas.")
        {
            stacks, repo, schemas,
        };
        command.SetAction(result =>
        {
            var root = CommonOptions.RepoRoot(result, repo);
            var names = result.GetValue(stacks) is { Length: > 0 } given ? given : StackLoader.Stacks(root).ToArray();
            var findings = new List<Diagnostic>();
            foreach (var name in names)
            {
                var (_, stackFindings) = StackLoader.Load(root, name);
                findings.AddRange(stackFindings);
            }

            var exit = DiagnosticsReport.Print(findings, stderr);
            if (exit == ExitCodes.Ok)
            {
                stdout.WriteLine($"lint: {names.Length} stack(s) OK: {string.Join(", ", names)}");
            }

            return exit;
        });
        return command;
    }
}
