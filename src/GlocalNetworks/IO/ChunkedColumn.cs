using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace GlocalNetworks.IO;

/// <summary>
/// An append-only column in fixed blocks of <see cref="BlockRows"/> rows, so that growing never copies (or doubles)
/// what is already stored: capacity grows by one block at a time and at most one block is partly empty. The first block
/// starts at 256 rows and doubles up to a full block, so small inputs stay small.
/// </summary>
/// <remarks>A column that has only ever received its <c>fill</c> value allocates nothing (its rows read as the fill):
/// optional columns such as end years cost no memory until a row carries one.</remarks>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class ChunkedColumn<T>
    where T : struct
{
    /// <summary>log2 of <see cref="BlockRows"/>.</summary>
    public const int Shift = 16;

    /// <summary>Rows per block: 65,536.</summary>
    public const int BlockRows = 1 << Shift;

    private const int Mask = BlockRows - 1;
    private const int FirstCapacity = 256;

    private readonly T _fill;
    private List<T[]>? _blocks;

    /// <summary>Creates an empty column whose unset rows read as <paramref name="fill"/>.</summary>
    public ChunkedColumn(T fill) => _fill = fill;

    /// <summary>The number of rows.</summary>
    public int Count { get; private set; }

    /// <summary>Whether any block is allocated (some row differs from the fill).</summary>
    public bool Materialised => _blocks is not null;

    /// <summary>The bytes held by the blocks.</summary>
    public long AllocatedBytes
    {
        get
        {
            if (_blocks is null)
            {
                return 0;
            }

            long b = 0;
            foreach (var a in _blocks)
            {
                b += a.Length;
            }

            return b * MemoryMarshal.AsBytes(new T[1].AsSpan()).Length;
        }
    }

    /// <summary>The value at row <paramref name="row"/>.</summary>
    public T this[int row] => _blocks is null ? _fill : _blocks[row >> Shift][row & Mask];

    /// <summary>The blocks (row r is <c>blocks[r &gt;&gt; Shift][r &amp; (BlockRows - 1)]</c>), or <see langword="null"/> when
    /// every row is the fill.</summary>
    public T[][]? Blocks() => _blocks?.ToArray();

    /// <summary>Appends one row.</summary>
    public void Add(T value)
    {
        if (_blocks is null)
        {
            if (EqualityComparer<T>.Default.Equals(value, _fill))
            {
                Count = checked(Count + 1);
                return;
            }

            Materialise();
        }

        var row = Count;
        EnsureRow(row);
        _blocks![row >> Shift][row & Mask] = value;
        Count = checked(row + 1);
    }

    /// <summary>Writes the rows in their order into <paramref name="destination"/>[i] = row <c>order[i]</c>, then frees the blocks.</summary>
    public void GatherAndRelease(ReadOnlySpan<int> order, Span<T> destination)
    {
        if (_blocks is null)
        {
            destination.Fill(_fill);
        }
        else
        {
            var blocks = _blocks.ToArray();
            destination = destination[..order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                var r = order[i];
                destination[i] = blocks[r >> Shift][r & Mask];
            }
        }

        _blocks = null;
        Count = 0;
    }

    private void Materialise()
    {
        _blocks = [];
        for (var r = 0; r < Count; r += BlockRows)
        {
            var block = new T[BlockRows];
            block.AsSpan().Fill(_fill);
            _blocks.Add(block);
        }

        if (_blocks.Count == 1 && Count < BlockRows)
        {
            // Keep a partly used first block no larger than needed.
            var small = new T[Math.Max(FirstCapacity, Count)];
            small.AsSpan().Fill(_fill);
            _blocks[0] = small;
        }
    }

    private void EnsureRow(int row)
    {
        var b = row >> Shift;
        if (b < _blocks!.Count)
        {
            var block = _blocks[b];
            var within = row & Mask;
            if (within < block.Length)
            {
                return;
            }

            // Only the first block is ever smaller than a full block: double it.
            var grown = new T[Math.Min(BlockRows, block.Length * 2)];
            block.CopyTo(grown, 0);
            _blocks[b] = grown;
            return;
        }

        // Rows are appended in order, so a fresh block needs no fill.
        _blocks.Add(new T[b == 0 ? FirstCapacity : BlockRows]);
    }
}
