using System.Text;
using Bootstrap.Blueprint.Diagnostics;

namespace Bootstrap.Cli.Output;

/// <summary>Standard output and error for every command: each line passes <see cref="Redaction.Text"/> and PEM private key
/// blocks are dropped whole, so a credential reaching a message by any path (exception, kubeconfig URL, plugin output) is
/// never shown.</summary>
internal sealed class RedactingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    private bool _inKey;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            inner.Write(Redact(_line.ToString()));
            inner.Write('\n');
            _line.Clear();
        }
        else
        {
            _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        for (var i = index; i < index + count; i++)
        {
            Write(buffer[i]);
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    /// <summary>Writes a partial last line too (a prompt, a progress dot); called when the command ends.</summary>
    public override void Flush()
    {
        if (_line.Length > 0)
        {
            inner.Write(Redact(_line.ToString()));
            _line.Clear();
        }

        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private string Redact(string line)
    {
        if (_inKey)
        {
            _inKey = !line.Contains("-----END", StringComparison.Ordinal);
            return _inKey || !line.Contains("PRIVATE KEY", StringComparison.Ordinal) ? Redaction.Mark : line.Trim();
        }

        if (line.Contains("-----BEGIN", StringComparison.Ordinal) && line.Contains("PRIVATE KEY-----", StringComparison.Ordinal)
            && !line.Contains("-----END", StringComparison.Ordinal))
        {
            _inKey = true;
        }

        return Redaction.Text(line);
    }
}
