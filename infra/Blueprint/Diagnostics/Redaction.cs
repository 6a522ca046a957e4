using System.Text.RegularExpressions;

namespace Bootstrap.Blueprint.Diagnostics;

/// <summary>
/// The one redaction every printer and non-secret file goes through: a password, token or key in any input (URL user info,
/// a quoted request, a plugin's output) becomes <see cref="Mark"/>; what stays still tells which server or file was meant.
/// </summary>
public static partial class Redaction
{
    public const string Mark = "[redacted]";

    /// <summary>A URL (or any text) with every credential replaced: user info, token-like query values, bearer tokens, keys.</summary>
    public static string Text(string text)
    {
        if (text.Length == 0 || !MayHoldCredential(text))
        {
            return text;
        }

        text = PrivateKey().Replace(text, $"-----BEGIN $1PRIVATE KEY-----{Mark}-----END $1PRIVATE KEY-----");
        text = UserInfo().Replace(text, m => m.Groups["scheme"].Value + UserInfoShown(m.Groups["scheme"].Value, m.Groups["info"].Value) + "@");
        text = Bearer().Replace(text, $"$1 {Mark}");
        text = QuerySecret().Replace(text, $"$1{Mark}");
        text = Jwt().Replace(text, Mark);
        return text;
    }

    /// <summary>A server URL as shown and recorded (verify's and backup's "at https://…", manifest.json's server).</summary>
    public static string Url(string url) => Text(url);

    /// <summary>
    /// HTTP(S) user info is a credential whole (GitHub and GitLab take a token as the user name); elsewhere (ssh://git@…) the
    /// user name is only a name, and just a password after ':' is hidden.
    /// </summary>
    private static string UserInfoShown(string scheme, string info) =>
        scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? Mark
        : info.IndexOf(':') is var colon and >= 0 ? info[..colon] + ":" + Mark
        : info;

    private static bool MayHoldCredential(string text) =>
        text.Contains('@') || text.Contains("PRIVATE KEY", StringComparison.Ordinal) || text.Contains('=')
        || text.Contains("bearer", StringComparison.OrdinalIgnoreCase) || text.Contains("eyJ", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<scheme>\b[A-Za-z][A-Za-z0-9+.-]{0,20}://)(?<info>[^/?#@\s'""<>]{1,2000})@")]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]{8,}=*", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    [GeneratedRegex(
        @"([?&;](?:access_token|token|id_token|refresh_token|password|passwd|secret|client_secret|api_key|apikey|key|sig|signature)=)[^&#\s'""]+",
        RegexOptions.IgnoreCase)]
    private static partial Regex QuerySecret();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"-----BEGIN ([A-Z ]*?)PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*?PRIVATE KEY-----|$)")]
    private static partial Regex PrivateKey();
}
