namespace Bootstrap.Cli.Cluster;

/// <summary>The API could not be read: unreachable, too slow, or refusing. The message names the server and what was asked.</summary>
internal sealed class ClusterAccessException(string message, bool transient) : Exception(message)
{
    /// <summary>Worth asking again (network, timeout, 5xx, 429); a refusal (401, 403) will not fix itself.</summary>
    public bool Transient { get; } = transient;
}
