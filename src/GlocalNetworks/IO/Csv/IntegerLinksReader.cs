using System;
using System.Buffers;
using System.IO;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.Csv;

/// <summary>
/// The fast path of <see cref="CsvLoadSession.ReadLinks"/> for the commonest large input: a links file with exactly the two
/// columns source and target (in either order), every row two canonical integer ids (digits only, no leading zero, below
/// <see cref="InnovatorResolver.NumericLimit"/>) and nothing else, no self-loop. It scans the characters once, without Sep,
/// without a delegate per row and without hashing, then resolves the ids through the resolver's dense integer table.
/// </summary>
/// <remarks>
/// <para>Nothing is changed until the whole file has been checked: at the first character outside this shape (quotes,
/// spaces, another column, an empty line, a sign, a leading zero, a self-loop, an id unknown to a fixed innovator table)
/// the reader gives up and the caller reads the file again with the general path, which raises or records exactly the
/// errors it always has (same file, line, column, value and wording). When it succeeds it leaves the resolver, the link
/// columns and the report exactly as the general path would: ids indexed in order of first appearance (source before
/// target), links in file order with weight 1, the default kind, no years and the configured direction, and the same
/// counts.</para>
/// </remarks>
internal static class IntegerLinksReader
{
    private const int BlockSize = 1 << 16;

    /// <summary>Reads the links if the input has the simple shape; otherwise returns <see langword="false"/> and changes nothing.</summary>
    /// <param name="input">The links CSV.</param>
    /// <param name="session">The load session (schema, options, report).</param>
    /// <param name="resolver">The innovator resolver.</param>
    /// <param name="cols">The link columns to append to.</param>
    /// <returns>Whether the links were read.</returns>
    public static bool TryRead(CsvInput input, CsvLoadSession session, InnovatorResolver resolver, LinkColumnsBuilder cols)
    {
        // A plain array, not a pooled one: the shared pool would keep a buffer of 8 bytes per link alive after the load.
        var pairs = new int[1 << 16];
        int count;
        using (var text = input.Open())
        {
            if (!TryParse(text, session.Schema, ref pairs, out count))
            {
                return false;
            }
        }

        // Fixed innovator table: every id must be known (read-only lookups, so giving up leaves no trace).
        if (!resolver.Inferred)
        {
            for (var k = 0; k < 2 * count; k++)
            {
                if (resolver.ResolveCanonical(pairs[k]) < 0)
                {
                    return false;
                }
            }
        }

        var kind = session.Options.DefaultLinkKind;
        var directed = session.Options.Directed;
        for (var r = 0; r < count; r++)
        {
            var a = resolver.ResolveCanonical(pairs[2 * r]);
            var b = resolver.ResolveCanonical(pairs[(2 * r) + 1]);
            cols.Add(a, b, 1.0, kind, null, null, null, directed);
        }

        session.Report.Count(input.Name + " rows", count);
        session.Report.Count("links loaded", count);
        return true;
    }

    /// <summary>Parses header and rows into (source, target) value pairs; false at the first deviation from the shape.</summary>
    private static bool TryParse(TextReader text, CsvSchema schema, ref int[] pairs, out int count)
    {
        count = 0;
        var sep = schema.Separator;
        var buffer = ArrayPool<char>.Shared.Rent(BlockSize);
        try
        {
            var read = text.Read(buffer, 0, BlockSize);
            var pos = 0;
            if (!TryHeader(text, buffer, ref read, ref pos, schema, out var sourceFirst))
            {
                return false;
            }

            // Row state: field (0 or 1), the value and digit count of the current field, whether it began with '0'.
            int field = 0, value = 0, digits = 0, first = 0;
            var zero = false;
            var cr = false;
            while (read > 0)
            {
                for (; pos < read; pos++)
                {
                    var ch = buffer[pos];
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
                        if (field != 1 || digits == 0 || !AddPair(ref pairs, ref count, first, value, sourceFirst))
                        {
                            return false;
                        }

                        field = value = digits = 0;
                        zero = cr = false;
                    }
                    else
                    {
                        return false;
                    }
                }

                read = text.Read(buffer, 0, BlockSize);
                pos = 0;
            }

            if (cr)
            {
                return false;
            }

            // A last row without a newline.
            if (field == 1 && digits > 0)
            {
                return AddPair(ref pairs, ref count, first, value, sourceFirst);
            }

            return field == 0 && digits == 0;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool AddPair(ref int[] pairs, ref int count, int a, int b, bool sourceFirst)
    {
        if (a == b || a >= InnovatorResolver.NumericLimit || b >= InnovatorResolver.NumericLimit)
        {
            return false; // a self-loop (reported by the general path), or an id the dense table does not hold
        }

        if (2 * (count + 1) > pairs.Length)
        {
            Array.Resize(ref pairs, checked(pairs.Length * 2));
        }

        pairs[2 * count] = sourceFirst ? a : b;
        pairs[(2 * count) + 1] = sourceFirst ? b : a;
        count++;
        return true;
    }

    /// <summary>Reads the header line: exactly the source and target column names (case-insensitive, trimmed, no quotes).</summary>
    private static bool TryHeader(TextReader text, char[] buffer, ref int read, ref int pos, CsvSchema schema, out bool sourceFirst)
    {
        sourceFirst = true;
        var header = new System.Text.StringBuilder();
        while (true)
        {
            if (pos == read)
            {
                read = text.Read(buffer, 0, BlockSize);
                pos = 0;
                if (read == 0)
                {
                    return false; // a file of one header line and no rows: rare, left to the general path
                }
            }

            var ch = buffer[pos++];
            if (ch == '\n')
            {
                break;
            }

            if (ch is '"' or '\uFEFF' || header.Length > 1024)
            {
                return false;
            }

            header.Append(ch);
        }

        var line = header.ToString();
        if (line.EndsWith('\r'))
        {
            line = line[..^1];
        }

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
}
