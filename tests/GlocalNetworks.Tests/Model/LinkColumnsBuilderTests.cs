using System;
using FsCheck.Xunit;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Model;

/// <summary>Plain links handed over with <c>AddPlain</c> sort into exactly the columns that the same links added one by one give.</summary>
public sealed class LinkColumnsBuilderTests
{
    /// <summary>Random pairs without self-loops: shape 0 unsorted, 1 sorted by target only, 2 sorted by (source, target).</summary>
    private static (int[] S, int[] T, int N) RandomPairs(int seed, int shape)
    {
        var r = new SplitMix((ulong)(uint)seed);
        var n = 2 + r.Next(30);
        var m = 1 + r.Next(4 * n);
        var s = new int[m];
        var t = new int[m];
        for (var i = 0; i < m; i++)
        {
            s[i] = r.Next(n);
            t[i] = (s[i] + 1 + r.Next(n - 1)) % n;
        }

        if (shape == 1)
        {
            Array.Sort(t, s);
        }
        else if (shape == 2)
        {
            var keys = new long[m];
            for (var i = 0; i < m; i++)
            {
                keys[i] = ((long)s[i] * n) + t[i];
            }

            Array.Sort(keys);
            for (var i = 0; i < m; i++)
            {
                s[i] = (int)(keys[i] / n);
                t[i] = (int)(keys[i] % n);
            }
        }

        return (s, t, n);
    }

    private static LinkColumns OneByOne(int[] s, int[] t, int n, LinkKind kind, bool directed)
    {
        var b = new LinkColumnsBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            b.Add(s[i], t[i], 1.0, kind, null, null, null, directed);
        }

        return b.ToSortedColumns(n);
    }

    private static void AssertSame(LinkColumns a, LinkColumns b)
    {
        Assert.Equal(a.Source, b.Source);
        Assert.Equal(a.Target, b.Target);
        Assert.Equal(a.Weight, b.Weight);
        Assert.Equal(a.Kind, b.Kind);
        Assert.Equal(a.Year, b.Year);
        Assert.Equal(a.EndYear, b.EndYear);
        Assert.Equal(a.Date, b.Date);
        Assert.Equal(a.Directed, b.Directed);
    }

    [Property(MaxTest = 200)]
    public void AddPlain_AnyOrder_SameSortedColumnsAsAdd(int seed, bool directed)
    {
        for (var shape = 0; shape < 3; shape++)
        {
            var (s, t, n) = RandomPairs(seed, shape);
            var expected = OneByOne(s, t, n, LinkKind.Citation, directed);
            var b = new LinkColumnsBuilder();

            // Longer arrays than the count: only the first links are taken.
            b.AddPlain([.. s, 0, 1], [.. t, 1, 0], s.Length, LinkKind.Citation, directed);
            Assert.Equal(s.Length, b.Count);
            AssertSame(expected, b.ToSortedColumns(n));
        }
    }

    [Fact]
    public void Add_AfterAddPlain_StoresThePlainLinksFirst()
    {
        var b = new LinkColumnsBuilder();
        b.AddPlain([2, 0], [1, 1], 2, LinkKind.Other, false);
        b.Add(0, 2, 3.5, LinkKind.Alliance, 2001, null, null, true);
        var c = b.ToSortedColumns(3);
        Assert.Equal([0, 2, 0], c.Source);
        Assert.Equal([1, 1, 2], c.Target);
        Assert.Equal([1.0, 1.0, 3.5], c.Weight);
        Assert.Equal([LinkKind.Other, LinkKind.Other, LinkKind.Alliance], c.Kind);
        Assert.Equal([LinkTable.NoYear, LinkTable.NoYear, 2001], c.Year);
        Assert.Equal([false, false, true], c.Directed);
    }

    [Fact]
    public void Add_AfterAddPlainWithSpareCapacity_UsesTheSpareRowsOfEveryColumn()
    {
        // Source column longer than the count, target column exactly as long: the next Add lands in the spare row.
        var b = new LinkColumnsBuilder();
        b.AddPlain([2, 0, 9, 9], [1, 1], 2, LinkKind.Other, false);
        b.Add(0, 2, 3.5, LinkKind.Alliance, 2001, null, null, true);
        b.Add(1, 2, 2.0, LinkKind.Alliance, 2001, null, null, true);
        var c = b.ToSortedColumns(3);
        Assert.Equal([0, 2, 0, 1], c.Source);
        Assert.Equal([1, 1, 2, 2], c.Target);
        Assert.Equal([1.0, 1.0, 3.5, 2.0], c.Weight);
    }

    [Fact]
    public void ToSortedColumns_Twice_Throws()
    {
        var b = new LinkColumnsBuilder();
        b.AddPlain([0], [1], 1, LinkKind.Other, false);
        b.ToSortedColumns(2);
        Assert.Throws<InvalidOperationException>(() => b.ToSortedColumns(2));
        Assert.Throws<InvalidOperationException>(() => b.Add(0, 1, 1.0, LinkKind.Other, null, null, null, false));
    }
}
