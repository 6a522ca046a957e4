using System.Runtime.CompilerServices;

namespace Bootstrap.Blueprint.Tests.Support;

/// <summary>
/// No test may reach a host but 127.0.0.1: lint fetches the pinned schemas it lacks, so every lint the tests run in this process
/// (or start from it) runs offline unless a test hands the fetching code a local server itself.
/// </summary>
internal static class OfflineByDefault
{
    [ModuleInitializer]
    internal static void Set() => Environment.SetEnvironmentVariable("BOOTSTRAP_OFFLINE", "1");
}
