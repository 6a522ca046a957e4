using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Tools.Backup;

/// <summary>A file of a backup as written: its name in the backup folder and its bytes.</summary>
public sealed record BackupFile(string Name, long Size, string Sha256)
{
    public static BackupFile Of(string name, byte[] content) => new(name, content.LongLength, Convert.ToHexStringLower(SHA256.HashData(content)));

    public static BackupFile Of(string name, Stream content) => new(name, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
}

/// <summary>manifest.json: what the backup holds, so a restore (or a vault audit) can tell a file is complete and unchanged.</summary>
public static class BackupManifest
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(string stack, string server, DateTimeOffset created, IEnumerable<BackupFile> files) =>
        new JsonObject
        {
            ["stack"] = stack,
            ["server"] = Redaction.Url(server), // the kubeconfig's URL may carry user:password@
            ["created"] = created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["files"] = new JsonArray(files
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => (JsonNode)new JsonObject { ["path"] = f.Name, ["sha256"] = f.Sha256, ["size"] = f.Size })
                .ToArray()),
        }.ToJsonString(Indented) + "\n";
}
