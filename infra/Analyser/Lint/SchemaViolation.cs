using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Bootstrap.Analyser.Lint;

/// <summary>One place a document breaks its schema: the path inside the document (e.g. <c>machine.install.bogus</c>),
/// what is wrong, what would be right.</summary>
public sealed partial record SchemaViolation(string Path, string Problem, string Fix)
{
    private const int ShownValueLength = 60;

    private const string DidYouMean = "did you mean ";

    /// <summary>Every violation of <paramref name="schema"/> by <paramref name="document"/>, leaf errors only, ordered by path.</summary>
    /// <param name="at">Where <paramref name="document"/> sits in a larger one (e.g. <c>metadata</c>): prefixed to every path.</param>
    public static IReadOnlyList<SchemaViolation> Find(JsonSchema schema, JsonNode document, string at = "") =>
        schema.Validate(document.ToJsonString())
            .SelectMany(Leaves)
            .Distinct()
            .Select(v => at.Length == 0 ? v : v with
            {
                Path = v.Path.Length == 0 ? at : $"{at}.{v.Path}",
                Fix = v.Fix.StartsWith(DidYouMean, StringComparison.Ordinal) ? $"{DidYouMean}{at}.{v.Fix[DidYouMean.Length..]}" : v.Fix,
            })
            .OrderBy(v => v.Path, StringComparer.Ordinal)
            .ThenBy(v => v.Problem, StringComparer.Ordinal)
            .ToList();

    /// <summary>"at the top level" for the document itself, else the path.</summary>
    public string Where => Path.Length == 0 ? "(top level)" : Path;

    // NJsonSchema nests the real errors of list items, map values and allOf under one wrapper error per level.
    private static IEnumerable<SchemaViolation> Leaves(ValidationError error) => error switch
    {
        ChildSchemaValidationError { Kind: ValidationErrorKind.ArrayItemNotValid
            or ValidationErrorKind.AdditionalPropertiesNotValid
            or ValidationErrorKind.AdditionalItemNotValid
            or ValidationErrorKind.NotAllOf } nested =>
            nested.Errors.Values.SelectMany(e => e).SelectMany(Leaves),
        ChildSchemaValidationError { Kind: ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf } alternatives =>
            [Alternatives(alternatives)],
        _ => [Describe(error)],
    };

    private static SchemaViolation Alternatives(ChildSchemaValidationError error)
    {
        var path = PathOf(error);
        var branches = error.Errors.Values.Select(e => e.SelectMany(Leaves).ToList()).ToList();
        if (branches.Count(b => b.Count == 0) > 1)
        {
            return new(path, $"is {Shown(error.Token)}, which matches more than one of the forms the schema allows", "make it match exactly one");
        }

        // Plain type alternatives (int-or-string and the like) read best as one list of types.
        if (branches.All(b => b.Count == 1 && b[0].Path == path && b[0].Problem.Contains(", but must be ", StringComparison.Ordinal)))
        {
            const string mustBe = ", but must be ";
            var types = branches.Select(b => b[0].Problem[(b[0].Problem.IndexOf(mustBe, StringComparison.Ordinal) + mustBe.Length)..]).Distinct();
            return new(path, $"is {Shown(error.Token)}, but must be {string.Join(" or ", types)}", "change its type");
        }

        var closest = branches.Where(b => b.Count > 0).MinBy(b => b.Count)!;
        var detail = string.Join("; ", closest.Take(3).Select(v => v.Path == path ? v.Problem : $"{v.Where} {v.Problem}"));
        return new(path, $"matches none of the forms the schema allows (closest: {detail})", closest[0].Fix);
    }

    private static SchemaViolation Describe(ValidationError error)
    {
        var path = PathOf(error);
        var schema = error.Schema.ActualSchema;
        var value = Shown(error.Token is JProperty property ? property.Value : error.Token);
        return error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => UnknownField(path, error),
            ValidationErrorKind.PropertyRequired => new(path, "is required but missing", "set it"),
            ValidationErrorKind.NotInEnumeration => new(
                path,
                $"is {value}, but must be one of "
                + string.Join(", ", schema.Enumeration.Select(e => Shown(e is null ? JValue.CreateNull() : JToken.FromObject(e)))),
                "use one of those values"),
            ValidationErrorKind.PatternMismatch =>
                new(path, $"is {value}, which does not match the pattern {schema.Pattern}", "write it in the form the pattern describes"),
            ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected
                or ValidationErrorKind.BooleanExpected or ValidationErrorKind.ArrayExpected or ValidationErrorKind.ObjectExpected
                or ValidationErrorKind.NullExpected or ValidationErrorKind.NoTypeValidates =>
                new(path, $"is {value}, but must be {TypeNames(schema.Type)}", "change its type"),
            ValidationErrorKind.StringTooShort => new(path, $"is {value}, shorter than {schema.MinLength} characters", "make it longer"),
            ValidationErrorKind.StringTooLong => new(path, $"is {value}, longer than {schema.MaxLength} characters", "make it shorter"),
            ValidationErrorKind.NumberTooSmall => new(path, $"is {value}, below the minimum {schema.Minimum ?? schema.ExclusiveMinimum}", "raise it"),
            ValidationErrorKind.NumberTooBig => new(path, $"is {value}, above the maximum {schema.Maximum ?? schema.ExclusiveMaximum}", "lower it"),
            ValidationErrorKind.TooFewItems => new(path, $"has fewer than {schema.MinItems} items", "add items"),
            ValidationErrorKind.TooManyItems => new(path, $"has more than {schema.MaxItems} items", "remove items"),
            ValidationErrorKind.ItemsNotUnique => new(path, "repeats an item", "list each item once"),
            _ => new(path, $"is {value}: {Words(error.Kind.ToString())}", "see the schema"),
        };
    }

    private static SchemaViolation UnknownField(string path, ValidationError error)
    {
        var known = error.Schema.ActualSchema.ActualProperties.Keys.Order(StringComparer.Ordinal).ToList();
        var name = error.Property ?? "";
        var parent = path.Length > name.Length ? path[..^(name.Length + 1)] : "";
        var sameButCase = known.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        var fix = sameButCase is not null
            ? $"{DidYouMean}{(parent.Length > 0 ? $"{parent}." : "")}{sameButCase}?"
            : known.Count is > 0 and <= 20
                ? $"remove it; the fields here are {string.Join(", ", known)}"
                : "remove it";
        return new(path, "is not a field the schema knows", fix);
    }

    // NJsonSchema writes "#/a.b[0].c"; values nested under anyOf come with Newtonsoft paths, which quote odd names as ['a.b'].
    private static string PathOf(ValidationError error)
    {
        var path = error.Path is { } p && p.StartsWith("#/", StringComparison.Ordinal) ? p[2..] : "";
        return QuotedName().Replace(path, m => $".{m.Groups[1].Value}").TrimStart('.');
    }

    private static string Shown(JToken? token)
    {
        var text = token?.ToString(Formatting.None) ?? "null";
        return text.Length <= ShownValueLength ? text : $"{text[..ShownValueLength]}...";
    }

    private static string TypeNames(JsonObjectType type)
    {
        var names = new List<string>();
        foreach (var (flag, name) in (ReadOnlySpan<(JsonObjectType, string)>)[
            (JsonObjectType.String, "a string"), (JsonObjectType.Integer, "an integer"), (JsonObjectType.Number, "a number"),
            (JsonObjectType.Boolean, "a boolean"), (JsonObjectType.Array, "a list"), (JsonObjectType.Object, "a map"), (JsonObjectType.Null, "null")])
        {
            if (type.HasFlag(flag))
            {
                names.Add(name);
            }
        }

        return names.Count == 0 ? "of another type" : string.Join(" or ", names);
    }

    private static string Words(string kind) => CapitalLetter().Replace(kind, m => $" {char.ToLowerInvariant(m.Value[0])}").Trim();

    [GeneratedRegex(@"\['((?:[^'\\]|\\.)*)'\]")]
    private static partial Regex QuotedName();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex CapitalLetter();
}
