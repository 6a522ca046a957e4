using System.Text;

namespace Bootstrap.Blueprint.Config;

/// <summary>
/// Renders <see cref="KeyTable"/> for the two places users read it: Pulumi.yaml's comment block and the README's key table.
/// Config/KeyDocsTests holds both files to this text and rewrites them with BOOTSTRAP_UPDATE_GOLDEN=1.
/// </summary>
public static class KeyDocs
{
    /// <summary>Pulumi.yaml comment lines, nested keys indented under their parent, e.g. <c>#     cidr   required  node network…</c>.</summary>
    public static string PulumiYamlComments()
    {
        var width = KeyTable.All.Max(k => Indent(k).Length + k.Name.Length) + 2;
        var text = new StringBuilder();
        KeySpec? previous = null;
        foreach (var key in KeyTable.All)
        {
            // A blank comment line sets off each key that is a mapping, with everything under it.
            if (key.Depth == 0 && previous is not null && (HasChildren(key) || HasChildren(previous)))
            {
                text.Append("#\n");
            }

            previous = key.Depth == 0 ? key : previous;
            var need = key.Need switch { Need.Required => "required", Need.Optional => "optional", _ => "for up" };
            var line = $"# {(Indent(key) + key.Name).PadRight(width)}{need,-10}{Sentence(key, value => value)}";
            text.Append(line.TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The README's table: one row per key, nested keys by their path under the namespace.</summary>
    public static string MarkdownTable()
    {
        var text = new StringBuilder("| key | required | meaning |\n| --- | --- | --- |\n");
        foreach (var key in KeyTable.All)
        {
            var shown = key.Depth == 0 ? key.Path : key.Path[(key.Path.IndexOf(':') + 1)..];
            var need = key.Need switch { Need.Required => "yes", Need.Optional => "no", _ => "for `pulumi up`" };
            text.Append($"| `{shown}` | {need} | {Sentence(key, value => $"`{value}`").Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        return text.ToString();
    }

    /// <summary>The meaning with its example and default, e.g. "secret: Proxmox API token, e.g. user@realm!tokenid=uuid".</summary>
    private static string Sentence(KeySpec key, Func<string, string> value) =>
        (key.Secret ? "secret: " : "")
        + key.Meaning
        + (key.Example is { } example ? $", e.g. {value(example)}" : "")
        + (key.Default is { } fallback ? $"; default {fallback}" : "");

    private static bool HasChildren(KeySpec key) => KeyTable.All.Any(k => k.Parent == key.Path);

    private static string Indent(KeySpec key) => new(' ', 2 * key.Depth);
}
