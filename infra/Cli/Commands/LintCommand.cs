using System.CommandLine;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.GitOps;
using Bootstrap.Analyser.Lint;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Analyser.Renovate;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Cli.Pins;
using Bootstrap.Cli.Render;

namespace Bootstrap.Cli.Commands;

/// <summary><c>lint [stack...] [--schemas DIR] [--render [--charts DIR]]</c>: validates every stack (or the named ones) and gitops/.</summary>
internal static class LintCommand
{
    public const string OfflineVariable = "BOOTSTRAP_OFFLINE";
    private const string SchemaLayout = "laid out like ../shared/schemas (talos/, charts/, argocd-crds/, kubernetes/, CRD folders)";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var stacks = new Argument<string[]>("stack")
        {
            Description = "Stacks to check. Default: every Pulumi.<stack>.yaml.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var repo = CommonOptions.Root();
        var schemas = new Option<DirectoryInfo?>("--schemas")
        {
            Description = $"Offline mirror of upstream schemas {SchemaLayout}, read before the cache; implies --pinned.",
        };
        var render = new Option<bool>("--render")
        {
            Description = "Render every core app's chart with helm template (Helm 3) as Argo CD and Pulumi do, and check the output.",
        };
        var charts = new Option<DirectoryInfo?>("--charts")
        {
            Description = "Pinned charts for --render, laid out like ../shared/charts (<chart>/<version>/ with a .tgz or the chart folder); "
                + "others are pulled and cached.",
        };
        var pinned = new Option<bool>("--pinned")
        {
            Description = "Check against the upstream schemas and chart packages of the exact versions the repository pins: "
                + "from the --schemas/--charts mirrors, the cache (~/.cache/bootstrap), or fetched into it on first use. Implied by --schemas.",
        };
        var offline = new Option<bool>("--offline")
        {
            Description = $"Never fetch: use only the mirrors and the cache (also {OfflineVariable}=1).",
        };
        var command = new Command(
            "lint", "Check every stack and gitops/; with --schemas or --pinned against the upstream schemas; with --render the rendered charts.")
        {
            stacks, repo, schemas, render, charts, pinned, offline,
        };
        command.SetAction(async (result, cancel) =>
        {
            var folders = new[]
            {
                ("--schemas", result.GetValue(schemas), SchemaLayout),
                ("--charts", result.GetValue(charts), "laid out like ../shared/charts"),
            };
            foreach (var (flag, folder, layout) in folders)
            {
                if (folder is { Exists: false })
                {
                    stderr.WriteLine($"error: {flag} {folder.FullName}: no such folder; pass a folder {layout}");
                    return ExitCodes.Usage;
                }
            }

            Helm? helm = null;
            if (result.GetValue(render))
            {
                (helm, var problem) = await Helm.Find(cancel).ConfigureAwait(false);
                if (helm is null)
                {
                    stderr.WriteLine($"error: {problem}");
                    return ExitCodes.Usage;
                }
            }

            var root = CommonOptions.RepoRoot(result, repo);
            var names = result.GetValue(stacks) is { Length: > 0 } given ? given : StackLoader.Stacks(root).ToArray();
            var noFetch = result.GetValue(offline) || Environment.GetEnvironmentVariable(OfflineVariable) is "1" or "true";
            var store = result.GetValue(schemas) is not null || result.GetValue(pinned)
                ? new PinStore(
                    result.GetValue(schemas)?.FullName,
                    result.GetValue(charts)?.FullName,
                    PinStore.DefaultCache(),
                    ChartSource.DefaultCache(),
                    noFetch,
                    Download.FromEnvironment(),
                    new ChartFetch(Download.FromEnvironment(), helm))
                : null;
            var schemaSet = store?.Schemas;
            var repository = new RepoDirectory(root);
            var findings = new List<Diagnostic>();
            var shared = new List<Diagnostic>();
            var blueprints = new List<ClusterBlueprint>();
            foreach (var name in names)
            {
                var (blueprint, stackFindings) = StackLoader.Load(root, name);
                findings.AddRange(stackFindings);
                if (blueprint is null)
                {
                    continue;
                }

                blueprints.Add(blueprint);
                var silences = blueprint.Config.Silences;
                shared.AddRange(silences.Apply(GitOpsLint.Check(blueprint, repository)));
                stdout.WriteLine(blueprint.Platform.IsolationLine(name));
                if (store is not null && schemaSet is not null)
                {
                    await store.Prepare(blueprint, repository, cancel).ConfigureAwait(false);
                    var (found, covered) = SchemaLint.Run(blueprint, schemaSet, repository);
                    shared.AddRange(silences.Apply(found));
                    stdout.WriteLine(covered.Summary());
                }
            }

            // The environments' copies of the cluster and platform folders agree (new-env writes them so).
            shared.AddRange(EnvironmentCopyRule.Findings(blueprints.Select(b => b.Config), repository));
            if (schemaSet is null)
            {
                stdout.WriteLine("lint: schema checks skipped: no --schemas or --pinned given (CI passes --pinned)");
            }
            else
            {
                shared.AddRange(RenovateCheck.Check(schemaSet, repository));
            }

            if (store is not null)
            {
                var chartRoots = string.Join(", ", store.Schemas.ChartRoots);
                stdout.WriteLine($"lint: pinned schemas from {string.Join(", ", store.Schemas.Roots)}; charts from {chartRoots}"
                    + (store.Fetched > 0 ? $"; fetched {store.Fetched} pinned source(s) into the cache" : ""));
            }

            var renovate = RenovateCoverage.Check(repository);
            shared.AddRange(renovate.Findings);
            stdout.WriteLine($"lint: Renovate sees {renovate.Seen.Count} of {renovate.Pins.Count} pinned versions");

            if (helm is not null)
            {
                var chartFolder = result.GetValue(charts)?.FullName;
                var report = await RenderLint.Run(blueprints, schemaSet, chartFolder, root, repository, helm, stdout, cancel,
                    noFetch).ConfigureAwait(false);
                shared.AddRange(report.Findings);
            }

            // Files the stacks share (common values, gitops/, config.json, charts) are checked once per stack; each finding is shown once.
            findings.AddRange(SilenceReport.Shared(shared.Distinct(), blueprints));
            findings.AddRange(SilenceReport.Lint(blueprints, stdout, schemaSet is not null, helm is not null));
            var exit = DiagnosticsReport.Print(findings, stderr);
            if (exit == ExitCodes.Ok)
            {
                stdout.WriteLine($"lint: {names.Length} stack(s) "
                    + $"OK{(schemaSet is null ? "" : $" against {schemaSet.Root}")}: {string.Join(", ", names)}");
            }

            return exit;
        });
        return command;
    }
}
