using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bootstrap.Blueprint.Diagnostics;

/// <summary>One warning a stack accepts on purpose (<c>bootstrap:silence: {BP009: "reason"}</c>).</summary>
public sealed record Silence(FindingId Id, string Reason);

/// <summary>
/// The warnings a stack silences, with reasons (never errors). <see cref="Apply"/> drops them and remembers which entries
/// matched, so <c>lint</c> can name a stale silence (<see cref="FindingId.SilenceUnused"/>).
/// </summary>
public sealed class Silences
{
    private readonly HashSet<FindingId> _matched = [];

    private Silences(IReadOnlyList<Silence> entries) => Entries = entries;

    public static Silences None => new([]);

    public IReadOnlyList<Silence> Entries { get; }

    /// <summary>The entries that silenced nothing so far.</summary>
    public IEnumerable<Silence> Unmatched => Entries.Where(e => !_matched.Contains(e.Id));

    public bool Covers(FindingId id) => Entries.Any(e => e.Id == id);

    /// <summary>The findings not silenced; each silenced one marks its entry as matched.</summary>
    public List<Diagnostic> Apply(IEnumerable<Diagnostic> findings) => findings.Where(f => !Silenced(f)).ToList();

    /// <summary>Marks <paramref name="id"/> as matched by a finding kept elsewhere (a file every linted stack silences).</summary>
    public void Match(FindingId id) => _matched.Add(id);

    /// <summary>The <c>bootstrap:silence</c> mapping of ids to reasons; a bad entry is a <see cref="FindingId.SilenceInvalid"/> error.</summary>
    public static Silences Read(string key, JsonNode? node, List<Diagnostic> findings)
    {
        if (node is null)
        {
            return None;
        }

        if (node is not JsonObject map)
        {
            findings.Add(FindingId.SilenceInvalid.At(
                key, "is not a mapping of finding ids to reasons", "write e.g. {BP009: \"lab: one control plane\"}"));
            return None;
        }

        var entries = new List<Silence>();
        foreach (var (code, value) in map)
        {
            var at = $"{key}.{code}";
            var reason = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.ToString().Trim() : "";
            if (FindingId.Find(code) is not { } id)
            {
                findings.Add(FindingId.SilenceInvalid.At(at, "is not a finding id", "use a warning id from docs/findings.md, e.g. BP009"));
            }
            else if (id.Level == Severity.Error)
            {
                findings.Add(FindingId.SilenceInvalid.At(
                    at, $"is an error ({id.Title}): errors cannot be silenced", $"fix what {id.Code} reports ({id.Documentation})"));
            }
            else if (reason.Length == 0)
            {
                findings.Add(FindingId.SilenceInvalid.At(
                    at, "gives no reason", $"say why this stack accepts {id.Code}, e.g. {id.Code}: \"lab cluster\""));
            }
            else
            {
                entries.Add(new Silence(id, reason));
            }
        }

        return new Silences(entries.OrderBy(e => e.Id.Number).ToList());
    }

    private bool Silenced(Diagnostic finding)
    {
        if (finding.Severity != Severity.Warning || !Covers(finding.Id))
        {
            return false;
        }

        _matched.Add(finding.Id);
        return true;
    }
}
