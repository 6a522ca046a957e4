using Bootstrap.Blueprint.Tests.Support;

namespace Bootstrap.Blueprint.Tests.Environments;

/// <summary>new-env run on a repository copy: the lab it is asked for, that request varied, and the files before and after.</summary>
public abstract class NewEnvSession : CliSession
{
    protected static readonly string[] Lab =
    [
        "new-env", "lab", "--from", "dev", "--cidr", "192.168.60.0/24", "--gateway", "192.168.60.1", "--vip", "192.168.60.60",
        "--pool", "192.168.60.70-192.168.60.89", "--hosts", "pve1,pve2,pve3", "--vlan", "60",
    ];

    protected static Tools.Environments.NewEnvironmentRequest Request() =>
        new("lab", "dev", "192.168.60.0/24", "192.168.60.1", "192.168.60.60", "192.168.60.70-192.168.60.89", ["pve1", "pve2", "pve3"], Vlan: 60);

    protected static string[] Args((string From, string To) change) => Lab.Select(a => a == change.From ? change.To : a).ToArray();

    protected SortedDictionary<string, string> Snapshot() =>
        new(Directory.GetFiles(Repository.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Repository.Path, f).Replace('\\', '/'), File.ReadAllText), StringComparer.Ordinal);
}
