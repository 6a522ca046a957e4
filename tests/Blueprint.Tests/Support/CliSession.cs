using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>The CLI run in-process against a throwaway copy of the repository, with its output captured.</summary>
public abstract class CliSession : IDisposable
{
    internal TempFolder Repository { get; } = TempFolder.RepoCopy();

    protected StringWriter Out { get; } = new();

    protected StringWriter Err { get; } = new();

    public void Dispose()
    {
        Repository.Dispose();
        GC.SuppressFinalize(this);
    }

    protected int Run(params string[] args) => CliApp.Run([.. args, "--root", Repository.Path], Out, Err);
}
