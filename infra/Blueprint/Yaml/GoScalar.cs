using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bootstrap.Blueprint.Yaml;

/// <summary>What a YAML scalar becomes in go-yaml v3 (resolve.go, resolve; decode.go, d.scalar) decoding into interface{}.</summary>
internal enum GoKind
{
    Null,
    Bool,
    Int,
    Uint,
    Float,
    String,
}

/// <summary>A resolved scalar: its Go kind and the text Pulumi's JSON (encoding/json) writes for it.</summary>
internal readonly record struct GoValue(GoKind Kind, string Text)
{
    /// <summary>The JSON node Pulumi hands the program for this value (its config reaches the program as JSON text).</summary>
    public JsonNode? ToJson() => Kind switch
    {
        GoKind.Null => null,
        GoKind.Bool => JsonValue.Create(Text == "true"),
        GoKind.String => JsonValue.Create(Text),
        GoKind.Int => JsonValue.Create(long.Parse(Text, CultureInfo.InvariantCulture)),
        GoKind.Uint => JsonValue.Create(ulong.Parse(Text, CultureInfo.InvariantCulture)),
        _ => JsonNode.Parse(Text),
    };
}

/// <summary>go-yaml v3's plain-scalar resolution rule for rule (go-yaml/yaml resolve.go): YAML 1.2 booleans and nulls, Go
/// integer syntax (0x1F, 0o17, 0b11, octal 0777, underscores dropped), yamlStyleFloat, timestamps, checked tags. Numbers
/// are written as Go's encoding/json writes them (1e9 as 1000000000): the text the Pulumi program receives.</summary>
internal static partial class GoScalar
{
    private const string LongTagPrefix = "tag:yaml.org,2002:";

    public static GoValue Resolve(YamlTreeNode node, string source)
    {
        var tag = ShortTag(node.Tag);
        var explicitTag = tag is not ("" or "!");

        // Quoted, literal and folded scalars without a tag are strings (decode.go, indicatedString).
        if (tag == "!!str" || (!explicitTag && !node.Plain))
        {
            return new(GoKind.String, node.Value);
        }

        if (tag == "!!binary")
        {
            return new(GoKind.String, Binary(node, source));
        }

        if (explicitTag && tag is not ("!!bool" or "!!int" or "!!float" or "!!null" or "!!timestamp"))
        {
            return new(GoKind.String, node.Value); // an unknown tag (or !!merge, !!seq on a scalar): go-yaml keeps the text
        }

        var resolved = Untagged(node.Value, tag is "" or "!" or "!!timestamp");
        if (explicitTag && TagOf(resolved) != tag)
        {
            if (tag == "!!float" && resolved.Kind is GoKind.Int or GoKind.Uint)
            {
                return new(GoKind.Float, resolved.Text);
            }

            throw new YamlFormatException(source, node.Line, node.Column, $"cannot decode {TagOf(resolved)} `{node.Value}` as a {tag}");
        }

        if (resolved.Kind == GoKind.Float && resolved.Text is "NaN" or "+Inf" or "-Inf")
        {
            throw new YamlFormatException(source, node.Line, node.Column,
                $"`{node.Value}` is not a number JSON can carry (Pulumi hands config to the program as JSON, "
                + "which has no infinity or NaN); quote it if it is text");
        }

        return resolved;
    }

    /// <summary>A map key as Pulumi names it: go-yaml decodes the key, Pulumi formats it with %v (config/object.go, unmarshalObject).</summary>
    public static string KeyText(GoValue key) => key.Kind switch
    {
        GoKind.Null => "<nil>",
        GoKind.Float => FormatG(double.Parse(key.Text, CultureInfo.InvariantCulture)),
        _ => key.Text,
    };

    private static string TagOf(GoValue value) => value.Kind switch
    {
        GoKind.Null => "!!null",
        GoKind.Bool => "!!bool",
        GoKind.Int or GoKind.Uint => "!!int",
        GoKind.Float => "!!float",
        _ => "!!str",
    };

    private static string ShortTag(string tag) => tag.StartsWith(LongTagPrefix, StringComparison.Ordinal) ? "!!" + tag[LongTagPrefix.Length..] : tag;

    private static GoValue Untagged(string text, bool timestamps)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE":
                return new(GoKind.Bool, "true");
            case "false" or "False" or "FALSE":
                return new(GoKind.Bool, "false");
            case "" or "~" or "null" or "Null" or "NULL":
                return new(GoKind.Null, "null");
            case ".nan" or ".NaN" or ".NAN":
                return new(GoKind.Float, "NaN");
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return new(GoKind.Float, "+Inf");
            case "-.inf" or "-.Inf" or "-.INF":
                return new(GoKind.Float, "-Inf");
        }

        var hint = text[0];
        if (hint == '.')
        {
            return DotFloat().IsMatch(text) && Float(text) is { } dot ? dot : new(GoKind.String, text);
        }

        if (hint is not ('+' or '-' or (>= '0' and <= '9')))
        {
            return new(GoKind.String, text);
        }

        if (timestamps && Timestamp(text) is { } time)
        {
            return new(GoKind.String, time);
        }

        var plain = text.Replace("_", "", StringComparison.Ordinal);
        if (Integer(plain) is { } integer)
        {
            return integer;
        }

        return YamlStyleFloat().IsMatch(plain) && Float(plain) is { } real ? real : new(GoKind.String, text);
    }

    /// <summary>strconv.ParseInt(s, 0, 64), then strconv.ParseUint(s, 0, 64): sign, then 0x/0o/0b prefix, leading 0 for octal.</summary>
    private static GoValue? Integer(string text)
    {
        var match = GoInteger().Match(text);
        if (!match.Success || text.Length > 80)
        {
            return null;
        }

        var sign = match.Groups["sign"].Value;
        var (digits, radix) = match.Groups["hex"].Success ? (match.Groups["hex"].Value, 16)
            : match.Groups["bin"].Success ? (match.Groups["bin"].Value, 2)
            : match.Groups["oct"].Success ? (match.Groups["oct"].Value, 8)
            : match.Groups["old"].Success ? (match.Groups["old"].Value, 8)
            : (match.Groups["dec"].Value, 10);
        var value = BigInteger.Zero;
        foreach (var digit in digits)
        {
            value = (value * radix) + Convert.ToInt32(digit.ToString(), 16);
        }

        var signed = sign == "-" ? -value : value;
        if (signed >= long.MinValue && signed <= long.MaxValue)
        {
            return new(GoKind.Int, signed.ToString(CultureInfo.InvariantCulture));
        }

        return sign.Length == 0 && value <= ulong.MaxValue ? new(GoKind.Uint, value.ToString(CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>strconv.ParseFloat: out of range is an error in Go (so the scalar stays a string), not infinity.</summary>
    private static GoValue? Float(string text)
    {
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsInfinity(value) ? null : new(GoKind.Float, FormatJson(value));
    }

    /// <summary>go-yaml's timestamp formats (resolve.go allowedTimestampFormats) as Pulumi passes them on: Go's time.Time.String(),
    /// e.g. "2001-12-14 00:00:00 +0000 UTC" (pulumi/pulumi config/object.go); other offsets print Go's fabricated zone ("-0500 -0500").</summary>
    private static string? Timestamp(string text)
    {
        var match = GoTimestamp().Match(text);
        if (!match.Success || (match.Groups["t"].Value is "T" or "t") != match.Groups["zone"].Success)
        {
            return null;
        }

        int Number(string group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        var (year, month, day) = (Number("year"), Number("month"), Number("day"));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year == 0 ? 2000 : year, month)
            || Number("hour") > 23 || Number("minute") > 59 || Number("second") > 59)
        {
            return null;
        }

        var fraction = match.Groups["fraction"].Value.TrimEnd('0');
        var zone = match.Groups["zone"].Value is "" or "Z" or "+00:00"
            ? "+0000 UTC"
            : $"{Offset(match.Groups["zone"].Value)} {Offset(match.Groups["zone"].Value)}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{year:0000}-{month:00}-{day:00} {Number("hour"):00}:{Number("minute"):00}:{Number("second"):00}"
            + $"{(fraction.Length > 0 ? "." + fraction : "")} {zone}");

        static string Offset(string zone) => zone.Replace(":", "", StringComparison.Ordinal);
    }

    private static string Binary(YamlTreeNode node, string source)
    {
        try
        {
            if (node.Value.Any(char.IsWhiteSpace))
            {
                throw new FormatException();
            }

            return Encoding.UTF8.GetString(Convert.FromBase64String(node.Value));
        }
        catch (FormatException)
        {
            throw new YamlFormatException(source, node.Line, node.Column, "!!binary value contains invalid base64 data");
        }
    }

    /// <summary>Go's encoding/json float: shortest digits, plain notation from 1e-6 up to 1e21, else 1e+21 / 1e-7.</summary>
    internal static string FormatJson(double value)
    {
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        var (negative, digits, point) = Shortest(value);
        var magnitude = Math.Abs(value);
        var text = magnitude is < 1e-6 or >= 1e21 ? Exponent(digits, point, minimumExponentDigits: 1) : Plain(digits, point);
        return negative ? "-" + text : text;
    }

    /// <summary>Go's %v for a float64 (strconv 'g', shortest): exponent form below 1e-4 and from 1e6 on (1e+06).</summary>
    private static string FormatG(double value)
    {
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        var (negative, digits, point) = Shortest(value);
        var exponent = point - 1;
        var text = exponent is < -4 or >= 6 ? Exponent(digits, point, minimumExponentDigits: 2) : Plain(digits, point);
        return negative ? "-" + text : text;
    }

    /// <summary>The shortest round-trip digits of <paramref name="value"/> and where the decimal point goes (0.digits × 10^point).</summary>
    private static (bool Negative, string Digits, int Point) Shortest(double value)
    {
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? text : text[..e];
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        return (double.IsNegative(value), digits.Trim('0') is { Length: > 0 } trimmed ? trimmed : "0", point - leading);
    }

    private static string Plain(string digits, int point) =>
        point <= 0 ? "0." + new string('0', -point) + digits
        : point >= digits.Length ? digits + new string('0', point - digits.Length)
        : digits[..point] + "." + digits[point..];

    private static string Exponent(string digits, int point, int minimumExponentDigits)
    {
        var exponent = point - 1;
        var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        var magnitude = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(minimumExponentDigits, '0');
        return $"{mantissa}e{(exponent < 0 ? '-' : '+')}{magnitude}";
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlStyleFloat();

    [GeneratedRegex(@"^\.[0-9]+([eE][-+]?[0-9]+)?$")]
    private static partial Regex DotFloat();

    [GeneratedRegex(@"^(?<sign>[-+]?)(0[xX](?<hex>[0-9a-fA-F]+)|0[bB](?<bin>[01]+)|0[oO](?<oct>[0-7]+)|0(?<old>[0-7]*)|(?<dec>[1-9][0-9]*))$")]
    private static partial Regex GoInteger();

    [GeneratedRegex(
        @"^(?<year>[0-9]{4})-(?<month>[0-9]{1,2})-(?<day>[0-9]{1,2})"
        + @"((?<t>[Tt ])(?<hour>[0-9]{1,2}):(?<minute>[0-9]{1,2}):(?<second>[0-9]{1,2})(\.(?<fraction>[0-9]{1,9}))?"
        + @"(?<zone>Z|[-+][0-9]{2}:[0-9]{2})?)?$")]
    private static partial Regex GoTimestamp();
}
