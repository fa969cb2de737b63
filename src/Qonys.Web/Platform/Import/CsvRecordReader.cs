using System.Text;

namespace Qonys.Web.Platform.Import;

/// <summary>One record of a CSV file: its fields, its raw text, the line it starts on and the byte just after it (no fields when not UTF-8).</summary>
internal sealed record CsvRecord(IReadOnlyList<string> Fields, string Text, long Line, long EndOffset, bool Undecodable = false);

/// <summary>
/// Reads an RFC 4180 file record by record from a byte offset, knowing the byte offset after each record, so an import can
/// stop after any record and start again there. It holds one buffer, never the file: a record ends at a line feed outside
/// quotes (the line feed and the quote are single bytes in UTF-8 and never part of a longer character). A record that is not
/// valid UTF-8 comes with null fields.
/// </summary>
internal sealed class CsvRecordReader
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    readonly Stream _stream;
    byte[] _buffer = new byte[1 << 20];
    int _start, _end;
    bool _eof;
    long _offset;
    long _line;

    /// <summary>Reads from <paramref name="offset"/> (the start of a record), counting lines after <paramref name="line"/>.</summary>
    public CsvRecordReader(Stream stream, long offset, long line)
    {
        _stream = stream;
        _stream.Seek(offset, SeekOrigin.Begin);
        _offset = offset;
        _line = line;
    }

    /// <summary>The byte just after the last record read.</summary>
    public long Offset => _offset;

    /// <summary>The last line of the last record read (1 = the first line of the file).</summary>
    public long Line => _line;

    /// <summary>The next record, or null at the end of the file; an empty line is a record with one empty field.</summary>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken ct)
    {
        var scanned = 0; // bytes of the current record already scanned
        var inQuotes = false;
        var breaks = 0; // line feeds inside quotes
        while (true)
        {
            var span = _buffer.AsSpan(_start + scanned, _end - _start - scanned);
            var i = 0;
            while (i < span.Length)
            {
                var next = span[i..].IndexOfAny((byte)'"', (byte)'\n');
                if (next < 0) { i = span.Length; break; }
                i += next;
                if (span[i] == (byte)'"') { inQuotes = !inQuotes; i++; continue; }
                if (inQuotes) { breaks++; i++; continue; }
                return Take(scanned + i, scanned + i + 1, breaks);
            }
            scanned += span.Length;
            if (_eof) return scanned == 0 ? null : Take(scanned, scanned, breaks);
            await FillAsync(ct);
        }
    }

    CsvRecord Take(int length, int consumed, int breaks)
    {
        var bytes = _buffer.AsSpan(_start, length);
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
        if (_offset == 0 && bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        var line = _line + 1;
        _line += 1 + breaks;
        _start += consumed;
        _offset += consumed;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return new CsvRecord([], Encoding.UTF8.GetString(bytes), line, _offset, Undecodable: true);
        }
        return new CsvRecord(Split(text), text, line, _offset);
    }

    async ValueTask FillAsync(CancellationToken ct)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2); // a record longer than the buffer
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), ct);
        if (read == 0) _eof = true;
        _end += read;
    }

    /// <summary>The fields of one record: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    internal static List<string> Split(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var quoted = false; // the current field has a quoted part: it is built in `field`
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else inQuotes = false;
            }
            else if (c == '"')
            {
                if (!quoted) field.Append(text, start, i - start);
                inQuotes = quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(quoted ? field.ToString() : text[start..i]);
                field.Clear();
                quoted = false;
                start = i + 1;
            }
            else if (quoted) field.Append(c);
        }
        fields.Add(quoted ? field.ToString() : text[start..]);
        return fields;
    }
}
