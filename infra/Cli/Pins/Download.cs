using System.Net;
using System.Security.Cryptography;

namespace Bootstrap.Cli.Pins;

/// <summary>A download that could not be had: names the URL and why.</summary>
internal sealed class DownloadException(string url, string problem) : Exception($"fetching {url} failed: {problem}")
{
    public string Url { get; } = url;
}

/// <summary>Fetches one pinned upstream file over HTTP(S) with a timeout, a size bound and sha256 checked where published.
/// With BOOTSTRAP_DOWNLOAD_MIRROR set, <c>https://host/path</c> comes from <c>&lt;mirror&gt;/host/path</c>: an artifact
/// proxy for an offline lab, and the tests' local server.</summary>
internal sealed class Download(HttpClient http, string? mirror, TimeSpan timeout)
{
    public const string MirrorVariable = "BOOTSTRAP_DOWNLOAD_MIRROR";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The download as configured by the environment, with one shared client.</summary>
    public static Download FromEnvironment() =>
        new(Shared.Value, Environment.GetEnvironmentVariable(MirrorVariable) is { Length: > 0 } m ? m : null, DefaultTimeout);

    /// <summary>Where <paramref name="url"/> is really fetched from (the mirror's copy when one is set).</summary>
    public string Resolve(string url)
    {
        if (mirror is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }

        return $"{mirror.TrimEnd('/')}/{uri.Host}{uri.PathAndQuery}";
    }

    /// <summary>The file's bytes, at most <paramref name="maxBytes"/>, matching <paramref name="sha256"/> when given (hex sha256, as
    /// a Helm index's digest, or npm's <c>sha512-&lt;base64&gt;</c> integrity).</summary>
    /// <exception cref="DownloadException">Unreachable, an HTTP error, too large, too slow or the wrong digest.</exception>
    public async Task<byte[]> Get(string url, long maxBytes, string? sha256, CancellationToken cancel)
    {
        var from = Resolve(url);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(timeout);
        byte[] body;
        try
        {
            using var response = await http.GetAsync(from, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new DownloadException(from, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw new DownloadException(from, $"it is more than the {maxBytes} bytes allowed ({response.Content.Headers.ContentLength} bytes)");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, deadline.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new DownloadException(from, $"it is more than the {maxBytes} bytes allowed");
                }

                buffer.Write(chunk, 0, read);
            }

            body = buffer.ToArray();
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new DownloadException(from, $"no answer within {timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            throw new DownloadException(from, e.Message);
        }

        if (sha256 is not null)
        {
            var (algorithm, expected, actual) = sha256.StartsWith("sha512-", StringComparison.Ordinal)
                ? ("sha512", sha256["sha512-".Length..], Convert.ToBase64String(SHA512.HashData(body)))
                : ("sha256", sha256.ToLowerInvariant(), Convert.ToHexStringLower(SHA256.HashData(body)));
            if (!string.Equals(actual, expected, StringComparison.Ordinal))
            {
                throw new DownloadException(from, $"its {algorithm} is {actual}, but upstream publishes {expected}");
            }
        }

        return body;
    }

    private static readonly Lazy<HttpClient> Shared = new(() =>
        new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    });
}
