namespace Bootstrap.Analyser.ChartRender;

/// <summary>What a render check found about one rendered object (or the chart as a whole, when <paramref name="Rendered"/> is null).</summary>
public sealed record RenderFinding(RenderedObject? Rendered, string Problem, string Fix);
