using System.Collections.Concurrent;
using Bootstrap.Analyser.ChartRender;
using System.Globalization;
using Bootstrap.Analyser.Lint;
using Bootstrap.Blueprint.Plan;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Cli.Render;

/// <summary><c>lint --render</c> for the loaded stacks: the API versions each cluster serves, the renders, and what they took.</summary>
internal static class RenderLint
{
    // cilium-operator registers these at run time (the chart ships no CRDs); Pulumi installs the other releases after them.
    private const string CiliumGroup = "cilium.io/";

    public static async Task<RenderReport> Run(
        IReadOnlyList<ClusterBlueprint> blueprints,
        SchemaSet? schemas,
        string? chartsFolder,
        string root,
        IRepository repository,
        Helm helm,
        TextWriter stdout,
        CancellationToken cancel,
        bool offline = false)
    {
        if (schemas is null)
        {
            stdout.WriteLine("render: no --schemas given, so helm sees only its built-in API versions, not the CRDs Argo CD's cluster serves");
        }

        var stacks = blueprints.Select(b =>
        {
            var catalog = schemas is null ? null : KindCatalog.For(b, schemas, repository);
            var apis = catalog?.ApiVersions ?? [];
            return new RenderStack(b, apis, apis.Where(a => a.StartsWith(CiliumGroup, StringComparison.Ordinal)).ToList(), catalog);
        }).ToList();
        var charts = new ChartSource(chartsFolder, ChartSource.DefaultCache(), helm, offline);
        var runs = new ConcurrentDictionary<string, Lazy<Task<RenderOutput>>>(StringComparer.Ordinal);
        var report = await RenderRun.Run(stacks, root, repository, helm, charts, cancel, runs).ConfigureAwait(false);
        foreach (var line in report.Lines)
        {
            stdout.WriteLine(line);
        }

        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"render: {report.Charts} charts, {report.HelmRuns} helm runs ({helm.Version}) for {stacks.Count} stack(s) "
            + $"in {report.Elapsed.TotalSeconds:0.0} s"));
        var (syncFindings, syncLines) = await SyncRender.Run(stacks, schemas, root, repository, helm, charts, runs, cancel).ConfigureAwait(false);
        foreach (var line in syncLines)
        {
            stdout.WriteLine(line);
        }

        return report with { Findings = [.. report.Findings, .. syncFindings] };
    }
}
