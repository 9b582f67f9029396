using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;

namespace GlocalNetworks.Kernels;

/// <summary>Which end of an arc owns it when ties are counted per node or per group.</summary>
internal enum TieOwner
{
    /// <summary>Undirected edges: both ends own the edge (each edge read once, from its smaller end).</summary>
    Both = 0,

    /// <summary>Arcs owned by their source (out-ties).</summary>
    Source = 1,

    /// <summary>Arcs owned by their target (in-ties).</summary>
    Target = 2,
}

/// <summary>
/// Ties within and between the groups of a node partition on a CSR graph: the counts and weights behind the E-I index
/// (Krackhardt and Stern) and the permutation test that shuffles group labels. Knows nothing of the domain: groups are
/// ints (-1 = no group), the graph is a <see cref="CsrGraph"/>.
/// </summary>
internal static class GroupTies
{
    /// <summary>
    /// Counts every tie (an undirected edge once, or an arc once) as internal (both ends in one group), external (ends in
    /// two groups) or ungrouped (an end without a group: counted in neither), for the network, per group and per node.
    /// </summary>
    /// <param name="graph">A symmetric graph read as undirected (<paramref name="owner"/> = <see cref="TieOwner.Both"/>), or
    /// a directed one.</param>
    /// <param name="group">Each node's group, or -1.</param>
    /// <param name="groupCount">The number of groups.</param>
    /// <param name="owner">Who owns a tie in the per-node and per-group counts.</param>
    /// <param name="internalPerEnd">Count an internal undirected edge once per end in the group counts (the member-sum
    /// variant); arcs have one owner, so this changes nothing for them.</param>
    /// <returns>The counts; per-node values are NaN for nodes without a group.</returns>
    public static TieCounts Count(CsrGraph graph, ReadOnlySpan<int> group, int groupCount, TieOwner owner, bool internalPerEnd)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var c = new TieCounts(n, groupCount);
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var weights = graph.AllWeights;
        var perGroupInternal = owner == TieOwner.Both && internalPerEnd ? 2.0 : 1.0;
        for (var u = 0; u < n; u++)
        {
            if (group[u] < 0)
            {
                c.NodeExternal[u] = c.NodeInternal[u] = c.NodeExternalWeight[u] = c.NodeInternalWeight[u] = double.NaN;
            }
        }

        for (var u = 0; u < n; u++)
        {
            var gu = group[u];
            for (int k = offsets[u], end = offsets[u + 1]; k < end; k++)
            {
                var v = targets[k];
                if (v == u || (owner == TieOwner.Both && v < u))
                {
                    continue;
                }

                var gv = group[v];
                var w = weights.IsEmpty ? 1.0 : weights[k];
                if (gu < 0 || gv < 0)
                {
                    c.Ungrouped++;
                    continue;
                }

                if (gu == gv)
                {
                    c.Internal++;
                    c.InternalWeight += w;
                    c.GroupInternal[gu] += perGroupInternal;
                    c.GroupInternalWeight[gu] += perGroupInternal * w;
                    AddNode(c.NodeInternal, c.NodeInternalWeight, owner, u, v, w);
                }
                else
                {
                    c.External++;
                    c.ExternalWeight += w;
                    if (owner != TieOwner.Target)
                    {
                        c.GroupExternal[gu]++;
                        c.GroupExternalWeight[gu] += w;
                    }

                    if (owner != TieOwner.Source)
                    {
                        c.GroupExternal[gv]++;
                        c.GroupExternalWeight[gv] += w;
                    }

                    AddNode(c.NodeExternal, c.NodeExternalWeight, owner, u, v, w);
                }
            }
        }

        return c;
    }

    /// <summary>The ties whose two ends both have a group, in the order <see cref="Count"/> reads them, with the ends
    /// renumbered 0..g-1 over the grouped nodes; and the grouped nodes' labels.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="group">Each node's group, or -1.</param>
    /// <param name="undirected">Read each undirected edge once (from its smaller end).</param>
    /// <returns>The compact ties and labels.</returns>
    public static CompactTies Compact(CsrGraph graph, ReadOnlySpan<int> group, bool undirected)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var index = new int[n];
        var grouped = 0;
        for (var u = 0; u < n; u++)
        {
            index[u] = group[u] >= 0 ? grouped++ : -1;
        }

        var labels = new int[grouped];
        for (var u = 0; u < n; u++)
        {
            if (index[u] >= 0)
            {
                labels[index[u]] = group[u];
            }
        }

        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var weights = graph.AllWeights;
        var count = 0;
        for (var u = 0; u < n; u++)
        {
            for (int k = offsets[u], end = offsets[u + 1]; k < end; k++)
            {
                count += Kept(u, targets[k], index, undirected) ? 1 : 0;
            }
        }

        var a = new int[count];
        var b = new int[count];
        var w = new double[count];
        var p = 0;
        for (var u = 0; u < n; u++)
        {
            for (int k = offsets[u], end = offsets[u + 1]; k < end; k++)
            {
                var v = targets[k];
                if (Kept(u, v, index, undirected))
                {
                    a[p] = index[u];
                    b[p] = index[v];
                    w[p] = weights.IsEmpty ? 1.0 : weights[k];
                    p++;
                }
            }
        }

        return new CompactTies(a, b, w, labels);
    }

    private static bool Kept(int u, int v, int[] index, bool undirected) =>
        v != u && !(undirected && v < u) && index[u] >= 0 && index[v] >= 0;

    /// <summary>The network E-I index of <paramref name="labels"/> on the compact ties: (E - I) / (E + I) by count and by
    /// weight, summed in tie order (NaN when there is no tie).</summary>
    /// <param name="ties">The compact ties.</param>
    /// <param name="labels">A label per grouped node.</param>
    /// <returns>The two indices.</returns>
    public static (double Count, double Weight) NetworkEi(CompactTies ties, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(ties);
        var a = ties.A;
        var b = ties.B;
        var w = ties.W;
        long external = 0;
        double ew = 0, iw = 0;
        for (var t = 0; t < a.Length; t++)
        {
            if (labels[a[t]] == labels[b[t]])
            {
                iw += w[t];
            }
            else
            {
                external++;
                ew += w[t];
            }
        }

        long m = a.Length;
        return (m == 0 ? double.NaN : (double)(external - (m - external)) / m, m == 0 ? double.NaN : (ew - iw) / (ew + iw));
    }

    /// <summary>
    /// The network E-I index under <paramref name="replicates"/> random relabellings: replicate k shuffles a copy of the
    /// labels (group sizes kept) with <c>DeterministicRandom(seed, k)</c>. Replicates run in at most
    /// <see cref="SourceChunks.MaxChunks"/> fixed chunks; each writes only its own slots, so the result does not depend on
    /// the degree of parallelism.
    /// </summary>
    /// <param name="ties">The compact ties and labels.</param>
    /// <param name="replicates">The number of replicates.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="maxDegreeOfParallelism">The thread limit.</param>
    /// <param name="cancellationToken">Checked at every chunk start and every 1024 replicates.</param>
    /// <param name="onProgress">Called with the replicates done (from any thread), or <see langword="null"/>.</param>
    /// <returns>The replicates' E-I indices by count and by weight.</returns>
    public static (double[] Count, double[] Weight) Permute(CompactTies ties, int replicates, ulong seed, int maxDegreeOfParallelism,
        CancellationToken cancellationToken, Action<long>? onProgress)
    {
        ArgumentNullException.ThrowIfNull(ties);
        ArgumentOutOfRangeException.ThrowIfNegative(replicates);
        var count = new double[replicates];
        var weight = new double[replicates];
        var chunks = SourceChunks.Count(replicates);
        if (chunks == 0)
        {
            return (count, weight);
        }

        var labels = ties.Labels;
        long done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = SourceChunks.Workers(maxDegreeOfParallelism, chunks),
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, chunks, options, c =>
        {
            int from = SourceChunks.Start(c, chunks, replicates), to = SourceChunks.Start(c + 1, chunks, replicates);
            var scratch = ArrayPool<int>.Shared.Rent(Math.Max(1, labels.Length));
            try
            {
                var perm = scratch.AsSpan(0, labels.Length);
                for (var k = from; k < to; k++)
                {
                    if (((k - from) & 1023) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    labels.CopyTo(perm);
                    new DeterministicRandom(seed, (ulong)k).Shuffle(perm);
                    (count[k], weight[k]) = NetworkEi(ties, perm);
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(scratch);
            }

            onProgress?.Invoke(Interlocked.Add(ref done, to - from));
        });
        return (count, weight);
    }

    private static void AddNode(double[] counts, double[] weights, TieOwner owner, int u, int v, double w)
    {
        if (owner != TieOwner.Target)
        {
            counts[u]++;
            weights[u] += w;
        }

        if (owner != TieOwner.Source)
        {
            counts[v]++;
            weights[v] += w;
        }
    }
}

/// <summary>Tie counts of a partition: network totals, per group and per node (see <see cref="GroupTies.Count"/>).</summary>
internal sealed class TieCounts
{
    /// <summary>Creates zeroed counts.</summary>
    /// <param name="nodes">The node count.</param>
    /// <param name="groups">The group count.</param>
    public TieCounts(int nodes, int groups)
    {
        GroupExternal = new double[groups];
        GroupInternal = new double[groups];
        GroupExternalWeight = new double[groups];
        GroupInternalWeight = new double[groups];
        NodeExternal = new double[nodes];
        NodeInternal = new double[nodes];
        NodeExternalWeight = new double[nodes];
        NodeInternalWeight = new double[nodes];
    }

    /// <summary>External ties in the network.</summary>
    public long External { get; set; }

    /// <summary>Internal ties in the network.</summary>
    public long Internal { get; set; }

    /// <summary>The weight of the external ties.</summary>
    public double ExternalWeight { get; set; }

    /// <summary>The weight of the internal ties.</summary>
    public double InternalWeight { get; set; }

    /// <summary>Ties with an end that has no group (counted in neither).</summary>
    public long Ungrouped { get; set; }

    /// <summary>External ties per group.</summary>
    public double[] GroupExternal { get; }

    /// <summary>Internal ties per group.</summary>
    public double[] GroupInternal { get; }

    /// <summary>External weight per group.</summary>
    public double[] GroupExternalWeight { get; }

    /// <summary>Internal weight per group.</summary>
    public double[] GroupInternalWeight { get; }

    /// <summary>External ties per node (NaN without a group).</summary>
    public double[] NodeExternal { get; }

    /// <summary>Internal ties per node (NaN without a group).</summary>
    public double[] NodeInternal { get; }

    /// <summary>External weight per node (NaN without a group).</summary>
    public double[] NodeExternalWeight { get; }

    /// <summary>Internal weight per node (NaN without a group).</summary>
    public double[] NodeInternalWeight { get; }
}

/// <summary>The ties between grouped nodes, renumbered over the grouped nodes, and those nodes' labels.</summary>
/// <param name="A">Each tie's first end.</param>
/// <param name="B">Each tie's second end.</param>
/// <param name="W">Each tie's weight.</param>
/// <param name="Labels">Each grouped node's group.</param>
internal sealed record CompactTies(int[] A, int[] B, double[] W, int[] Labels);
