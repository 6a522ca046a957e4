using System.Runtime.Versioning;
using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Cli;

/// <summary>
/// What a careless or hostile user can hand the CLI: it never deletes or overwrites what it did not write, never reads
/// outside the repository, and answers every input with exit 1 or 2 and a bounded message naming the key or argument.
/// The tests, one class per kind of input, share a folder outside the repository.
/// </summary>
[UnsupportedOSPlatform("windows")]
public abstract class HostileInputSession : CliSession
{
    private protected readonly TempFolder _elsewhere = new();

    private protected string Elsewhere(string name) => _elsewhere.File(name);

    private protected string OutDev => Repository.File("out/dev");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _elsewhere.Dispose();
        }

        base.Dispose(disposing);
    }
}
