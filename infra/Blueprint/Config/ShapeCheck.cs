using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Config;

/// <summary>
/// Checks a JSON tree against a settings record before System.Text.Json binds it, so that every unknown key,
/// missing key and wrong type is reported at once, each with its full key path (System.Text.Json stops at the first).
/// </summary>
public static class ShapeCheck
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static IReadOnlyList<Diagnostic> Check(JsonNode? node, Type type, string key)
    {
        var findings = new List<Diagnostic>();
        Visit(node, type, key, key, findings);
        return findings;
    }

    /// <summary>The JSON names a record accepts, in declaration order.</summary>
    public static IReadOnlyList<string> KeysOf(Type record) =>
        Parameters(record).Select(p => JsonName(p.Name!)).ToList();

    /// <param name="shape">The key's path in <see cref="KeyTable"/>: <paramref name="key"/> with each mapping entry as <c>&lt;&gt;</c>.</param>
    private static void Visit(JsonNode? node, Type type, string key, string shape, List<Diagnostic> findings)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (node is null)
        {
            return; // presence is checked by the parent, which knows whether the key is optional
        }

        if (underlying == typeof(string))
        {
            Expect(node, JsonValueKind.String, "a string", key, findings);
        }
        else if (underlying == typeof(int))
        {
            CheckInteger(node, key, findings);
        }
        else if (underlying == typeof(bool))
        {
            Expect(node, JsonValueKind.True, "true or false", key, findings, JsonValueKind.False);
        }
        else if (underlying.IsEnum)
        {
            CheckEnum(node, underlying, key, findings);
        }
        else if (Generic(underlying, typeof(IReadOnlyDictionary<,>)) is { } mapArgs)
        {
            if (node is not JsonObject map)
            {
                findings.Add(FindingId.ConfigValue.At(
                    key,
                    $"expected a mapping of names to values, got {Describe(node)}",
                    "write it as `name: value` entries"));
                return;
            }

            foreach (var (name, value) in map)
            {
                var child = ConfigKey.Child(key, name);
                if (value is null)
                {
                    findings.Add(FindingId.ConfigValue.At(child, "has no value", "give it a value or remove the key"));
                    continue;
                }

                Visit(value, mapArgs[1], child, ConfigKey.Child(shape, "<>"), findings);
            }
        }
        else if (Generic(underlying, typeof(IReadOnlyList<>)) is { } listArgs)
        {
            if (node is not JsonArray list)
            {
                findings.Add(FindingId.ConfigValue.At(key, $"expected a list, got {Describe(node)}", "write it as a YAML list, e.g. [a, b]"));
                return;
            }

            for (var i = 0; i < list.Count; i++)
            {
                var item = ConfigKey.Item(key, i);
                if (list[i] is null)
                {
                    findings.Add(FindingId.ConfigValue.At(item, "is empty", "remove the empty entry"));
                    continue;
                }

                Visit(list[i], listArgs[0], item, shape, findings);
            }
        }
        else
        {
            CheckRecord(node, underlying, key, shape, findings);
        }
    }

    private static void CheckRecord(JsonNode node, Type record, string key, string shape, List<Diagnostic> findings)
    {
        var documented = string.Join(", ", KeyTable.ChildrenOf(shape));
        if (node is not JsonObject map)
        {
            findings.Add(FindingId.ConfigValue.At(
                key,
                $"expected a mapping, got {Describe(node)}",
                $"write it as a mapping with the keys {documented}"));
            return;
        }

        var parameters = Parameters(record).ToDictionary(p => JsonName(p.Name!), StringComparer.Ordinal);
        foreach (var (name, value) in map)
        {
            var child = ConfigKey.Child(key, name);
            if (!parameters.TryGetValue(name, out var parameter))
            {
                var hint = Closest(name, parameters.Keys);
                findings.Add(FindingId.ConfigUnknownKey.At(
                    child,
                    $"is not a known key",
                    (hint is null ? "" : $"did you mean '{hint}'? ") + $"valid keys here: {documented}"));
                continue;
            }

            if (value is null && IsRequired(parameter))
            {
                findings.Add(FindingId.ConfigValue.At(child, "has no value", $"set {name}"));
                continue;
            }

            Visit(value, parameter.ParameterType, child, ConfigKey.Child(shape, name), findings);
        }

        foreach (var (name, parameter) in parameters)
        {
            if (!map.ContainsKey(name) && IsRequired(parameter))
            {
                findings.Add(FindingId.ConfigValue.At(ConfigKey.Child(key, name), "is missing", $"add {name} under {key}"));
            }
        }
    }

    /// <summary>Tried with the binder's own options, so a value ShapeCheck passes is one System.Text.Json binds.</summary>
    private static void CheckInteger(JsonNode node, string key, List<Diagnostic> findings)
    {
        bool ok;
        try
        {
            ok = node is JsonValue
                && (node.GetValueKind() is JsonValueKind.Number or JsonValueKind.String)
                && node.Deserialize<int>(ConfigBinder.Json) is var _;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            ok = false;
        }

        if (!ok)
        {
            findings.Add(FindingId.ConfigValue.At(key, $"expected a whole number, got {Describe(node)}",
                "write a whole number up to 2147483647 (the int the Pulumi program passes on), such as 4096"));
        }
    }

    private static void CheckEnum(JsonNode node, Type type, string key, List<Diagnostic> findings)
    {
        var names = EnumNames(type);
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String && names.Contains(value.GetValue<string>()))
        {
            return;
        }

        findings.Add(FindingId.ConfigValue.At(key, $"{Describe(node)} is not allowed", $"use one of: {string.Join(", ", names)}"));
    }

    private static void Expect(
        JsonNode node, JsonValueKind kind, string what, string key, List<Diagnostic> findings, JsonValueKind? alternative = null)
    {
        if (node is JsonValue value && (value.GetValueKind() == kind || value.GetValueKind() == alternative))
        {
            return;
        }

        var fix = kind == JsonValueKind.String ? "quote the value if YAML reads it as a number or boolean, e.g. \"1.20\"" : $"write {what}";
        findings.Add(FindingId.ConfigValue.At(key, $"expected {what}, got {Describe(node)}", fix));
    }

    private static string Describe(JsonNode node) => node switch
    {
        JsonObject => "a mapping",
        JsonArray => "a list",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"\"{v.GetValue<string>()}\"",
        _ => node.ToJsonString(),
    };

    private static bool IsRequired(ParameterInfo parameter) =>
        !parameter.HasDefaultValue
        && Nullable.GetUnderlyingType(parameter.ParameterType) is null
        && Nullability.Create(parameter).WriteState != NullabilityState.Nullable;

    private static ParameterInfo[] Parameters(Type record) =>
        record.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();

    internal static string JsonName(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>The valid key a misspelt one most likely meant: the same but for case, else at most two edits away.</summary>
    internal static string? Closest(string name, IEnumerable<string> keys)
    {
        var candidates = keys.ToList();
        return candidates.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? candidates
                .Select(k => (Key: k, Distance: Edits(name.ToLowerInvariant(), k.ToLowerInvariant())))
                .Where(c => c.Distance <= 2)
                .OrderBy(c => c.Distance)
                .Select(c => c.Key)
                .FirstOrDefault();
    }

    /// <summary>Levenshtein distance, giving up (returning 3) once names differ in length by more than two.</summary>
    private static int Edits(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return 3;
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    internal static IReadOnlyList<string> EnumNames(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonName(f.Name))
            .ToList();

    private static Type[]? Generic(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition ? type.GetGenericArguments() : null;
}
