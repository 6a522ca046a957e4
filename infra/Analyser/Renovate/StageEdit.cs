using System.Text;
using System.Text.Json;

namespace Bootstrap.Analyser.Renovate;

/// <summary>
/// Puts a new environment into a rollout stage of renovate.json: its files are added to the stage rule's matchFileNames, in
/// place, so the rest of the file keeps its layout and the change reads as one added line in review.
/// </summary>
public static class StageEdit
{
    /// <summary>The files that belong to an environment, as <see cref="StageRule"/> assigns pins to environments.</summary>
    public static IReadOnlyList<string> FilesOf(string environment) =>
    [
        $"gitops/clusters/{environment}/**",
        $"gitops/platform/*/{environment}/**",
        $"gitops/apps/apps-{environment}/**",
        $"stacks/{environment}/**",
        $"Pulumi.{environment}.yaml",
    ];

    /// <summary>The stage an environment joins by default: the earliest (shortest minimumReleaseAge, then the first rule).</summary>
    public static Stage? First(IReadOnlyList<Stage> stages) => stages.OrderBy(s => s.MinimumReleaseAge).ThenBy(s => s.Rule).FirstOrDefault();

    /// <summary>
    /// <paramref name="json"/> with <paramref name="names"/> appended to packageRules[<paramref name="rule"/>].matchFileNames, on a
    /// line of their own indented like the entry before them. The text must be JSON that <see cref="RenovateSetup"/> read.
    /// </summary>
    public static string AddFileNames(string json, int rule, IReadOnlyList<string> names)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var (lastEnd, arrayEnd) = Locate(bytes, rule);
        var added = string.Join(", ", names.Select(n => JsonSerializer.Serialize(n)));
        string insert;
        int at;
        if (lastEnd is { } end)
        {
            var lineStart = Array.LastIndexOf(bytes, (byte)'\n', end - 1) + 1;
            var indent = Encoding.UTF8.GetString(bytes, lineStart, end - lineStart);
            insert = $",\n{new string(' ', indent.Length - indent.TrimStart().Length)}{added}";
            at = end;
        }
        else
        {
            insert = added;
            at = arrayEnd;
        }

        return Encoding.UTF8.GetString(bytes, 0, at) + insert + Encoding.UTF8.GetString(bytes, at, bytes.Length - at);
    }

    /// <summary>Where the last entry of the rule's matchFileNames ends (null for an empty list) and where its ']' stands, as byte offsets.</summary>
    private static (int? LastEnd, int ArrayEnd) Locate(byte[] bytes, int rule)
    {
        var reader = new Utf8JsonReader(bytes);
        var path = new List<string>();
        string? property = null;
        var index = new Stack<int>();
        int? lastEnd = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    path.Add(Segment(property, index));
                    index.Push(0);
                    property = null;
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    if (reader.TokenType == JsonTokenType.EndArray && string.Join('/', path) == $"/packageRules/{rule}/matchFileNames")
                    {
                        return (lastEnd, (int)reader.TokenStartIndex);
                    }

                    path.RemoveAt(path.Count - 1);
                    index.Pop();
                    Advance(index);
                    continue;
                default:
                    if (string.Join('/', path) == $"/packageRules/{rule}/matchFileNames")
                    {
                        lastEnd = (int)reader.BytesConsumed;
                    }

                    property = null;
                    Advance(index);
                    continue;
            }
        }

        throw new InvalidOperationException($"renovate.json has no packageRules[{rule}].matchFileNames");
    }

    private static string Segment(string? property, Stack<int> index) =>
        property ?? (index.Count == 0 ? "" : index.Peek().ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static void Advance(Stack<int> index)
    {
        if (index.Count > 0)
        {
            index.Push(index.Pop() + 1);
        }
    }
}
