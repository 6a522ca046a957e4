using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bootstrap.Blueprint.Tests.Lint.Pins;

/// <summary>
/// A local stand-in for upstream on 127.0.0.1: a chart repository (index.yaml with each package's sha256, the .tgz) and the
/// schema URLs, each under <c>/&lt;host&gt;/&lt;path&gt;</c> as <see cref="Bootstrap.Cli.Pins.Download"/> asks a mirror for them.
/// </summary>
internal sealed class PinnedArtifacts : IDisposable
{
    private readonly Dictionary<string, List<(string Chart, string Version, string Digest, string File)>> _repositories = [];

    public PinnedArtifacts() => Server = WireMockServer.Start($"http://127.0.0.1:{FreePort()}");

    public WireMockServer Server { get; }

    public string Url => Server.Urls[0];

    public int Requests(string pathPart) => Server.LogEntries.Count(e => e.RequestMessage.Path.Contains(pathPart, StringComparison.Ordinal));

    /// <summary>Serves <paramref name="body"/> at the upstream URL.</summary>
    public PinnedArtifacts File(string upstreamUrl, byte[] body)
    {
        var uri = new Uri(upstreamUrl);
        Server.Given(Request.Create().WithPath($"/{uri.Host}{uri.AbsolutePath}").UsingGet()).RespondWith(Response.Create().WithBody(body));
        return this;
    }

    public PinnedArtifacts File(string upstreamUrl, string body) => File(upstreamUrl, Encoding.UTF8.GetBytes(body));

    /// <summary>Serves a chart package (a .tgz, or a chart folder packed as helm package would) in the repository's index.</summary>
    public PinnedArtifacts Chart(string repoUrl, string chart, string version, string package)
    {
        var body = System.IO.File.Exists(package) ? System.IO.File.ReadAllBytes(package) : Pack(package, chart);
        var file = $"{chart}-{version}.tgz";
        File($"{repoUrl.TrimEnd('/')}/{file}", body);
        (_repositories.TryGetValue(repoUrl, out var list) ? list : _repositories[repoUrl] = []).Add(
            (chart, version, Convert.ToHexStringLower(SHA256.HashData(body)), file));
        var index = new StringBuilder("apiVersion: v1\nentries:\n");
        foreach (var group in _repositories[repoUrl].GroupBy(c => c.Chart))
        {
            index.Append($"  {group.Key}:\n");
            foreach (var entry in group)
            {
                index.Append($"  - name: {entry.Chart}\n    version: {entry.Version}\n    digest: {entry.Digest}\n    urls: [{entry.File}]\n");
            }
        }

        return File($"{repoUrl.TrimEnd('/')}/index.yaml", index.ToString());
    }

    public void Dispose() => Server.Stop();

    /// <summary>A chart folder as a package: every file below one top folder named after the chart.</summary>
    public static byte[] Pack(string folder, string chart)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                tar.WriteEntry(file, $"{chart}/{Path.GetRelativePath(folder, file).Replace('\\', '/')}");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>What a pin's files hold upstream, taken from the shared schema folder (renamed as upstream names them).</summary>
    public static byte[] Concatenated(string folder) =>
        Encoding.UTF8.GetBytes(string.Join("\n---\n", Directory.GetFiles(folder,
            "*.yaml").Order(StringComparer.Ordinal).Select(System.IO.File.ReadAllText)));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
