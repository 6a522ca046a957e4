using System.Reflection;

namespace Bootstrap.Blueprint.Diagnostics;

/// <summary>
/// What kind of finding a <see cref="Diagnostic"/> is: a stable code (BP + 3 digits), a level and a title, explained at
/// docs/findings.md#bpNNN. The constructor is private, so every id is one of the catalog's (FindingIds.cs).
/// </summary>
public sealed partial class FindingId
{
    private FindingId(int number, Severity level, string title)
    {
        Number = number;
        Level = level;
        Title = title;
    }

    public int Number { get; }

    /// <summary>BP012: what output, docs and <c>bootstrap:silence</c> name.</summary>
    public string Code => $"BP{Number:D3}";

    public Severity Level { get; }

    public string Title { get; }

    /// <summary>Where the id is explained, relative to the repository root.</summary>
    public string Documentation => $"docs/findings.md#{Code.ToLowerInvariant()}";

    /// <summary>Every id in force, by number.</summary>
    public static IReadOnlyList<FindingId> All => Catalog.Ids;

    /// <summary>The id with this code (BP012, case-insensitive), or null.</summary>
    public static FindingId? Find(string code) => All.FirstOrDefault(id => string.Equals(id.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>A finding of this kind at <paramref name="key"/> (a config key, file or flag).</summary>
    public Diagnostic At(string key, string problem, string fix) => new(this, key, problem, fix);

    public override string ToString() => Code;

    /// <summary>Read on first use, after every catalog field is set (partial files have no initialisation order).</summary>
    private static class Catalog
    {
        public static readonly IReadOnlyList<FindingId> Ids = typeof(FindingId)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(FindingId))
            .Select(f => (FindingId)f.GetValue(null)!)
            .OrderBy(id => id.Number)
            .ToList();
    }
}
