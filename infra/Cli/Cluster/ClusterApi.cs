using System.Net;
using System.Text.Json;
using Bootstrap.Blueprint.Diagnostics;
using k8s;
using k8s.Autorest;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Bootstrap.Cli.Cluster;

/// <summary>
/// Every read of the Kubernetes API goes through here: transient failures are retried (Polly), a 404 means "not there", and
/// anything else becomes one <see cref="ClusterAccessException"/> that names the server and the request, never a stack trace.
/// </summary>
internal sealed class ClusterApi : IDisposable
{
    private readonly ResiliencePipeline _pipeline;

    private readonly TimeSpan _attemptTimeout;

    public ClusterApi(KubernetesClientConfiguration config, int retries, TimeSpan attemptTimeout)
    {
        Server = Redaction.Url(config.Host); // the only form of the server any message shows
        _attemptTimeout = attemptTimeout;
        Client = new Kubernetes(config);
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TimeoutRejectedException>()
                    .Handle<HttpOperationException>(e => IsTransient(e.Response.StatusCode)),
                MaxRetryAttempts = retries,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = TimeSpan.FromSeconds(5),
            })
            .AddTimeout(attemptTimeout)
            .Build();
    }

    /// <summary>The server's URL with any user info redacted, as messages and manifest.json show it.</summary>
    public string Server { get; }

    public IKubernetes Client { get; }

    /// <summary>Reads something that may not exist: null when the API answers 404 (the object, or its CRD, is absent).</summary>
    public async Task<T?> Find<T>(string what, Func<IKubernetes, CancellationToken, Task<T>> read, CancellationToken cancel)
        where T : class
    {
        try
        {
            return await _pipeline.ExecuteAsync(async token => await read(Client, token).ConfigureAwait(false), cancel).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception e) when (Describe(e, what) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Reads something that must exist (core API lists); a 404 is a failure like any other.</summary>
    public async Task<T> Read<T>(string what, Func<IKubernetes, CancellationToken, Task<T>> read, CancellationToken cancel)
        where T : class =>
        await Find(what, read, cancel).ConfigureAwait(false)
        ?? throw new ClusterAccessException($"the Kubernetes API at {Server} has no {what} (404)", transient: false);

    public void Dispose() => Client.Dispose();

    private static bool IsTransient(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    private ClusterAccessException? Describe(Exception e, string what) => e switch
    {
        HttpRequestException http => new($"cannot reach the Kubernetes API at {Server}: {http.Message}", transient: true),
        TimeoutRejectedException =>
            new($"the Kubernetes API at {Server} did not answer {what} within {_attemptTimeout.TotalSeconds:0}s", transient: true),
        HttpOperationException { Response.StatusCode: HttpStatusCode.Unauthorized } =>
            new($"the Kubernetes API at {Server} refused the kubeconfig's credentials (401 Unauthorized); {Kubeconfig.Hint}", transient: false),
        HttpOperationException { Response.StatusCode: HttpStatusCode.Forbidden } =>
            new(
                $"the Kubernetes API at {Server} forbids this kubeconfig's user to {what} (403 Forbidden); "
                + "use a kubeconfig with cluster-wide read access",
                transient: false),
        HttpOperationException op =>
            new(
                $"the Kubernetes API at {Server} answered {(int)op.Response.StatusCode} {op.Response.ReasonPhrase} to {what}",
                IsTransient(op.Response.StatusCode)),
        JsonException json =>
            new(
                $"the server at {Server} answered {what} with something that is not Kubernetes JSON ({json.Message.Split('.')[0]}); "
                + "is the kubeconfig's server a Kubernetes API?",
                transient: false),
        _ => null,
    };
}
