using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Threading;

namespace GlocalNetworks.Kernels;

/// <summary>
/// Gould-Fernandez brokerage on a CSR digraph with a group per node: the role counts of every broker (R sna 2.7's
/// <c>brokerage_R</c>), optionally valued, and the expectations and variances of sna's <c>brokerage()</c> under random
/// group assignment.
/// </summary>
/// <remarks>
/// <para>Roles, in sna's column order (<see cref="Coordinator"/> .. <see cref="Liaison"/>, then the total): for every
/// ordered 2-path a → b → c with a, b, c distinct and no arc a → c, broker b gets one count: coordinator (w_I) when
/// g(a) = g(b) = g(c), itinerant (w_O) when g(a) = g(c) ≠ g(b), representative (b_IO) when g(a) = g(b) ≠ g(c),
/// gatekeeper (b_OI) when g(a) ≠ g(b) = g(c), liaison (b_O) when all three differ. Nodes with group -1 are left out
/// entirely (neither a, b nor c): the counts are those of the subgraph of grouped nodes.</para>
/// <para>Counting without enumerating c: for broker b, count its grouped out-neighbours by group (and sum their arc
/// values when valued) and stamp them in a per-thread marker array; then for each in-neighbour a, remove from those
/// counts c = a and the c that a reaches itself (a → c closes the triad), found by scanning a's out-row against the
/// stamps or, when b's out-row is the shorter, by binary search of b's out-neighbours in a's sorted row. Cost
/// O(n + Σ_b Σ_{a→b} min(d⁺(a), d⁺(b) log d⁺(a))) ≤ O(n + Σ_b d⁻(b) d⁺(b) log n); memory O(n + groups) per thread.</para>
/// <para>Each broker's counts are computed by one thread in CSR order, so results are bit-identical for any degree of
/// parallelism.</para>
/// </remarks>
internal static class Brokerage
{
    /// <summary>Column of the coordinator role (sna w_I).</summary>
    public const int Coordinator = 0;

    /// <summary>Column of the itinerant role (sna w_O).</summary>
    public const int Itinerant = 1;

    /// <summary>Column of the representative role (sna b_IO).</summary>
    public const int Representative = 2;

    /// <summary>Column of the gatekeeper role (sna b_OI).</summary>
    public const int Gatekeeper = 3;

    /// <summary>Column of the liaison role (sna b_O).</summary>
    public const int Liaison = 4;

    /// <summary>Column of the total (sna t).</summary>
    public const int Total = 5;

    /// <summary>The number of columns: five roles and the total.</summary>
    public const int Columns = 6;

    /// <summary>
    /// Role counts per broker. <paramref name="counts"/>[role][b] receives the number of brokered 2-paths through b;
    /// <paramref name="valued"/>[role][b], when given, the sum over those paths of w_ab · w_bc (the CSR's entry values).
    /// Column <see cref="Total"/> is the sum of the five roles. Nodes with group -1 get 0.
    /// </summary>
    /// <param name="graph">The digraph (an undirected CSR is read as the symmetric digraph). Self-loop entries are skipped.</param>
    /// <param name="group">The group of every node, in [0, <paramref name="groupCount"/>), or -1 to leave it out.</param>
    /// <param name="groupCount">The number of groups.</param>
    /// <param name="counts">Six arrays of length n, zeroed.</param>
    /// <param name="valued">Six arrays of length n, zeroed, or <see langword="null"/>; an unweighted graph's arcs have value 1.</param>
    /// <param name="maxDegreeOfParallelism">The thread limit.</param>
    /// <param name="cancellationToken">Checked every 1024 brokers.</param>
    /// <param name="onProgress">Called with the number of brokers done (from any thread), or <see langword="null"/>.</param>
    /// <returns>The number of arcs between grouped nodes (M of the subgraph).</returns>
    public static long Count(CsrGraph graph, ReadOnlySpan<int> group, int groupCount, double[][] counts, double[][]? valued,
        int maxDegreeOfParallelism, CancellationToken cancellationToken, Action<long>? onProgress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(counts);
        var n = graph.NodeCount;
        if (group.Length != n)
        {
            throw new ArgumentException("group must have one entry per node.", nameof(group));
        }

        var groups = group.ToArray();
        long arcs = 0;
        for (var v = 0; v < n; v++)
        {
            if (groups[v] < 0)
            {
                continue;
            }

            foreach (var t in graph.Neighbors(v))
            {
                arcs += t != v && groups[t] >= 0 ? 1 : 0;
            }
        }

        if (n == 0)
        {
            return arcs;
        }

        var inRows = graph.Transpose();
        var bounds = SpMV.ChunkBounds(graph);
        var chunks = bounds.Length - 1;
        long done = 0;

        // Scratch is reused across chunks: stamps are broker ids (unique), and the group counters are zeroed after
        // every broker, so a scratch left by another chunk is clean.
        var pool = new ConcurrentBag<Scratch>();
        try
        {
            SpMV.ForEachChunk(chunks, maxDegreeOfParallelism, cancellationToken, c =>
            {
                if (!pool.TryTake(out var scratch))
                {
                    scratch = Scratch.Rent(n, groupCount, valued is not null);
                }

                try
                {
                    for (int from = bounds[c], to = bounds[c + 1], b = from; b < to; b++)
                    {
                        if (((b - from) & 1023) == 1023)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                        }

                        if (groups[b] >= 0)
                        {
                            CountAt(graph, inRows, groups, b, scratch, counts, valued);
                        }
                    }
                }
                finally
                {
                    pool.Add(scratch);
                }

                onProgress?.Invoke(Interlocked.Add(ref done, bounds[c + 1] - bounds[c]));
            });
        }
        finally
        {
            foreach (var scratch in pool)
            {
                scratch.Return();
            }
        }

        return arcs;
    }

    private static void CountAt(CsrGraph g, CsrGraph inRows, int[] group, int b, Scratch s, double[][] counts, double[][]? valued)
    {
        var gb = group[b];
        var outB = g.Neighbors(b);
        var wB = g.Weights(b);
        var stamp = s.Stamp;
        var cnt = s.Count;
        var wsum = s.WeightSum;
        var value = s.Value;
        var isValued = valued is not null;
        var weighted = g.IsWeighted;
        long total = 0;
        var wtotal = 0.0;
        for (var k = 0; k < outB.Length; k++)
        {
            var c = outB[k];
            var gc = group[c];
            if (c == b || gc < 0)
            {
                continue;
            }

            stamp[c] = b;
            total++;
            cnt[gc]++;
            if (isValued)
            {
                var w = weighted ? wB[k] : 1.0;
                value![c] = w;
                wsum![gc] += w;
                wtotal += w;
            }
        }

        Span<long> roles = stackalloc long[Total];
        Span<double> roleValues = stackalloc double[Total];
        roles.Clear();
        roleValues.Clear();
        var inB = inRows.Neighbors(b);
        var inW = inRows.Weights(b);
        for (var ka = 0; ka < inB.Length; ka++)
        {
            var a = inB[ka];
            var ga = group[a];
            if (a == b || ga < 0)
            {
                continue;
            }

            // Valid c: grouped out-neighbours of b, minus a itself, minus those a reaches directly.
            var p = new Candidates
            {
                Count = total, SameA = cnt[ga], SameB = cnt[gb],
                Weight = wtotal, WeightSameA = isValued ? wsum![ga] : 0, WeightSameB = isValued ? wsum![gb] : 0,
            };
            if (stamp[a] == b)
            {
                p.Remove(ga, ga, gb, isValued ? value![a] : 0);
            }

            var outA = g.Neighbors(a);
            if (outA.Length <= outB.Length)
            {
                foreach (var c in outA)
                {
                    if (stamp[c] == b && c != a)
                    {
                        p.Remove(group[c], ga, gb, isValued ? value![c] : 0);
                    }
                }
            }
            else
            {
                for (var k = 0; k < outB.Length; k++)
                {
                    var c = outB[k];
                    if (c != a && c != b && group[c] >= 0 && outA.BinarySearch(c) >= 0)
                    {
                        p.Remove(group[c], ga, gb, isValued ? value![c] : 0);
                    }
                }
            }

            var wab = !isValued ? 0 : weighted ? inW[ka] : 1.0;
            if (ga == gb)
            {
                // SameA and SameB count the same group here: c in b's group -> coordinator, else representative.
                roles[Coordinator] += p.SameB;
                roles[Representative] += p.Count - p.SameB;
                roleValues[Coordinator] += wab * p.WeightSameB;
                roleValues[Representative] += wab * (p.Weight - p.WeightSameB);
            }
            else
            {
                roles[Gatekeeper] += p.SameB;
                roles[Itinerant] += p.SameA;
                roles[Liaison] += p.Count - p.SameA - p.SameB;
                roleValues[Gatekeeper] += wab * p.WeightSameB;
                roleValues[Itinerant] += wab * p.WeightSameA;
                roleValues[Liaison] += wab * (p.Weight - p.WeightSameA - p.WeightSameB);
            }
        }

        // Reset the per-group accumulators touched by b's row.
        foreach (var c in outB)
        {
            var gc = group[c];
            if (gc >= 0)
            {
                cnt[gc] = 0;
                if (isValued)
                {
                    wsum![gc] = 0;
                }
            }
        }

        long sum = 0;
        var valueSum = 0.0;
        for (var r = 0; r < Total; r++)
        {
            counts[r][b] = roles[r];
            sum += roles[r];
            if (valued is not null)
            {
                valued[r][b] = roleValues[r];
                valueSum += roleValues[r];
            }
        }

        counts[Total][b] = sum;
        if (valued is not null)
        {
            valued[Total][b] = valueSum;
        }
    }

    /// <summary>
    /// sna 2.7's expected counts and variances under random group assignment (its <c>exp.grp</c> and <c>sd.grp</c>² per
    /// group, <c>exp.gli</c> and <c>sd.gli</c>² for the network), transcribed from <c>brokerage()</c> in <c>R/models.R</c>.
    /// N = Σ sizes, d = arcs / (N (N - 1)).
    /// </summary>
    /// <remarks>Sums over "the other groups" run over the distinct group sizes with their multiplicities, so the cost is
    /// O(k + D²) with D ≤ √(2N) distinct sizes, and every such sum adds non-negative terms (no cancellation). sna's triple
    /// loop over distinct groups in the liaison's network variance is replaced by its closed form: with
    /// T0 = Σ_{i,j,l distinct} n_i n_j n_l and T1 = Σ_{i,j,l distinct} n_i² n_j n_l, the loop adds
    /// ((4N - 2) T0 - 8 T1)(u3 - u4) + ((N - 1) T0 - 2 T1) u5, where u3 = d³(1-d)³, u4 = d⁴(1-d)², u5 = d⁵(1-d); both T's
    /// are sums of n_i (or n_i²) times the exact integer Σ_{j≠l, both ≠ i} n_j n_l = (N - n_i)² - Σ_{h≠i} n_h².</remarks>
    /// <param name="sizes">The group sizes (groups of size 0 contribute nothing).</param>
    /// <param name="arcs">M, the number of arcs (an undirected edge counts 2).</param>
    /// <returns>Per group [group][column] expectations and variances, and the network's, each with <see cref="Columns"/> columns.</returns>
    public static (double[][] Expected, double[][] Variance, double[] NetworkExpected, double[] NetworkVariance) Expectations(
        ReadOnlySpan<int> sizes, long arcs)
    {
        var k = sizes.Length;
        var sorted = sizes.ToArray();
        Array.Sort(sorted);
        var distinct = new double[k];
        var mult = new double[k];
        var dCount = 0;
        var nn = 0.0;
        var p2 = 0.0;
        for (var i = 0; i < k; i++)
        {
            nn += sorted[i];
            p2 += (double)sorted[i] * sorted[i];
            if (dCount == 0 || distinct[dCount - 1] != sorted[i])
            {
                distinct[dCount++] = sorted[i];
            }

            mult[dCount - 1]++;
        }

        var d = arcs / (nn * (nn - 1));
        var q = d * d * (1 - d);
        var u = Math.Pow(d, 3) * Math.Pow(1 - d, 3);
        var u4 = Math.Pow(d, 4) * Math.Pow(1 - d, 2);
        var u5 = Math.Pow(d, 5) * (1 - d);

        // Per distinct size: sums over the other groups.
        var bySizeE = new double[dCount][];
        var bySizeV = new double[dCount][];
        for (var a = 0; a < dCount; a++)
        {
            var ni = distinct[a];
            double sumO = 0, sumO3 = 0, sq = 0, liaisonV = 0;
            for (var b = 0; b < dCount; b++)
            {
                var m = mult[b] - (a == b ? 1 : 0);
                var nh = distinct[b];
                sumO += m * nh * (nh - 1);
                sumO3 += m * nh * (nh - 1) * (nh - 2);
                sq += m * nh * nh;
                liaisonV += m * nh * Choose2(nn - nh - ni);
            }

            var others = nn - ni;
            var ei = new double[Columns];
            var vi = new double[Columns];
            ei[Coordinator] = q * (ni - 1) * (ni - 2);
            vi[Coordinator] = (ei[Coordinator] * (1 - q)) + (2 * (ni - 1) * (ni - 2) * (ni - 3) * u);
            ei[Itinerant] = q * sumO;
            vi[Itinerant] = (ei[Itinerant] * (1 - q)) + (2 * sumO3 * u);
            ei[Representative] = q * (nn - ni) * (ni - 1);
            vi[Representative] = (ei[Representative] * (1 - q)) + (2 * (((ni - 1) * Choose2(nn - ni)) + ((nn - ni) * Choose2(ni - 1))) * u);
            ei[Gatekeeper] = ei[Representative];
            vi[Gatekeeper] = vi[Representative];
            ei[Liaison] = q * ((others * others) - sq);
            vi[Liaison] = (ei[Liaison] * (1 - q)) + (4 * liaisonV * u);
            ei[Total] = q * (nn - 1) * (nn - 2);
            vi[Total] = (ei[Total] * (1 - q)) + (2 * (nn - 1) * (nn - 2) * (nn - 3) * u);
            bySizeE[a] = ei;
            bySizeV[a] = vi;
        }

        var e = new double[k][];
        var v = new double[k][];
        for (var i = 0; i < k; i++)
        {
            var a = Array.BinarySearch(distinct, 0, dCount, (double)sizes[i]);
            e[i] = (double[])bySizeE[a].Clone();
            v[i] = (double[])bySizeV[a].Clone();
        }

        // Network level.
        double s1 = 0, s1v = 0, s2 = 0, s2diag = 0, s3v = 0, s5diag = 0, t0 = 0, t1 = 0;
        for (var i = 0; i < k; i++)
        {
            double x = sizes[i];
            s1 += x * (x - 1) * (x - 2);
            s1v += x * (x - 1) * (x - 2) * (((4 * x - 10) * u) - (4 * (x - 3) * u4) + ((x - 3) * u5));
            s2 += x * (nn - x) * (x - 1);
            s2diag += x * x * (x - 1) * (((4 * x - 6) * u) + ((nn - x - 1) * u5));
            s3v += x * (nn - x) * (x - 1) * (((nn - 3) * u) + ((x - 2) * u5));
            s5diag += x * x * (nn - (2 * x));
            var pairs = ((nn - x) * (nn - x)) - (p2 - (x * x));
            t0 += x * pairs;
            t1 += x * x * pairs;
        }

        double s2outer = 0, s5outer = 0;
        for (var a = 0; a < dCount; a++)
        {
            var x = distinct[a];
            for (var b = 0; b < dCount; b++)
            {
                var y = distinct[b];
                var m = mult[a] * mult[b];
                s2outer += m * x * y * (x - 1) * (((2 * x + 2 * y - 6) * u) + ((nn - x - 1) * u5));
                s5outer += m * x * y * (nn - x - y);
            }
        }

        var eg = new double[Columns];
        var vg = new double[Columns];
        eg[Coordinator] = q * s1;
        vg[Coordinator] = (eg[Coordinator] * (1 - q)) + s1v;
        eg[Itinerant] = q * s2;
        vg[Itinerant] = (eg[Itinerant] * (1 - q)) + (s2outer - s2diag);
        eg[Representative] = q * s2;
        vg[Representative] = (eg[Representative] * (1 - q)) + s3v;
        eg[Gatekeeper] = eg[Representative];
        vg[Gatekeeper] = vg[Representative];
        eg[Liaison] = q * (s5outer - s5diag);
        vg[Liaison] = (eg[Liaison] * (1 - q)) + ((((4 * nn) - 2) * t0) - (8 * t1)) * (u - u4) + ((((nn - 1) * t0) - (2 * t1)) * u5);
        eg[Total] = q * nn * (nn - 1) * (nn - 2);
        vg[Total] = (eg[Total] * (1 - q)) + (nn * (nn - 1) * (nn - 2) * (((4 * nn - 10) * u) - (4 * (nn - 3) * u4) + ((nn - 3) * u5)));
        return (e, v, eg, vg);
    }

    /// <summary>x (x - 1) / 2, R's <c>choose(x, 2)</c> for integer x.</summary>
    private static double Choose2(double x) => x * (x - 1) / 2;

    /// <summary>The third nodes c still open for one source a and broker b: how many (and their arc values b → c), how many
    /// in a's group and in b's group.</summary>
    private struct Candidates
    {
        public long Count;
        public long SameA;
        public long SameB;
        public double Weight;
        public double WeightSameA;
        public double WeightSameB;

        /// <summary>Removes a candidate of group gc with arc value w for the source group ga and broker group gb. When
        /// ga = gb, SameA and SameB count the same group and only SameB (which the caller then reads) changes.</summary>
        public void Remove(int gc, int ga, int gb, double w)
        {
            Count--;
            Weight -= w;
            if (gc == gb)
            {
                SameB--;
                WeightSameB -= w;
            }
            else if (gc == ga)
            {
                SameA--;
                WeightSameA -= w;
            }
        }
    }

    /// <summary>A thread's scratch: the stamp of each node (the broker whose out-row marked it), the marked arc values,
    /// and per-group counts and value sums.</summary>
    private sealed record Scratch(int[] Stamp, long[] Count, double[]? Value, double[]? WeightSum)
    {
        public static Scratch Rent(int n, int groups, bool valued)
        {
            var stamp = ArrayPool<int>.Shared.Rent(n);
            Array.Fill(stamp, -1, 0, n);
            var count = ArrayPool<long>.Shared.Rent(Math.Max(1, groups));
            Array.Clear(count, 0, Math.Max(1, groups));
            double[]? value = null, sums = null;
            if (valued)
            {
                value = ArrayPool<double>.Shared.Rent(n);
                sums = ArrayPool<double>.Shared.Rent(Math.Max(1, groups));
                Array.Clear(sums, 0, Math.Max(1, groups));
            }

            return new Scratch(stamp, count, value, sums);
        }

        public void Return()
        {
            ArrayPool<int>.Shared.Return(Stamp);
            ArrayPool<long>.Shared.Return(Count);
            if (Value is not null)
            {
                ArrayPool<double>.Shared.Return(Value);
                ArrayPool<double>.Shared.Return(WeightSum!);
            }
        }
    }
}
