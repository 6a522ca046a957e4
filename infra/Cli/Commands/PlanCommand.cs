using System.CommandLine;
using Bootstrap.Blueprint.Render;

namespace Bootstrap.Cli.Commands;

/// <summary><c>plan &lt;stack&gt;</c>: decides everything offline, prints the summary and writes out/&lt;stack&gt;/.</summary>
internal static class PlanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var stack = new Argument<string>("stack") { Description = "Stack name: reads Pulumi.<stack>.yaml (dev, ops)." };
        var repo = CommonOptions.Root();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Output folder. Default: <repo>/out; files go to <out>/<stack>/." };
        var installed = new Option<FileInfo?>("--installed") { Description = "The running cluster's versions: `pulumi stack output --json` saved to a file. Validates the upgrade (no downgrades, no skipped minors) and prints its steps." };
        var command = new Command("plan", "Validate a stack and render its plan (Talos patches, Helm values, manifests, plan.json, topology.md).")
        {
            stack, repo, output, installed,
        };
        command.SetAction(result =>
        {
            var root = CommonOptions.RepoRoot(result, repo);
            var name = result.GetValue(stack)!;
            if (result.GetValue(installed) is { Exists: false } missing)
            {
                stderr.WriteLine($"error: --installed {missing.FullName}: no such file; save it with `pulumi stack output --json -s {name} > FILE`");
                return ExitCodes.Usage;
            }

            var (blueprint, findings) = StackLoader.Load(root, name, result.GetValue(installed));
            var exit = DiagnosticsReport.Print(findings, stderr);
            if (blueprint is null)
            {
                return exit;
            }

            var target = Path.Combine(result.GetValue(output)?.FullName ?? Path.Combine(root, "out"), name);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            foreach (var (path, content) in PlanFiles.Render(blueprint))
            {
                var file = Path.Combine(target, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, content);
            }

            stdout.Write(PlanSummary.Render(blueprint));
            stdout.WriteLine();
            stdout.WriteLine($"Wrote {Path.GetRelativePath(Directory.GetCurrentDirectory(), target)}/");
            return ExitCodes.Ok;
        });
        return command;
    }
}
