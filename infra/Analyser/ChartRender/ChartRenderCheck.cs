using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Repository;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Analyser.ChartRender;

/// <summary>The output of one <c>helm template</c> run: the manifest, or helm's error.</summary>
public sealed record RenderOutput(HelmTemplate Template, string? Manifest, string? Error);

/// <summary>
/// What <c>lint --render</c> checks in one core app's real chart: it renders, pods pass Pod Security baseline, Cilium fits
/// Talos, no plain Secret from Git, render drift is ignored, Pulumi's values equal Argo CD's, and the first install creates
/// nothing the cluster cannot serve yet. Each finding names the Application file and the rendered object.</summary>
public static class ChartRenderCheck
{
    private const int ShownErrorLines = 4;

    /// <param name="manifests">Parses helm's output; share one across apps and stacks so equal documents are parsed once.</param>
    public static IReadOnlyList<Diagnostic> Check(
        CoreAppRenders renders,
        IReadOnlyList<RenderOutput> outputs,
        IRepository repository,
        RenderedManifest manifests)
    {
        var app = renders.App;
        var findings = new List<Diagnostic>();
        var parsed = new Dictionary<RenderRole, IReadOnlyList<RenderedObject>>();
        foreach (var output in outputs)
        {
            // A failure shared by every render is reported once, for Argo CD's.
            var argoCdRendered = outputs.Any(o => o.Template.Role == RenderRole.ArgoCd && o.Error is null);
            if (output.Error is not null && (output.Template.Role == RenderRole.ArgoCd || argoCdRendered))
            {
                findings.Add(Failed(app.File, output.Template, output.Error));
                continue;
            }

            try
            {
                parsed[output.Template.Role] = output.Manifest is null ? [] : manifests.Parse(output.Manifest, $"{app.Chart} {app.Version}");
            }
            catch (YamlFormatException e)
            {
                findings.Add(FindingId.ChartRender.At(
                    $"{app.File}: {e.File}",
                    $"helm rendered YAML that does not parse: line {e.Line}: {e.Problem}",
                    "check the chart and values"));
            }
        }

        if (!parsed.TryGetValue(RenderRole.ArgoCd, out var argoCd))
        {
            return findings;
        }

        var ns = app.Namespace;
        var found = new List<RenderFinding>();
        found.AddRange(argoCd.Where(o => o.Id(ns).Namespace != PodSecurityBaseline.ExemptNamespace)
            .SelectMany(o => PodTemplate.Of(o.Body) is { } pod ? PodSecurityBaseline.Violations(pod).Select(v => (o, v)) : [])
            .Select(x => new RenderFinding(
                x.o,
                $"breaks Pod Security baseline, which Talos enforces outside {PodSecurityBaseline.ExemptNamespace}: {x.v}",
                "change the values so the pod needs no host access (or run it in kube-system if it is part of the platform)")));
        if (app.Chart == CiliumOnTalos.Chart)
        {
            found.AddRange(CiliumOnTalos.Check(argoCd));
        }

        if (parsed.TryGetValue(RenderRole.ArgoCdAgain, out var again))
        {
            found.AddRange(SecretData.Check(argoCd, again, ns));
            var (drift, notes) = RenderDrift.Check(argoCd, again, ns, IgnoreDifference.Of(Application(repository, app.File)), app.File);
            found.AddRange(drift);
            findings.AddRange(notes.Distinct());
            if (parsed.TryGetValue(RenderRole.Pulumi, out var pulumi))
            {
                found.AddRange(ValuesParity.Check(argoCd, again, pulumi, ns));
            }
        }

        if (parsed.TryGetValue(RenderRole.PulumiBootstrap, out var bootstrap))
        {
            var template = outputs.First(o => o.Template.Role == RenderRole.PulumiBootstrap).Template;
            found.AddRange(BootstrapKinds.Check(bootstrap, template.ApiVersions, app.Chart));
        }

        findings.AddRange(found.Select(f => FindingId.ChartRender.At(
            f.Rendered is null ? $"{app.File}: {app.Chart} {app.Version}" : $"{app.File}: {f.Rendered.Describe(ns)}",
            f.Problem,
            f.Fix)));
        return findings;
    }

    private static Diagnostic Failed(string file, HelmTemplate template, string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var text = string.Join(" | ", lines.Take(ShownErrorLines)) + (lines.Length > ShownErrorLines ? " | ..." : "");
        var apis = template.ApiVersions.Count == 0
            ? "the built-in API only"
            : $"built-in API plus {string.Join(", ", template.ApiVersions.Where(v => v.Count(c => c == '/') == 1))}";
        var (how, fix) = template.Role switch
        {
            RenderRole.PulumiBootstrap => (
                $"with Pulumi's values as its first install sees the cluster ({apis})",
                "a value that needs a CRD the cluster does not have yet stops the bootstrap: "
                + "enable it only where the chart checks .Capabilities, or install the CRD before this release"),
            RenderRole.Pulumi => ("with Pulumi's merged values", "make the value files merge to what Pulumi passes"),
            _ => ("as Argo CD renders it", "fix the values: Argo CD shows this as a ComparisonError and syncs nothing"),
        };
        return FindingId.ChartRender.At($"{file}: {template.Chart} {template.Version}", $"helm template fails {how}: {text}", fix);
    }

    private static JsonObject Application(IRepository repository, string file)
    {
        try
        {
            return YamlReader.Parse(repository.ReadFile(file) ?? "", file) as JsonObject ?? [];
        }
        catch (YamlFormatException)
        {
            return []; // CoreAppReader has reported it.
        }
    }
}
