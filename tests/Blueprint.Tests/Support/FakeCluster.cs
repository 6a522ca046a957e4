using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>
/// A fake Kubernetes API on 127.0.0.1 (WireMock) and a kubeconfig pointing at it. Tests serve JSON bodies on API paths;
/// any path not served answers 404, as the API does for a missing object or CRD. Nothing leaves this machine.
/// </summary>
internal sealed class FakeCluster : IDisposable
{
    public const string Token = "fake-cluster-token-never-printed";

    private readonly WireMockServer _server;
    private readonly TempFolder _folder = new();

    public FakeCluster()
    {
        Url = $"http://127.0.0.1:{FreePort()}";
        _server = WireMockServer.Start(Url);
        Kubeconfig = WriteKubeconfig(_folder, Url);
    }

    public string Url { get; }

    public string Kubeconfig { get; }

    public FakeCluster Serve(string path, JsonNode body, string? labelSelector = null, int status = 200)
    {
        var request = Request.Create().WithPath(path).UsingGet();
        if (labelSelector is not null)
        {
            request = request.WithParam("labelSelector", labelSelector);
        }

        _server.Given(request).RespondWith(Json(body, status));
        return this;
    }

    /// <summary>Serves <paramref name="first"/> (with <paramref name="firstStatus"/>) once, then <paramref name="then"/> on
    /// every later request.</summary>
    public FakeCluster ServeInTurn(string path, JsonNode first, JsonNode then, int firstStatus = 200)
    {
        var scenario = $"turns {path}";
        _server.Given(Request.Create().WithPath(path).UsingGet()).InScenario(scenario).WillSetStateTo("later").RespondWith(Json(first, firstStatus));
        _server.Given(Request.Create().WithPath(path).UsingGet()).InScenario(scenario).WhenStateIs("later").RespondWith(Json(then, 200));
        return this;
    }

    /// <summary>Every request answers with this status (401, 500, …).</summary>
    public FakeCluster Refuse(int status)
    {
        _server.Given(Request.Create().UsingAnyMethod())
            .AtPriority(int.MinValue + 1)
            .RespondWith(Json(new JsonObject { ["kind"] = "Status", ["code"] = status }, status));
        return this;
    }

    public void Reset() => _server.ResetMappings();

    /// <summary>How many requests came in with this path.</summary>
    public int Requests(string path) => _server.LogEntries.Count(e => e.RequestMessage.Path == path);

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _folder.Dispose();
    }

    /// <summary>A kubeconfig for a port nothing listens on: the API is unreachable, and the failure stays on this machine.</summary>
    public static string Unreachable(TempFolder folder, out string url)
    {
        url = $"http://127.0.0.1:{FreePort()}";
        return WriteKubeconfig(folder, url);
    }

    private static string WriteKubeconfig(TempFolder folder, string url)
    {
        folder.Write("kubeconfig", $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: fake
                cluster:
                  server: {url}
            contexts:
              - name: fake
                context: {"{"}cluster: fake, user: fake{"}"}
            current-context: fake
            users:
              - name: fake
                user:
                  token: {Token}
            """);
        return folder.File("kubeconfig");
    }

    private static IResponseBuilder Json(JsonNode body, int status) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString());

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
