using Bootstrap.Blueprint.Config;
using Bootstrap.Blueprint.Diagnostics;
using Bootstrap.Blueprint.Plan;

namespace Bootstrap.Cli.Commands;

/// <summary>
/// How <c>lint</c> and <c>plan</c> show <c>bootstrap:silence</c>: every silence in force with its reason, and (lint) a
/// <see cref="FindingId.SilenceUnused"/> warning for one that matched nothing, so stale silences are found.
/// </summary>
internal static class SilenceReport
{
    /// <summary>Warnings only <c>lint --pinned</c> produces: without it their silences are not stale, just untested.</summary>
    private static readonly FindingId[] PinnedOnly =
        [FindingId.KubernetesSchemaMissing, FindingId.CrdSchemaOlder, FindingId.KindNotValidated];

    /// <summary>Warnings only <c>lint --render</c> produces.</summary>
    private static readonly FindingId[] RenderOnly =
        [FindingId.IgnoreDifferencesJq, FindingId.SyncNotRendered, FindingId.UnknownScope, FindingId.RemoteResourceOffline];

    /// <summary>Prints "<paramref name="command"/>: STACK silences BPnnn (title): reason" for each entry.</summary>
    public static void List(string command, StackConfig config, TextWriter stdout)
    {
        foreach (var silence in config.Silences.Entries)
        {
            stdout.WriteLine($"{command}: {config.Stack} silences {silence.Id.Code} ({silence.Id.Title}): {Excerpt.Of(silence.Reason)}");
        }
    }

    /// <summary>A finding about files every stack shares is silenced only when every linted stack silences its id.</summary>
    public static IEnumerable<Diagnostic> Shared(IEnumerable<Diagnostic> findings, IReadOnlyList<ClusterBlueprint> blueprints)
    {
        foreach (var finding in findings)
        {
            if (finding.Severity == Severity.Warning && blueprints.Count > 0 && blueprints.All(b => b.Config.Silences.Covers(finding.Id)))
            {
                foreach (var blueprint in blueprints)
                {
                    blueprint.Config.Silences.Match(finding.Id);
                }

                continue;
            }

            yield return finding;
        }
    }

    /// <summary>Lists each stack's silences and returns a warning for each that matched none of the checks that ran.</summary>
    public static IEnumerable<Diagnostic> Lint(IReadOnlyList<ClusterBlueprint> blueprints, TextWriter stdout, bool pinned, bool rendered)
    {
        var findings = new List<Diagnostic>();
        foreach (var config in blueprints.Select(b => b.Config))
        {
            List("lint", config, stdout);
            findings.AddRange(config.Silences.Unmatched
                .Where(s => (pinned || !PinnedOnly.Contains(s.Id)) && (rendered || !RenderOnly.Contains(s.Id)))
                .Select(s => FindingId.SilenceUnused.At(
                    $"{ConfigKey.Of(ConfigBinder.Silence)}.{s.Id.Code}",
                    $"silences no finding of stack {config.Stack}: {s.Id.Code} is not reported any more",
                    $"remove it from {StackFile.NameFor(config.Stack)}")));
        }

        return findings;
    }
}
