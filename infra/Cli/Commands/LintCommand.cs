using System.CommandLine;
using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.GitOps.Rules;
using Bootstrap.Blueprint.Lint;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Cli.Commands;

/// <summary><c>lint [stack...] [--schemas DIR]</c>: validates every stack (or the named ones) and the gitops tree.</summary>
internal static class LintCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var stacks = new Argument<string[]>("stack") { Description = "Stacks to check. Default: every Pulumi.<stack>.yaml.", Arity = ArgumentArity.ZeroOrMore };
        var repo = CommonOptions.Root();
        var schemas = new Option<DirectoryInfo?>("--schemas") { Description = "Upstream schema folder laid out like ../shared/schemas (talos/, charts/, argocd-crds/)." };
        var command = new Command("lint", "Check every stack and gitops/; with --schemas also against the upstream Talos, chart and Argo CD schemas.")
        {
            stacks, repo, schemas,
        };
        command.SetAction(result =>
        {
            var schemaFolder = result.GetValue(schemas);
            if (schemaFolder is { Exists: false })
            {
                stderr.WriteLine($"error: --schemas {schemaFolder.FullName}: no such folder; pass a folder laid out like ../shared/schemas (talos/, charts/, argocd-crds/)");
                return ExitCodes.Usage;
            }

            var root = CommonOptions.RepoRoot(result, repo);
            var names = result.GetValue(stacks) is { Length: > 0 } given ? given : StackLoader.Stacks(root).ToArray();
            var schemaSet = schemaFolder is null ? null : new SchemaSet(schemaFolder.FullName);
            var repository = new RepoDirectory(root);
            var findings = new List<Diagnostic>();
            var schemaFindings = new List<Diagnostic>();
            foreach (var name in names)
            {
                var (blueprint, stackFindings) = StackLoader.Load(root, name);
                findings.AddRange(stackFindings);
                if (blueprint is null)
                {
                    continue;
                }

                schemaFindings.AddRange(GitOpsLint.Check(blueprint, repository));
                stdout.WriteLine(blueprint.Platform.IsolationLine(name));
                if (schemaSet is not null)
                {
                    schemaFindings.AddRange(SchemaLint.Check(blueprint, schemaSet, repository));
                }
            }

            if (schemaSet is not null)
            {
                schemaFindings.AddRange(RenovateCheck.Check(schemaSet, repository));
            }

            // Files the stacks share (common values, gitops/, config.json) are checked once per stack; each finding is shown once.
            findings.AddRange(schemaFindings.Distinct());

            if (schemaSet is null)
            {
                stdout.WriteLine("lint: schema checks skipped: no --schemas given (CI passes ../shared/schemas)");
            }

            var exit = DiagnosticsReport.Print(findings, stderr);
            if (exit == ExitCodes.Ok)
            {
                stdout.WriteLine($"lint: {names.Length} stack(s) OK{(schemaSet is null ? "" : $" against {schemaSet.Root}")}: {string.Join(", ", names)}");
            }

            return exit;
        });
        return command;
    }
}
