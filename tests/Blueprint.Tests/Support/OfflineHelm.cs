using System.Runtime.CompilerServices;

namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>
/// Keeps every helm the tests start on loopback: lint --render pulls a chart missing from --charts (app-template is not
/// obtainable offline), and helm sends its requests through HTTPS_PROXY/HTTP_PROXY (Go net/http ProxyFromEnvironment), here a
/// closed loopback port, so the pull fails at once and nothing leaves the machine.
/// </summary>
internal static class OfflineHelm
{
    public const string Proxy = "http://127.0.0.1:9";

    [ModuleInitializer]
    internal static void KeepHelmOnLoopback()
    {
        foreach (var variable in new[] { "HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy" })
        {
            Environment.SetEnvironmentVariable(variable, Proxy);
        }

        // Servers the tests start on loopback (fake Kubernetes API, chart repositories) stay reachable directly.
        Environment.SetEnvironmentVariable("NO_PROXY", "127.0.0.1,localhost,::1");
        Environment.SetEnvironmentVariable("no_proxy", "127.0.0.1,localhost,::1");
    }
}
