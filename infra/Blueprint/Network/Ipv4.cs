using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Bootstrap.Blueprint.Network;

/// <summary>Strict IPv4 parsing: IPAddress.TryParse accepts "10" or "10.1" as addresses, users never mean that.</summary>
public static partial class Ipv4
{
    public static bool TryParse(string? text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text is null
            || !DottedQuad().IsMatch(text)
            || !IPAddress.TryParse(text, out var parsed)
            || parsed.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    public static bool TryParseNetwork(string? text, out IPNetwork2 network)
    {
        network = null!;
        var slash = text?.IndexOf('/') ?? -1;
        if (slash < 0 || !TryParse(text![..slash], out _) || !IPNetwork2.TryParse(text, out var parsed))
        {
            return false;
        }

        network = parsed;
        return parsed.Network.ToString() == text[..slash];
    }

    public static uint ToNumber(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    [GeneratedRegex(@"^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$")]
    private static partial Regex DottedQuad();
}

/// <summary>An inclusive range of IPv4 addresses, written <c>first-last</c> (the Cilium pool's start/stop).</summary>
public sealed record Ipv4Range(IPAddress First, IPAddress Last)
{
    public static bool TryParse(string? text, out Ipv4Range range)
    {
        range = null!;
        var parts = text?.Split('-') ?? [];
        if (parts.Length != 2 || !Ipv4.TryParse(parts[0].Trim(), out var first) || !Ipv4.TryParse(parts[1].Trim(), out var last))
        {
            return false;
        }

        range = new Ipv4Range(first, last);
        return true;
    }

    /// <summary>Parses a range already checked by validation.</summary>
    public static Ipv4Range Parse(string text) =>
        TryParse(text, out var range) ? range : throw new FormatException($"\"{text}\" is not an IPv4 range first-last");

    public bool IsOrdered => Ipv4.ToNumber(First) <= Ipv4.ToNumber(Last);

    public long Count => (long)Ipv4.ToNumber(Last) - Ipv4.ToNumber(First) + 1;

    public bool Contains(IPAddress address)
    {
        var n = Ipv4.ToNumber(address);
        return n >= Ipv4.ToNumber(First) && n <= Ipv4.ToNumber(Last);
    }

    public override string ToString() => $"{First}-{Last}";
}
