using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bootstrap.Analyser.ChartRender;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Analyser.Lint;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Analyser.SyncCheck;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Cli.Render;

/// <summary>
/// <c>lint --render</c>'s sync check: renders every chart source of every Application each environment's root makes Argo CD
/// create (core, platform and self-service apps) and applies Argo CD's AppProject checks to the output.
/// </summary>
internal static partial class SyncRender
{
    public static async Task<(IReadOnlyList<Diagnostic> Findings, IReadOnlyList<string> Lines)> Run(
        IReadOnlyList<RenderStack> stacks,
        SchemaSet? schemas,
        string repoRoot,
        Bootstrap.Blueprint.Repository.IRepository repository,
        Helm helm,
        ChartSource charts,
        ConcurrentDictionary<string, Lazy<Task<RenderOutput>>> runs,
        CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var scratch = Directory.CreateTempSubdirectory("bootstrap-sync-");
        using var slots = new SemaphoreSlim(Math.Max(2, Environment.ProcessorCount));
        try
        {
            var findings = new List<Diagnostic>();
            var lines = new List<string>();
            var manifests = new RenderedManifest();
            var planned = stacks.Select(stack =>
            {
                var (plan, planFindings) = SyncRenderPlan.For(stack.Blueprint, repository, stack.ApiVersions, url => Remote(url, schemas));
                findings.AddRange(planFindings);
                var outputs = plan.Apps.ToDictionary(
                    app => app,
                    app => Task.WhenAll(app.Charts.Select(t => RenderRun.Render(t, repoRoot, scratch.FullName, runs, slots, helm, charts, cancel))));
                return (stack, plan, outputs);
            }).ToList();
            foreach (var (stack, plan, outputs) in planned)
            {
                var done = new Dictionary<SyncedApp, IReadOnlyList<RenderOutput>>();
                foreach (var (app, task) in outputs)
                {
                    done[app] = await task.ConfigureAwait(false);
                }

                var result = SyncPermissionCheck.Check(plan, done, manifests, stack.Catalog);
                findings.AddRange(result.Findings);
                lines.Add($"sync {plan.Stack}: {result.Applications} Applications checked against their AppProjects "
                    + $"({result.Rendered} charts rendered, {result.Objects} objects), {result.Refusals} refusal(s)");
            }

            lines.Add(string.Create(CultureInfo.InvariantCulture, $"sync: {stacks.Count} stack(s) in {clock.Elapsed.TotalSeconds:0.0} s"));
            return (findings, lines);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>The Gateway API release manifest is the CRDs the schema folder holds for that version (../shared/schemas/SOURCES.md).</summary>
    private static List<JsonObject>? Remote(string url, SchemaSet? schemas)
    {
        var match = GatewayApiRelease().Match(url);
        var folder = schemas is null || !match.Success ? null : Path.Combine(schemas.Root, "gateway-api", match.Groups[1].Value);
        if (folder is null || !Directory.Exists(folder))
        {
            return null;
        }

        return Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(f => YamlReader.ParseAll(FileText.Read(f, f), f))
            .OfType<JsonObject>()
            .ToList();
    }

    [GeneratedRegex(@"^https://github\.com/kubernetes-sigs/gateway-api/releases/download/(v\d+\.\d+\.\d+)/standard-install\.yaml$")]
    private static partial Regex GatewayApiRelease();
}
