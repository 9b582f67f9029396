using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using GlocalNetworks.Internal;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;

namespace GlocalNetworks.NullModels;

/// <summary>
/// The degree-preserving null model (Maslov &amp; Sneppen 2002): the network's ties rewired by double-edge swaps, so that
/// every innovator keeps its number of partners (in- and out-partners when directed) while who meets whom is randomised.
/// Innovators, their homes, regions and organisers stay; scales are recomputed for the new ends with the network's
/// classifier.
/// </summary>
/// <remarks>
/// <para><b>Ties, not links.</b> The swap works on ties: the distinct pairs of innovators joined by at least one link
/// (unordered for undirected links, ordered for directed ones). All links of one tie (several projects of the same two
/// partners, different years or kinds) move together, with their weight, kind, years and date. A replicate therefore keeps
/// every innovator's degree (its number of distinct partners, as the CSR graphs and the <c>degree</c> metric count it; in-
/// and out-partners for directed ties), the number of ties, links and the total weight, and creates no parallel ties. As
/// in any swap that carries weights with the edges, an innovator's strength and number of links may change: in a swap,
/// a keeps the bundle of (a, b) while b receives the bundle of (c, d). Undirected and directed ties are rewired separately
/// (each class keeps its own degrees); self-loop links, if a reader kept any, stay where they are.</para>
/// <para><b>One swap.</b> Draw two ties (a, b) and (c, d) uniformly. Undirected: rewire them to (a, d), (c, b) or to
/// (a, c), (b, d), with probability 1/2 each; directed: a→b, c→d become a→d, c→b. Reject the swap if it would create a
/// self-loop or a tie that exists already.</para>
/// <para><b>How many.</b> <see cref="SwapsPerTie"/> × t successful swaps (t the number of ties of the class), with at most
/// <see cref="MaxAttemptsPerTie"/> × t attempts; when the limit stops a replicate early (a star, a near-complete graph) the
/// replicate says so (<see cref="NullReplicate.HitAttemptLimit"/>). networkx's <c>double_edge_swap(G, nswap=1,
/// max_tries=100)</c> defaults make one swap, far too few to randomise, so its defaults are not copied (DESIGN 2.11).</para>
/// <para>Replicate k draws from <c>DeterministicRandom(seed, stream: k)</c>. Time O(m + n) to rebuild the network plus
/// O(attempts) expected for the swaps (hash set of ties).</para>
/// <para>Reference: Maslov, S. &amp; Sneppen, K. (2002). Specificity and stability in topology of protein networks.
/// <i>Science</i> 296, 910-913.</para>
/// </remarks>
public sealed class DegreePreservingSwap : INullModel
{
    /// <summary>The default number of successful swaps per tie: 10.</summary>
    public const int DefaultSwapsPerTie = 10;

    /// <summary>The default most attempts per tie: 100.</summary>
    public const int DefaultMaxAttemptsPerTie = 100;

    private static readonly ConditionalWeakTable<GlocalNetwork, TieIndex> Ties = [];

    /// <summary>The successful swaps to make, per tie.</summary>
    /// <value>The default value is 10.</value>
    public int SwapsPerTie { get; init; } = DefaultSwapsPerTie;

    /// <summary>The most attempts, per tie.</summary>
    /// <value>The default value is 100.</value>
    public int MaxAttemptsPerTie { get; init; } = DefaultMaxAttemptsPerTie;

    /// <inheritdoc/>
    public string Name => "degree-preserving";

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="SwapsPerTie"/> or <see cref="MaxAttemptsPerTie"/> is negative.</exception>
    public NullReplicate Sample(GlocalNetwork network, ulong seed, int replicate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegative(replicate);
        ArgumentOutOfRangeException.ThrowIfNegative(SwapsPerTie);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxAttemptsPerTie);
        var ties = Ties.GetValue(network, TieIndex.Build);
        var u = (int[])ties.U.Clone();
        var v = (int[])ties.V.Clone();
        var rng = new DeterministicRandom(seed, (ulong)replicate);
        var und = ties.UndirectedCount;
        var dir = u.Length - und;
        var a = DoubleEdgeSwap.Run(u.AsSpan(0, und), v.AsSpan(0, und), false, (long)SwapsPerTie * und, (long)MaxAttemptsPerTie * und, rng, cancellationToken);
        var b = DoubleEdgeSwap.Run(u.AsSpan(und), v.AsSpan(und), true, (long)SwapsPerTie * dir, (long)MaxAttemptsPerTie * dir, rng, cancellationToken);

        var links = network.Links;
        var src = links.Sources;
        var dst = links.Targets;
        var cols = new LinkColumnsBuilder();
        for (var i = 0; i < links.Count; i++)
        {
            var l = links[i];
            var t = ties.TieOf[i];
            cols.Add(t < 0 ? src[i] : u[t], t < 0 ? dst[i] : v[t], l.Weight, l.Kind, l.Year, l.EndYear, l.Date, l.Directed);
        }

        var net = NetworkAssembly.Assemble(network.Regions, network.Innovators, cols, network.Organisers, network.Classifier);
        return new NullReplicate(net, a.Swaps + b.Swaps, a.Attempts + b.Attempts, a.HitAttemptLimit || b.HitAttemptLimit);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} ({SwapsPerTie} swaps per tie, at most {MaxAttemptsPerTie} attempts per tie)");

    /// <summary>The ties of a network, computed once per network: each link's tie, and the ties' ends (undirected ties first).</summary>
    private sealed class TieIndex
    {
        private TieIndex(int[] tieOf, int[] u, int[] v, int undirectedCount)
        {
            TieOf = tieOf;
            U = u;
            V = v;
            UndirectedCount = undirectedCount;
        }

        /// <summary>Each link's tie, or -1 for a self-loop link.</summary>
        public int[] TieOf { get; }

        /// <summary>Each tie's first end (the smaller index when undirected, the source when directed).</summary>
        public int[] U { get; }

        /// <summary>Each tie's second end.</summary>
        public int[] V { get; }

        /// <summary>The number of undirected ties (ties 0..UndirectedCount-1; the rest are directed).</summary>
        public int UndirectedCount { get; }

        /// <summary>Groups links by (directed, first end, second end) with three stable counting sorts: O(m + n).</summary>
        public static TieIndex Build(GlocalNetwork network)
        {
            var links = network.Links;
            var m = links.Count;
            var n = network.Innovators.Count;
            var src = links.Sources;
            var dst = links.Targets;
            var directed = links.Directed;
            var lo = new int[m];
            var hi = new int[m];
            var cls = new int[m];
            for (var i = 0; i < m; i++)
            {
                var d = directed[i];
                lo[i] = d ? src[i] : Math.Min(src[i], dst[i]);
                hi[i] = d ? dst[i] : Math.Max(src[i], dst[i]);
                cls[i] = d ? 1 : 0;
            }

            var order = new int[m];
            CountingSort.Identity(order);
            CountingSort.StableByKey(hi, n, order);
            CountingSort.StableByKey(lo, n, order);
            CountingSort.StableByKey(cls, 2, order);
            var tieOf = new int[m];
            var count = 0;
            var undirected = 0;
            for (var k = 0; k < m; k++)
            {
                var i = order[k];
                if (lo[i] == hi[i])
                {
                    tieOf[i] = -1;
                    continue;
                }

                var prev = k > 0 ? order[k - 1] : -1;
                var same = prev >= 0 && lo[prev] == lo[i] && hi[prev] == hi[i] && cls[prev] == cls[i];
                if (!same)
                {
                    count++;
                    undirected += cls[i] == 0 ? 1 : 0;
                }

                tieOf[i] = count - 1;
            }

            var u = new int[count];
            var v = new int[count];
            for (var i = 0; i < m; i++)
            {
                if (tieOf[i] >= 0)
                {
                    u[tieOf[i]] = lo[i];
                    v[tieOf[i]] = hi[i];
                }
            }

            return new TieIndex(tieOf, u, v, undirected);
        }
    }
}
