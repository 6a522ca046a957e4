using System.Buffers;
using System.Text;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Blueprint.Repository;

/// <summary>Reads an input file as text as Pulumi's YAML reader takes bytes (go-yaml v3 readerc.go): UTF-8, or UTF-16 with a
/// byte order mark; invalid UTF-8 is an error naming line and column, never replaced. Reads are bounded, so /dev/zero or a
/// runaway file cannot exhaust memory.</summary>
public static class FileText
{
    /// <summary>
    /// The largest input file read (4 MiB); Argo CD's repo server refuses a directory of manifests over 10 MB in all
    /// (argocd-repo-server --max-combined-directory-manifests-size, default 10M). Stack files are a few KiB.
    /// </summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The file's text, reading at most <paramref name="maxBytes"/> bytes (a device or pipe reports no size); problems
    /// come back as a <see cref="BlueprintException"/> naming <paramref name="shownAs"/>. Every file the tools read comes here.</summary>
    public static string Read(string fullPath, string shownAs, int maxBytes = MaxBytes)
    {
        byte[] bytes;
        try
        {
            bytes = ReadBounded(fullPath, maxBytes);
        }
        catch (InvalidDataException e)
        {
            throw Problem(shownAs, e.Message, $"pass the right file: input files of this kind are {Size(maxBytes)} at most");
        }

        return Decode(bytes, shownAs);
    }

    /// <summary>Decodes as go-yaml does: a UTF-16 byte order mark selects UTF-16, anything else must be valid UTF-8.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string shownAs)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            try
            {
                return new UnicodeEncoding(bigEndian: bytes[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]);
            }
            catch (DecoderFallbackException)
            {
                throw Problem(shownAs, "is not valid UTF-16 (it starts with a UTF-16 byte order mark)", "save it as UTF-8");
            }
        }

        var body = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes[3..] : bytes;
        var chars = new char[body.Length];
        if (System.Text.Unicode.Utf8.ToUtf16(body, chars, out var read, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            var (line, column) = Position(body[..read]);
            throw Problem($"{shownAs}:{line}:{column}", $"byte 0x{body[read]:X2} is not valid UTF-8",
                "save the file as UTF-8; go-yaml (Pulumi's YAML reader) refuses it too");
        }

        return new string(chars, 0, written);
    }

    private static string Size(int bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024 / 1024} MiB" : $"{bytes / 1024} KiB";

    private static byte[] ReadBounded(string path, int maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new InvalidDataException($"is larger than {Size(maxBytes)}");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>Line and column (1-based, counted in characters) just after <paramref name="before"/>, which is valid UTF-8.</summary>
    private static (int Line, int Column) Position(ReadOnlySpan<byte> before)
    {
        var lastBreak = before.LastIndexOf((byte)'\n');
        var line = before.Count((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(before[(lastBreak + 1)..]) + 1);
    }

    private static BlueprintException Problem(string key, string problem, string fix) => new([FindingId.FileUnreadable.At(key, problem, fix)]);
}
