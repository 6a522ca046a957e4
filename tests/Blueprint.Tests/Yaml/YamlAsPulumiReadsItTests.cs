using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Yaml;

namespace Bootstrap.Blueprint.Tests.Yaml;

/// <summary>
/// The YAML reader accepts and refuses what go-yaml v3.0.1 (Pulumi's stack-file reader) does; each expectation below is
/// go-yaml's own behaviour, cited from its source (resolve.go, decode.go, readerc.go).
/// </summary>
public class YamlAsPulumiReadsItTests
{
    private static readonly JsonSerializerOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonNode? Value(string yaml) => YamlReader.Parse($"v: {yaml}\n", "t.yaml")!["v"];

    private static YamlFormatException Refused(string yaml) => Assert.Throws<YamlFormatException>(() => YamlReader.ParseAll(yaml, "t.yaml"));

    [Theory]
    [InlineData("4096", "4096")]
    [InlineData("0x1000", "4096")] // strconv.ParseInt(s, 0, 64): base prefixes
    [InlineData("0o17", "15")]
    [InlineData("017", "15")] // YAML 1.1 octal, still decoded by v3
    [InlineData("0b101", "5")]
    [InlineData("1_000", "1000")] // underscores dropped before parsing
    [InlineData("+5", "5")]
    [InlineData("-0x10", "-16")]
    [InlineData("18446744073709551615", "18446744073709551615")] // ParseUint after ParseInt overflows
    [InlineData("1e9", "1000000000")] // a float, written by encoding/json in plain notation
    [InlineData("4096.0", "4096")]
    [InlineData("08", "8")] // not octal, not an int: yamlStyleFloat takes it
    [InlineData("1e21", "1e+21")]
    [InlineData("1.5e-7", "1.5e-7")]
    [InlineData(".5", "0.5")]
    [InlineData("true", "true")]
    [InlineData("\"4096\"", "\"4096\"")]
    [InlineData("yes", "\"yes\"")] // YAML 1.2: no yes/no booleans in v3
    [InlineData("1e400", "\"1e400\"")] // ParseFloat range error: the scalar stays a string
    [InlineData("0x", "\"0x\"")]
    [InlineData("2024-01-02", "\"2024-01-02 00:00:00 +0000 UTC\"")] // a timestamp: Pulumi passes time.Time.String()
    [InlineData("2001-12-14t21:59:43.10-05:00", "\"2001-12-14 21:59:43.1 -0500 -0500\"")]
    [InlineData("!!int \"12\"", "12")]
    [InlineData("!!float 1", "1")]
    [InlineData("!!str 12", "\"12\"")]
    [InlineData("!!binary aGVsbG8=", "\"hello\"")]
    [InlineData("!custom 12", "\"12\"")]
    public void Scalars_resolve_as_go_yaml_resolves_them_and_numbers_read_as_Pulumi_passes_them(string yaml, string json)
    {
        Assert.Equal(json, Value(yaml)?.ToJsonString(Plain) ?? "null");
    }

    [Theory]
    [InlineData("v: .inf\n", 1, 4, "`.inf` is not a number JSON can carry")]
    [InlineData("v: !!bool yes\n", 1, 4, "cannot decode !!str `yes` as a !!bool")]
    [InlineData("v: !!binary 'not base64!'\n", 1, 4, "!!binary value contains invalid base64 data")]
    [InlineData("a: 1\nb: *nope\n", 2, 4, "unknown anchor 'nope' referenced")]
    [InlineData("a: &a [1, *a]\n", 1, 11, "anchor 'a' value contains itself")]
    [InlineData("a: 1\nb: 2\na: 3\n", 3, 1, "mapping key \"a\" already defined at line 1")]
    [InlineData("a: {<<: [1]}\n", 1, 9, "map merge requires map or sequence of maps as the value")]
    [InlineData("a: {[1]: x}\n", 1, 5, "a mapping or list cannot be a mapping key")]
    public void Refused_as_go_yaml_refuses_them_at_their_line_and_column(string yaml, int line, int column, string problem)
    {
        var error = Refused(yaml);

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Equal($"t.yaml:{line}:{column}", error.Location);
    }

    [Theory]
    [InlineData("config:\n  a: [1, 2\n", "did not find expected ',' or ']'", "'[' opened at 2:6")]
    [InlineData("config:\n  a: {b: 1\n", "did not find expected ',' or '}'", "'{' opened at 2:6")]
    [InlineData("key: [a, b\nother: 1\n", "cannot be parsed here", "'[' opened at 1:6")]
    public void An_unclosed_bracket_says_what_was_expected_and_where_it_opened(string yaml, string expected, string opened)
    {
        var error = Refused(yaml);

        Assert.Contains(expected, error.Problem, StringComparison.Ordinal);
        Assert.Contains(opened, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("config:\n\tb: 1\n", 2, 1)]
    [InlineData("config:\n  x: 1\n \ty: 2\n", 3, 2)]
    public void A_tab_in_the_indentation_is_reported_where_the_tab_is(string yaml, int line, int column)
    {
        var error = Refused(yaml);

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains("never tabs", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: \"x\u0001y\"\n", 1, 6, "U+0001")]
    [InlineData("a: b\n# bell \u0007 in a comment\n", 2, 8, "U+0007")]
    [InlineData("a: \uFFFE\n", 1, 4, "U+FFFE")]
    public void Control_characters_are_errors_even_in_quotes_and_comments(string yaml, int line, int column, string character)
    {
        var error = Refused(yaml);

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(character, error.Problem, StringComparison.Ordinal);
        Assert.Contains("control characters are not allowed", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Tabs_line_breaks_and_printable_unicode_are_text()
    {
        Assert.Equal("a\tb ü € 😀", (string?)Value("\"a\\tb ü € 😀\""));
        Assert.Equal("a\tb", (string?)Value("\"a\tb\""));
    }

    [Fact]
    public void Merge_keys_merge_with_explicit_keys_winning_and_the_first_source_first()
    {
        var node = YamlReader.Parse("""
            base: &base {cores: 2, memoryMiB: 4096, diskGiB: 20}
            big: &big {cores: 8, diskGiB: 100}
            node:
              <<: [*big, *base]
              memoryMiB: 8192
            quoted: {"<<": *base}
            """, "t.yaml")!;

        Assert.Equal("""{"memoryMiB":8192,"cores":8,"diskGiB":100}""", node["node"]!.ToJsonString(Plain));
        Assert.Equal("""{"<<":{"cores":2,"memoryMiB":4096,"diskGiB":20}}""", node["quoted"]!.ToJsonString(Plain));
    }

    [Fact]
    public void An_alias_bomb_is_refused_quickly_as_go_yaml_refuses_it()
    {
        // "Billion laughs": nine levels of nine aliases, 387 million nodes once expanded.
        var lines = new List<string> { "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]" };
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            lines.Add($"{level}: &{level} [{string.Join(",", Enumerable.Repeat($"*{previous}", 9))}]");
        }

        var clock = Stopwatch.StartNew();
        var error = Refused(string.Join("\n", lines) + "\n");

        Assert.Contains("document contains excessive aliasing", error.Problem, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Moderate_aliasing_is_accepted_as_go_yaml_accepts_it()
    {
        var node = YamlReader.Parse("d: &d {a: 1}\nlist: [*d, *d, *d]\n", "t.yaml")!;

        Assert.Equal("""[{"a":1},{"a":1},{"a":1}]""", node["list"]!.ToJsonString());
    }

    [Theory]
    [InlineData(399_000, 0.99)]
    [InlineData(2_200_000, 0.545)]
    [InlineData(5_000_000, 0.10)]
    public void The_alias_budget_is_go_yaml_s(int decodes, double ratio)
    {
        Assert.Equal(ratio, YamlDecoder.AllowedAliasRatio(decodes), 3);
    }

    [Fact]
    public void Nesting_deeper_than_the_json_limit_is_refused_without_exhausting_the_stack()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);

        var error = Refused($"v: {deep}\n");

        Assert.Contains($"nests deeper than {YamlReader.MaxDepth} levels", error.Problem, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Nesting_through_aliases_is_bounded_too()
    {
        var lines = new List<string> { "a0: &a0 [x]" };
        for (var i = 1; i <= YamlReader.MaxDepth + 1; i++)
        {
            lines.Add($"a{i}: &a{i} [*a{i - 1}]");
        }

        Assert.Contains("once its aliases are expanded", Refused(string.Join("\n", lines) + "\n").Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_is_bounded_in_nodes_as_written_and_once_expanded()
    {
        var written = Refused($"v: [{string.Join(",", Enumerable.Repeat("1", YamlReader.MaxNodes + 1))}]\n");
        Assert.Contains($"holds more than {YamlReader.MaxNodes:N0} YAML nodes", written.Problem, StringComparison.Ordinal);

        // Within go-yaml's alias ratio (1% real nodes), but 300,000 nodes once expanded.
        var real = string.Join(",", Enumerable.Repeat("1", 3000));
        var expanded = Refused($"r: [{real}]\nb: &b [{string.Join(",", Enumerable.Repeat("1", 1000))}]\n"
            + $"m: [{string.Join(",", Enumerable.Repeat("*b", 300))}]\n");
        Assert.Contains($"expands to more than {YamlReader.MaxNodes:N0} nodes", expanded.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_keys_read_as_Pulumi_names_them()
    {
        var node = YamlReader.Parse("{1e9: a, 0x10: b, true: c, ~: d, 1.5: e}", "t.yaml")!;

        Assert.Equal(["1e+09", "16", "true", "<nil>", "1.5"], node.AsObject().Select(p => p.Key));
    }
}
