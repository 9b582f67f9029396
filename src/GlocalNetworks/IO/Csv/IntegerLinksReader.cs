using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.Csv;

/// <summary>
/// The fast path of <see cref="CsvLoadSession.ReadLinks"/> for the commonest large input: a links file with exactly the two
/// columns source and target (in either order), every row two canonical integer ids (digits only, no leading zero, below
/// <see cref="InnovatorResolver.NumericLimit"/>) and nothing else, no self-loop. It scans the UTF-8 bytes (no decoding, no
/// Sep, no delegate per row, no hashing), in fixed chunks parsed in parallel, then resolves the ids in file order through
/// the resolver's dense integer table.
/// </summary>
/// <remarks>
/// <para>Nothing is changed until the whole file has been checked: at the first byte outside this shape (quotes, spaces,
/// another column, an empty line, a sign, a leading zero, a non-ASCII byte, a self-loop, an id unknown to a fixed
/// innovator table) the reader gives up and the caller reads the file again with the general path, which raises or records
/// exactly the errors it always has (same file, line, column, value and wording). So this reader reports no error itself
/// and needs no line numbers. When it succeeds it leaves the resolver, the link columns and the report exactly as the
/// general path would: ids indexed in order of first appearance (source before target), links in file order with weight 1,
/// the default kind, no years and the configured direction, and the same counts.</para>
/// <para>The bytes are read in blocks of <see cref="BlockSize"/> (whole lines); a block is cut at line ends into chunks of
/// at least <see cref="ChunkSize"/> bytes. The cuts depend on the data and these constants only, never on the number of
/// cores; each chunk's rows go to their own range of the columns (rows counted first), so the result is the same for any
/// number of threads. Ids are resolved afterwards in one sequential pass, in file order.</para>
/// </remarks>
internal static class IntegerLinksReader
{
    /// <summary>The smallest chunk parsed by one task.</summary>
    internal const int ChunkSize = 1 << 20;

    /// <summary>The bytes held in memory at once (plus the columns).</summary>
    internal const int BlockSize = 16 << 20;

    private const int MaxHeaderLength = 1024;

    /// <summary>Reads the links if the input has the simple shape; otherwise returns <see langword="false"/> and changes nothing.</summary>
    /// <param name="input">The links CSV.</param>
    /// <param name="session">The load session (schema, options, report).</param>
    /// <param name="resolver">The innovator resolver.</param>
    /// <param name="cols">The link columns to append to.</param>
    /// <returns>Whether the links were read.</returns>
    /// <remarks>Parses on at most the session's <see cref="LoadOptions.MaxDegreeOfParallelism"/> threads.</remarks>
    public static bool TryRead(CsvInput input, CsvLoadSession session, InnovatorResolver resolver, LinkColumnsBuilder cols) =>
        TryRead(input, session, resolver, cols, ChunkSize, BlockSize, session.Options.MaxDegreeOfParallelism);

    /// <summary>As <see cref="TryRead(CsvInput, CsvLoadSession, InnovatorResolver, LinkColumnsBuilder)"/> with other chunk
    /// and block sizes and at most <paramref name="maxThreads"/> threads (-1: no limit), for tests.</summary>
    internal static bool TryRead(CsvInput input, CsvLoadSession session, InnovatorResolver resolver, LinkColumnsBuilder cols,
        int chunkSize, int blockSize, int maxThreads)
    {
        var sep = session.Schema.Separator;
        if (sep >= 0x80 || sep is '\r' or '\n' or '"' || (uint)(sep - '0') <= 9 || cols.Count != 0)
        {
            return false;
        }

        var bytes = input.OpenBytes;
        var parser = new Parser((byte)sep, chunkSize, maxThreads);
        using (var stream = bytes is null ? TextAsUtf8(input) : bytes())
        {
            if (!parser.TryParse(stream, bomAllowed: bytes is not null, blockSize, session.Schema))
            {
                return false;
            }
        }

        var count = parser.Count;
        if (count > 0)
        {
            if (!resolver.TryResolveCanonical(parser.Sources.AsSpan(0, count), parser.Targets.AsSpan(0, count)))
            {
                return false; // an id a fixed innovator table does not know: nothing was added
            }

            cols.AddPlain(parser.Sources, parser.Targets, count, session.Options.DefaultLinkKind, session.Options.Directed);
        }

        session.Report.Count(input.Name + " rows", count);
        session.Report.Count("links loaded", count);
        return true;
    }

    /// <summary>The text of an input without raw bytes, as UTF-8 (no BOM is added or skipped: the text is taken as read).</summary>
    private static MemoryStream TextAsUtf8(CsvInput input)
    {
        using var text = input.Open();
        return new MemoryStream(new UTF8Encoding(false).GetBytes(text.ReadToEnd()), writable: false);
    }

    /// <summary>Whether <paramref name="line"/> (the header, without its line end) names exactly the source and target
    /// columns (case-insensitive, trimmed), and in which order.</summary>
    private static bool TryHeader(string line, CsvSchema schema, out bool sourceFirst)
    {
        sourceFirst = true;
        var cut = line.IndexOf(schema.Separator);
        if (cut < 0 || line.IndexOf(schema.Separator, cut + 1) >= 0 || line.Contains('\r'))
        {
            return false;
        }

        var a = line[..cut].Trim();
        var b = line[(cut + 1)..].Trim();
        var c = schema.Links;
        if (string.Equals(a, c.Source, StringComparison.OrdinalIgnoreCase) && string.Equals(b, c.Target, StringComparison.OrdinalIgnoreCase))
        {
            sourceFirst = true;
        }
        else if (string.Equals(a, c.Target, StringComparison.OrdinalIgnoreCase) && string.Equals(b, c.Source, StringComparison.OrdinalIgnoreCase))
        {
            sourceFirst = false;
        }
        else
        {
            return false;
        }

        return !string.Equals(c.Source, c.Target, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads rows into growing source and target value columns, block by block.</summary>
    private sealed class Parser(byte sep, int chunkSize, int maxThreads)
    {
        private bool _sourceFirst;

        public int[] Sources { get; private set; } = [];

        public int[] Targets { get; private set; } = [];

        public int Count { get; private set; }

        public bool TryParse(Stream stream, bool bomAllowed, int blockSize, CsvSchema schema)
        {
            var size = blockSize;
            if (stream.CanSeek)
            {
                size = (int)Math.Min(blockSize, Math.Max(stream.Length - stream.Position, 0) + 1);
            }

            var buffer = GC.AllocateUninitializedArray<byte>(Math.Max(size, 4));
            var filled = Fill(stream, buffer, 0);
            var pos = bomAllowed && filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;

            // The header line: ASCII, no quotes, at most MaxHeaderLength characters before its line end.
            var headerEnd = buffer.AsSpan(pos, Math.Min(filled - pos, MaxHeaderLength + 2)).IndexOf((byte)'\n');
            if (headerEnd < 0)
            {
                return false; // no row, or a very long header: left to the general path
            }

            var header = buffer.AsSpan(pos, headerEnd);
            if (header.Length > 0 && header[^1] == (byte)'\r')
            {
                header = header[..^1];
            }

            if (header.Length > MaxHeaderLength || !Ascii.IsValid(header) || header.Contains((byte)'"')
                || !TryHeader(Encoding.ASCII.GetString(header), schema, out _sourceFirst))
            {
                return false;
            }

            pos += headerEnd + 1;
            var eof = filled < buffer.Length;
            while (true)
            {
                var end = filled;
                if (!eof)
                {
                    var last = buffer.AsSpan(pos, filled - pos).LastIndexOf((byte)'\n');
                    if (last < 0)
                    {
                        return false; // a line longer than a block
                    }

                    end = pos + last + 1;
                }

                if (!TryParseBlock(buffer, pos, end, eof))
                {
                    return false;
                }

                if (eof)
                {
                    return true;
                }

                var tail = filled - end;
                buffer.AsSpan(end, tail).CopyTo(buffer);
                filled = Fill(stream, buffer, tail);
                eof = filled < buffer.Length;
                pos = 0;
            }
        }

        private static int Fill(Stream stream, byte[] buffer, int from)
        {
            var filled = from;
            int n;
            while (filled < buffer.Length && (n = stream.Read(buffer, filled, buffer.Length - filled)) > 0)
            {
                filled += n;
            }

            return filled;
        }

        /// <summary>Parses the whole lines in [start, end) (the last may lack its line end when <paramref name="final"/>).</summary>
        private bool TryParseBlock(byte[] buffer, int start, int end, bool final)
        {
            if (start == end)
            {
                return true;
            }

            // Chunks: cut after the first line end at least chunkSize bytes past the previous cut.
            var cuts = new List<int> { start };
            for (var from = start + chunkSize; from < end;)
            {
                var nl = buffer.AsSpan(from, end - from).IndexOf((byte)'\n');
                if (nl < 0 || from + nl + 1 >= end)
                {
                    break;
                }

                cuts.Add(from + nl + 1);
                from += nl + 1 + chunkSize;
            }

            cuts.Add(end);
            var chunks = cuts.Count - 1;
            var first = new int[chunks + 1];
            first[0] = Count;
            for (var c = 0; c < chunks; c++)
            {
                long rows = buffer.AsSpan(cuts[c], cuts[c + 1] - cuts[c]).Count((byte)'\n');
                if (c == chunks - 1 && final && buffer[end - 1] != (byte)'\n')
                {
                    rows++; // a last row without a line end
                }

                if (first[c] + rows > Array.MaxLength)
                {
                    return false;
                }

                first[c + 1] = first[c] + (int)rows;
            }

            Reserve(first[chunks]);
            var src = Sources;
            var dst = Targets;
            if (chunks == 1 || maxThreads == 1)
            {
                for (var c = 0; c < chunks; c++)
                {
                    if (!TryParseChunk(buffer.AsSpan(cuts[c], cuts[c + 1] - cuts[c]), src.AsSpan(first[c], first[c + 1] - first[c]),
                        dst.AsSpan(first[c], first[c + 1] - first[c])))
                    {
                        return false;
                    }
                }
            }
            else
            {
                var failed = 0;
                Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxThreads }, (c, state) =>
                {
                    if (!TryParseChunk(buffer.AsSpan(cuts[c], cuts[c + 1] - cuts[c]), src.AsSpan(first[c], first[c + 1] - first[c]),
                        dst.AsSpan(first[c], first[c + 1] - first[c])))
                    {
                        Volatile.Write(ref failed, 1);
                        state.Stop();
                    }
                });
                if (failed != 0)
                {
                    return false;
                }
            }

            Count = first[chunks];
            return true;
        }

        /// <summary>Makes room for <paramref name="rows"/> rows: exactly that many the first time (a file of one block
        /// then needs no copy), at least double afterwards.</summary>
        private void Reserve(int rows)
        {
            if (rows <= Sources.Length)
            {
                return;
            }

            var n = Sources.Length == 0 ? rows : (int)Math.Min(Array.MaxLength, Math.Max(rows, 2L * Sources.Length));
            var src = GC.AllocateUninitializedArray<int>(n);
            var dst = GC.AllocateUninitializedArray<int>(n);
            Sources.AsSpan(0, Count).CopyTo(src);
            Targets.AsSpan(0, Count).CopyTo(dst);
            Sources = src;
            Targets = dst;
        }

        /// <summary>Parses the rows of one chunk (whole lines; only the file's last may lack its line end) into exactly
        /// <paramref name="src"/>.Length rows; false at the first deviation from the shape.</summary>
        private bool TryParseChunk(ReadOnlySpan<byte> text, Span<int> src, Span<int> dst)
        {
            var firstCol = _sourceFirst ? src : dst;
            var secondCol = _sourceFirst ? dst : src;

            // Row state: field (0 or 1), the value and digit count of the current field, whether it began with '0'.
            int field = 0, value = 0, digits = 0, first = 0, row = 0;
            var zero = false;
            var cr = false;
            foreach (var ch in text)
            {
                if (cr && ch != '\n')
                {
                    return false;
                }

                var d = ch - '0';
                if ((uint)d <= 9)
                {
                    if (zero || digits == 8)
                    {
                        return false; // a leading zero, or too long for the dense table
                    }

                    zero = digits == 0 && d == 0;
                    value = (value * 10) + d;
                    digits++;
                }
                else if (ch == sep)
                {
                    if (field != 0 || digits == 0)
                    {
                        return false;
                    }

                    first = value;
                    field = 1;
                    value = digits = 0;
                    zero = false;
                }
                else if (ch == '\r')
                {
                    cr = true;
                }
                else if (ch == '\n')
                {
                    if (field != 1 || digits == 0 || !Valid(first, value) || row == src.Length)
                    {
                        return false;
                    }

                    firstCol[row] = first;
                    secondCol[row] = value;
                    row++;
                    field = value = digits = 0;
                    zero = cr = false;
                }
                else
                {
                    return false;
                }
            }

            if (cr)
            {
                return false;
            }

            // A last row without a line end.
            if (field == 1 && digits > 0 && Valid(first, value) && row < src.Length)
            {
                firstCol[row] = first;
                secondCol[row] = value;
                row++;
            }
            else if (field != 0 || digits != 0)
            {
                return false;
            }

            return row == src.Length;
        }

        /// <summary>Not a self-loop (the general path reports it), and both ids fit the dense table.</summary>
        private static bool Valid(int a, int b) =>
            a != b && a < InnovatorResolver.NumericLimit && b < InnovatorResolver.NumericLimit;
    }
}
