namespace Bootstrap.Cli.Commands;

/// <summary>A bad argument (a stack name that is no name, an output folder plan did not write): exit 2, the message only.</summary>
internal sealed class UsageException(string message) : Exception(message);
