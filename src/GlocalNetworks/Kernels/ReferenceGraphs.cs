using System;
using System.Collections.Generic;
using System.Threading;

namespace GlocalNetworks.Kernels;

/// <summary>
/// A simple undirected graph whose degrees never change, for double-edge swaps: fixed CSR rows whose entries are rewritten
/// in place, each half-edge knowing its twin (the same edge seen from the other end), and a hash set of the edges.
/// </summary>
internal sealed class SwapGraph
{
    private readonly int[] _offsets;
    private readonly int[] _owner;
    private readonly int[] _nbr;
    private readonly int[] _twin;
    private readonly HashSet<long> _edges;
    private int[] _markA = [];
    private int[] _markB = [];
    private int[] _queueA = [];
    private int[] _queueB = [];
    private int _stamp;

    /// <summary>Copies <paramref name="graph"/> (direction and weights ignored; self-loops dropped; parallel entries once).</summary>
    /// <param name="graph">An undirected graph.</param>
    public SwapGraph(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        NodeCount = n;
        _offsets = new int[n + 1];
        var off = graph.Offsets;
        var tg = graph.Targets;
        for (var u = 0; u < n; u++)
        {
            var d = 0;
            for (var e = off[u]; e < off[u + 1]; e++)
            {
                d += tg[e] != u && (e == off[u] || tg[e - 1] != tg[e]) ? 1 : 0;
            }

            _offsets[u + 1] = _offsets[u] + d;
        }

        var h = _offsets[n];
        _owner = new int[h];
        _nbr = new int[h];
        _twin = new int[h];
        _edges = new HashSet<long>(h / 2);
        var write = 0;
        for (var u = 0; u < n; u++)
        {
            for (var e = off[u]; e < off[u + 1]; e++)
            {
                if (tg[e] != u && (e == off[u] || tg[e - 1] != tg[e]))
                {
                    _owner[write] = u;
                    _nbr[write++] = tg[e];
                }
            }
        }

        // Twins: rows are sorted by target, so the entry v→u is found by binary search in row v.
        for (var k = 0; k < h; k++)
        {
            var u = _owner[k];
            var v = _nbr[k];
            _twin[k] = _offsets[v] + Array.BinarySearch(_nbr, _offsets[v], _offsets[v + 1] - _offsets[v], u) - _offsets[v];
            if (u < v)
            {
                _edges.Add(Key(u, v));
            }
        }

        EdgeCount = h / 2;
    }

    /// <summary>The number of nodes.</summary>
    public int NodeCount { get; }

    /// <summary>The number of edges.</summary>
    public int EdgeCount { get; }

    /// <summary>The row offsets (fixed).</summary>
    public ReadOnlySpan<int> Offsets => _offsets;

    /// <summary>The current row entries.</summary>
    public ReadOnlySpan<int> Neighbors => _nbr;

    /// <summary>Whether the edge u–v exists.</summary>
    /// <param name="u">A node.</param>
    /// <param name="v">A node.</param>
    /// <returns>Whether it exists.</returns>
    public bool HasEdge(int u, int v) => _edges.Contains(Key(u, v));

    /// <summary>The node owning half-edge <paramref name="e"/>.</summary>
    /// <param name="e">A half-edge.</param>
    /// <returns>Its row node.</returns>
    public int Owner(int e) => _owner[e];

    /// <summary>The other end of half-edge <paramref name="e"/>.</summary>
    /// <param name="e">A half-edge.</param>
    /// <returns>Its target.</returns>
    public int Target(int e) => _nbr[e];

    /// <summary>Rewires half-edges e1 = (a, b) and e2 = (c, d) into (a, d) and (c, b).</summary>
    /// <param name="e1">The half-edge a→b.</param>
    /// <param name="e2">The half-edge c→d.</param>
    public void Swap(int e1, int e2)
    {
        int a = _owner[e1], b = _nbr[e1], c = _owner[e2], d = _nbr[e2];
        int t1 = _twin[e1], t2 = _twin[e2];
        _nbr[e1] = d;
        _nbr[e2] = b;
        _nbr[t1] = c;
        _nbr[t2] = a;
        _twin[e1] = t2;
        _twin[t2] = e1;
        _twin[e2] = t1;
        _twin[t1] = e2;
        _edges.Remove(Key(a, b));
        _edges.Remove(Key(c, d));
        _edges.Add(Key(a, d));
        _edges.Add(Key(c, b));
    }

    /// <summary>Whether u and v are joined by a path: a bidirectional breadth-first search that stops when the two searches
    /// meet, or when one side runs out (its component fully explored).</summary>
    /// <param name="u">A node.</param>
    /// <param name="v">A node.</param>
    /// <returns>Whether they are connected.</returns>
    public bool Connected(int u, int v)
    {
        if (u == v)
        {
            return true;
        }

        if (_markA.Length == 0)
        {
            _markA = new int[NodeCount];
            _markB = new int[NodeCount];
            _queueA = new int[NodeCount];
            _queueB = new int[NodeCount];
        }

        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_markA);
            Array.Clear(_markB);
            _stamp = 1;
        }

        var s = _stamp;
        int ha = 0, ta = 0, hb = 0, tb = 0;
        _queueA[ta++] = u;
        _markA[u] = s;
        _queueB[tb++] = v;
        _markB[v] = s;
        while (ha < ta && hb < tb)
        {
            // Expand one node of the smaller frontier.
            var fromA = ta - ha <= tb - hb;
            var x = fromA ? _queueA[ha++] : _queueB[hb++];
            for (var e = _offsets[x]; e < _offsets[x + 1]; e++)
            {
                var y = _nbr[e];
                if (fromA)
                {
                    if (_markB[y] == s)
                    {
                        return true;
                    }

                    if (_markA[y] != s)
                    {
                        _markA[y] = s;
                        _queueA[ta++] = y;
                    }
                }
                else
                {
                    if (_markA[y] == s)
                    {
                        return true;
                    }

                    if (_markB[y] != s)
                    {
                        _markB[y] = s;
                        _queueB[tb++] = y;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The key of the undirected edge u–v in an edge set: the smaller end in the high half.</summary>
    /// <param name="u">An end.</param>
    /// <param name="v">The other end.</param>
    /// <returns>The key, the same for (u, v) and (v, u).</returns>
    internal static long Key(int u, int v) => u < v ? ((long)u << 32) | (uint)v : ((long)v << 32) | (uint)u;
}

/// <summary>
/// Degree-preserving reference graphs for small-world coefficients, as networkx 3.6.1's <c>random_reference</c> and
/// <c>lattice_reference</c>: niter × m rounds; each round makes up to ⌊n m / (n(n-1)/2)⌋ counted attempts at a double-edge
/// swap of two random edges (a, b), (c, d) into (a, d), (c, b) (Maslov &amp; Sneppen 2002), and stops at the first swap
/// kept. A draw whose four ends are not distinct is redrawn without counting (as networkx does); a swap that would create a
/// multi-edge counts as a failed attempt; with connectivity on, a swap that disconnects a from b is undone (a failed
/// attempt). The lattice version keeps a swap only when D(a,b) + D(c,d) ≥ D(a,c) + D(b,d), D the ring distance between
/// node positions, exactly networkx's test (which compares with (a,c), (b,d) rather than the new edges (a,d), (c,b)).
/// </summary>
internal static class ReferenceGraphs
{
    /// <summary>The most uncounted redraws per round, as a multiple of the attempts allowed: networkx has no limit and loops
    /// forever on a star, where no draw has four distinct ends.</summary>
    public const int RedrawFactor = 100;

    /// <summary>Randomises <paramref name="graph"/> in place, networkx's <c>random_reference</c>.</summary>
    /// <param name="graph">The graph (n ≥ 4, m ≥ 2).</param>
    /// <param name="niter">Rounds per edge.</param>
    /// <param name="connectivity">Keep the graph connected.</param>
    /// <param name="rng">The generator.</param>
    /// <param name="cancellationToken">Checked every 1024 rounds.</param>
    /// <returns>The swaps kept.</returns>
    public static long RandomReference(SwapGraph graph, int niter, bool connectivity, DeterministicRandom rng, CancellationToken cancellationToken = default) =>
        Rewire(graph, niter, connectivity, lattice: false, rng, cancellationToken);

    /// <summary>Latticises <paramref name="graph"/> in place, networkx's <c>lattice_reference</c> with D = ring distance.</summary>
    /// <param name="graph">The graph (n ≥ 4, m ≥ 2).</param>
    /// <param name="niter">Rounds per edge.</param>
    /// <param name="connectivity">Keep the graph connected.</param>
    /// <param name="rng">The generator.</param>
    /// <param name="cancellationToken">Checked every 1024 rounds.</param>
    /// <returns>The swaps kept.</returns>
    public static long LatticeReference(SwapGraph graph, int niter, bool connectivity, DeterministicRandom rng, CancellationToken cancellationToken = default) =>
        Rewire(graph, niter, connectivity, lattice: true, rng, cancellationToken);

    private static long Rewire(SwapGraph g, int niter, bool connectivity, bool lattice, DeterministicRandom rng, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(rng);
        var n = g.NodeCount;
        var m = g.EdgeCount;
        if (n < 4 || m < 2)
        {
            throw new ArgumentException("A reference graph needs at least four nodes and two edges.", nameof(g));
        }

        var rounds = (long)niter * m;
        var tries = (int)((double)n * m / (n * (n - 1) / 2.0));
        var maxDraws = (long)Math.Max(tries, 1) * RedrawFactor;
        var halfEdges = 2 * m;
        long swaps = 0;
        for (long round = 0; round < rounds; round++)
        {
            if ((round & 1023) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var attempts = 0;
            long draws = 0;
            while (attempts < tries && draws++ < maxDraws)
            {
                var e1 = rng.NextInt(halfEdges);
                var e2 = rng.NextInt(halfEdges);
                int a = g.Owner(e1), c = g.Owner(e2);
                if (a == c)
                {
                    continue;
                }

                int b = g.Target(e1), d = g.Target(e2);
                if (b == c || b == d || d == a)
                {
                    continue;
                }

                if (!g.HasEdge(a, d) && !g.HasEdge(c, b)
                    && (!lattice || Ring(a, b, n) + Ring(c, d, n) >= Ring(a, c, n) + Ring(b, d, n)))
                {
                    g.Swap(e1, e2);
                    if (connectivity && !g.Connected(a, b))
                    {
                        // e1 is now a→d and e2 is c→b: swapping them back restores (a, b) and (c, d).
                        g.Swap(e1, e2);
                    }
                    else
                    {
                        swaps++;
                        break;
                    }
                }

                attempts++;
            }
        }

        return swaps;
    }

    private static int Ring(int i, int j, int n)
    {
        var d = Math.Abs(i - j);
        return Math.Min(d, n - d);
    }
}
