using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Bootstrap.Analyser.ChartRender;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.Lint;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Cli.Render;

/// <summary>One stack to render: its blueprint and the API versions its cluster serves (all, and at Pulumi's bootstrap).</summary>
internal sealed record RenderStack(
    ClusterBlueprint Blueprint, IReadOnlyList<string> ApiVersions, IReadOnlyList<string> BootstrapApiVersions, KindCatalog? Catalog);

/// <summary>What <c>lint --render</c> did: its findings, a line per stack, and how long it took.</summary>
internal sealed record RenderReport(IReadOnlyList<Diagnostic> Findings, IReadOnlyList<string> Lines, int HelmRuns, int Charts, TimeSpan Elapsed);

/// <summary>Runs every helm render the Blueprint plans for the given stacks, in parallel, and hands the output to its checks.
/// Identical runs are made once, except Argo CD's second render, which catches output that changes between runs.</summary>
internal static class RenderRun
{
    public static async Task<RenderReport> Run(
        IReadOnlyList<RenderStack> stacks,
        string repoRoot,
        IRepository repository,
        Helm helm,
        ChartSource charts,
        CancellationToken cancel,
        ConcurrentDictionary<string, Lazy<Task<RenderOutput>>>? shared = null)
    {
        var clock = Stopwatch.StartNew();
        var scratch = Directory.CreateTempSubdirectory("bootstrap-render-");
        // Shared with the sync check, which renders the core charts as Argo CD does too: each run is made once.
        var runs = shared ?? new ConcurrentDictionary<string, Lazy<Task<RenderOutput>>>(StringComparer.Ordinal);
        using var slots = new SemaphoreSlim(Math.Max(2, Environment.ProcessorCount));
        try
        {
            var planned = new List<(ClusterBlueprint Blueprint, CoreAppRenders App, Task<RenderOutput[]> Outputs)>();
            var findings = new List<Diagnostic>();
            foreach (var stack in stacks)
            {
                var (apps, planFindings) = ChartRenderPlan.For(stack.Blueprint, repository, stack.ApiVersions, stack.BootstrapApiVersions);
                findings.AddRange(planFindings);
                foreach (var app in apps)
                {
                    var outputs = app.Templates.Select(t => Render(t, repoRoot, scratch.FullName, runs, slots, helm, charts, cancel));
                    planned.Add((stack.Blueprint, app, Task.WhenAll(outputs)));
                }
            }

            var lines = new List<string>();
            var manifests = new RenderedManifest();
            foreach (var group in planned.GroupBy(p => p.Blueprint.Config.Stack))
            {
                var apps = new List<string>();
                foreach (var (_, app, outputs) in group)
                {
                    findings.AddRange(ChartRenderCheck.Check(app, await outputs.ConfigureAwait(false), repository, manifests));
                    apps.Add($"{app.App.Chart} {app.App.Version}");
                }

                lines.Add($"render {group.Key}: {apps.Count} charts rendered ({string.Join(", ", apps)})");
            }

            var distinctCharts = planned.Select(p => $"{p.App.App.Chart}/{p.App.App.Version}").Distinct().Count();
            return new RenderReport(findings, lines, runs.Count, distinctCharts, clock.Elapsed);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    internal static async Task<RenderOutput> Render(
        HelmTemplate template,
        string repoRoot,
        string scratch,
        ConcurrentDictionary<string, Lazy<Task<RenderOutput>>> runs,
        SemaphoreSlim slots,
        Helm helm,
        ChartSource charts,
        CancellationToken cancel)
    {
        var values = template.InlineValues is null
            ? template.ValueFiles.Select(f => Path.Combine(repoRoot, f)).ToList()
            : [Inline(template.InlineValues, scratch)];
        var pass = template.Role == RenderRole.ArgoCdAgain ? "again" : "once";
        var key = $"{pass}\0{template.Chart}\0{template.Version}\0{string.Join('\0', template.Arguments("", values))}";
        var run = runs.GetOrAdd(key, _ => new Lazy<Task<RenderOutput>>(async () =>
        {
            var (chart, problem) = await charts.Locate(template, cancel).ConfigureAwait(false);
            if (chart is null)
            {
                return new RenderOutput(template, null, problem);
            }

            await slots.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                var (exit, output, errors) = await helm.Run(template.Arguments(chart, values), cancel).ConfigureAwait(false);
                return exit == 0 ? new RenderOutput(template, output, null) : new RenderOutput(template, null, errors.Length > 0 ? errors : output);
            }
            finally
            {
                slots.Release();
            }
        })).Value;
        // A shared run answers for each template that asked for it.
        var output = await run.ConfigureAwait(false);
        return output with { Template = template };
    }

    /// <summary>Pulumi's values as the one file helm reads, named by content so equal values share a render.</summary>
    private static string Inline(string values, string scratch)
    {
        var file = Path.Combine(scratch, $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(values)))[..16]}.yaml");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, values);
        }

        return file;
    }
}
