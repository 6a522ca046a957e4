using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Repository;

namespace Bootstrap.Analyser.Renovate;

/// <summary>
/// lint's Renovate check: every pinned version (<see cref="Pins"/>) must be extracted, at its line and with its value, by a
/// manager renovate.json configures (modelled on Renovate's own code), and every environment's pins must be staged.
/// </summary>
public sealed record RenovateCoverage(
    IReadOnlyList<PinnedVersion> Pins, IReadOnlyList<ExtractedDependency> Dependencies, IReadOnlyList<Diagnostic> Findings)
{
    /// <summary>The pins a manager extracts.</summary>
    public IReadOnlyList<PinnedVersion> Seen => Pins.Where(p => Covering(p) is not null).ToList();

    public static RenovateCoverage Check(IRepository repository)
    {
        var findings = new List<Diagnostic>();
        var pins = Renovate.Pins.Find(repository);
        if (RenovateSetup.Read(repository, findings) is not { } setup)
        {
            return new RenovateCoverage(pins, [], findings);
        }

        var dependencies = setup.Extract(repository, Renovate.Pins.Files(repository));
        var coverage = new RenovateCoverage(pins, dependencies, findings);
        findings.AddRange(pins.Where(p => coverage.Covering(p) is null).Select(p => Unseen(p, setup, dependencies)));
        var seen = pins.Select(p => (Pin: p, Dependency: coverage.Covering(p))).Where(c => c.Dependency is not null);
        findings.AddRange(StageRule.Findings(setup.Stages, seen.Select(c => (c.Pin, c.Dependency!))));
        return coverage;
    }

    public ExtractedDependency? Covering(PinnedVersion pin) =>
        Dependencies.FirstOrDefault(d => d.File == pin.File && d.Line == pin.Line && d.CurrentValue == pin.Version);

    private static Diagnostic Unseen(PinnedVersion pin, RenovateSetup setup, IReadOnlyList<ExtractedDependency> dependencies)
    {
        var readers = setup.Managers.Where(m => m.FilePatterns.Any(p => FilePattern.Matches(p, pin.File))).Select(m => m.Name).ToList();
        var misread = dependencies.FirstOrDefault(d => d.File == pin.File && d.Line == pin.Line);
        var why = setup.IgnorePaths.FirstOrDefault(p => FilePattern.Ignores(p, pin.File)) is { } ignored
            ? $"the file is in ignorePaths ({ignored})"
            : misread is not null ? $"{misread.Manager} reads it as \"{misread.CurrentValue}\""
            : readers.Count > 0 ? $"{string.Join(", ", readers)} read{(readers.Count == 1 ? "s" : "")} the file but extract nothing at this line"
            : "no manager's managerFilePatterns matches the file";
        var fix = misread is not null
            ? "quote the value in YAML so Renovate reads the version as written"
            : $"make a manager in {RenovateSetup.File} extract it (argocd: Argo CD sources; helm-values: image tags under stacks/; "
              + "a customManagers regex: anything else)";
        return FindingId.RenovateCoverage.At(pin.Where, $"{pin.What} is pinned at {pin.Version}, but no Renovate manager sees it: {why}", fix);
    }
}
