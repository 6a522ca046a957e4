using System.Text.RegularExpressions;
using Bootstrap.Cli;

namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>
/// The CLI run in-process against a throwaway copy of the repository (made when first used), with its output captured.
/// Every test that runs the CLI goes through this class.
/// </summary>
public abstract partial class CliSession : IDisposable
{
    private readonly Lazy<RepoCopy> _repository = new(() => new RepoCopy());

    internal RepoCopy Repository => _repository.Value;

    protected StringWriter Out { get; } = new();

    protected StringWriter Err { get; } = new();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _repository.IsValueCreated)
        {
            _repository.Value.Dispose();
        }
    }

    /// <summary>Runs the CLI on the repository copy.</summary>
    protected int Run(params string[] args) => RunIn(Repository.Path, args);

    /// <summary>Runs the CLI with another --root (a folder that is not the copy, or none at all).</summary>
    protected int RunIn(string root, params string[] args) => CliApp.Run([.. args, "--root", root], Out, Err);

    /// <summary>Runs the CLI on the repository copy with <paramref name="stdin"/> as its standard input (a pipe).</summary>
    protected int RunWithInput(string stdin, params string[] args) =>
        CliApp.Run([.. args, "--root", Repository.Path], Out, Err, new StringReader(stdin));

    /// <summary>Forgets the output so far, for a test that runs the CLI more than once.</summary>
    protected void ClearOutput()
    {
        Out.GetStringBuilder().Clear();
        Err.GetStringBuilder().Clear();
    }

    /// <summary>
    /// Fails unless stdout and stderr are exactly Golden/cli/<paramref name="name"/>.stdout and .stderr. Only what differs
    /// between machines and runs is normalised (<see cref="Normalised"/>); everything else a user reads is pinned.
    /// </summary>
    protected void AssertGolden(string name)
    {
        Golden.Match($"cli/{name}.stdout", Normalised(Out.ToString()));
        Golden.Match($"cli/{name}.stderr", Normalised(Err.ToString()));
    }

    /// <summary>
    /// Normalised, and why: the repository copy's path (a fresh temp folder, printed relative to the current folder, which
    /// is wherever the test runner started) becomes &lt;repo&gt;; the fake cluster's port (a free port picked per test)
    /// becomes &lt;port&gt;; verify's elapsed clock ([mm:ss], (mm:ss)) becomes mm:ss, as it depends on the machine's speed;
    /// line endings become \n (WriteLine writes the platform's newline). Nothing else.
    /// </summary>
    private string Normalised(string text)
    {
        var repository = Repository.Path;
        // The relative path first: the absolute one may be its tail (../../tmp/x ends in /tmp/x).
        text = text.ReplaceLineEndings("\n")
            .Replace(Path.GetRelativePath(Directory.GetCurrentDirectory(), repository), "<repo>", StringComparison.Ordinal)
            .Replace(repository, "<repo>", StringComparison.Ordinal);
        text = LoopbackPort().Replace(text, "127.0.0.1:<port>");
        return Clock().Replace(text, m => $"{m.Groups[1].Value}mm:ss{m.Groups[2].Value}");
    }

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex LoopbackPort();

    [GeneratedRegex(@"([\[(])\d\d:\d\d([\])])")]
    private static partial Regex Clock();
}
