using System.CommandLine;
using Bootstrap.Blueprint.Render;
using Bootstrap.Cli.Output;

namespace Bootstrap.Cli.Commands;

/// <summary><c>plan &lt;stack&gt;</c>: decides everything offline, prints the summary and writes out/&lt;stack&gt;/.</summary>
internal static class PlanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var stack = new Argument<string>("stack") { Description = "Stack name: reads Pulumi.<stack>.yaml (dev, ops)." };
        var repo = CommonOptions.Root();
        var output = new Option<DirectoryInfo?>("--out")
        {
            Description = "Output folder. Default: <repo>/out; files go to <out>/<stack>/, which plan replaces only if an earlier plan wrote it.",
        };
        var installed = new Option<FileInfo?>("--installed")
        {
            Description = "The running cluster's versions: `pulumi stack output --json` saved to a file. Validates the upgrade (no downgrades, "
                + "no skipped minors) and prints its steps.",
        };
        var command = new Command("plan", "Validate a stack and render its plan (Talos patches, Helm values, manifests, plan.json, topology.md).")
        {
            stack, repo, output, installed,
        };
        command.SetAction(result =>
        {
            var root = CommonOptions.RepoRoot(result, repo);
            var name = result.GetValue(stack)!;
            StackLoader.CheckName(name);
            var target = Path.Combine(result.GetValue(output)?.FullName ?? Path.Combine(root, "out"), name);
            if (PlanFolder.Refusal(target) is { } refusal)
            {
                throw new UsageException($"--out: {refusal}");
            }

            if (result.GetValue(installed) is { Exists: false } missing)
            {
                throw new UsageException($"--installed {missing.FullName}: no such file; save it with `pulumi stack output --json -s {name} > FILE`");
            }

            var (blueprint, findings) = StackLoader.Load(root, name, result.GetValue(installed));
            var exit = DiagnosticsReport.Print(findings, stderr);
            if (blueprint is null)
            {
                return exit;
            }

            SilenceReport.List("plan", blueprint.Config, stdout);

            PlanFolder.Write(target, name, PlanFiles.Render(blueprint));
            stdout.Write(PlanSummary.Render(blueprint));
            stdout.WriteLine();
            stdout.WriteLine($"Wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), target)}/");
            return ExitCodes.Ok;
        });
        return command;
    }
}
