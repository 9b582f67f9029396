using System;
using System.Collections.Generic;
using System.Threading;

namespace GlocalNetworks.Kernels;

/// <summary>
/// Main path analysis on a simple directed graph in CSR form (rows sorted, so entry order is (source, target) order):
/// cyclic strongly connected components and the rule that breaks them, topological order, the traversal counts SPC,
/// SPLC and SPNP (Batagelj 2003), the local (forward) main path and the global main path (Liu and Lu 2012).
/// Entries of the CSR are the arcs; every per-arc array is indexed by entry.
/// </summary>
internal static class MainPathKernel
{
    /// <summary>The reason code of an arc dropped because it cites a newer work (its source is newer than its target).</summary>
    internal const byte CitesNewer = 1;

    /// <summary>The reason code of an arc dropped as the largest (source, target) arc of a remaining cycle.</summary>
    internal const byte LargestInCycle = 2;

    /// <summary>A node year that is not known.</summary>
    internal const int UnknownYear = int.MinValue;

    /// <summary>Above this total the counts are recomputed in natural logarithms.</summary>
    internal const double LogSpaceThreshold = 1e300;

    /// <summary>The relative tolerance of ties in log space.</summary>
    internal const double LogTieTolerance = 1e-12;

    /// <summary>Which traversal count.</summary>
    internal enum Count
    {
        /// <summary>Search path count: N⁻(u)·N⁺(v).</summary>
        Spc,

        /// <summary>Search path link count: N⁻_all(u)·N⁺(v).</summary>
        Splc,

        /// <summary>Search path node pair: N⁻_all(u)·N⁺_all(v).</summary>
        Spnp,
    }

    /// <summary>The strongly connected components with more than one node, each as its nodes ascending, ordered by their
    /// smallest node.</summary>
    /// <param name="g">A directed graph.</param>
    /// <returns>The cyclic components (empty when the graph is acyclic, self-loops aside).</returns>
    internal static int[][] CyclicComponents(CsrGraph g)
    {
        var n = g.NodeCount;
        var labels = new int[n];
        var count = Components.Strong(g, labels);
        var size = new int[count];
        for (var v = 0; v < n; v++)
        {
            size[labels[v]]++;
        }

        var slot = new int[count];
        var k = 0;
        for (var c = 0; c < count; c++)
        {
            slot[c] = size[c] > 1 ? k++ : -1;
        }

        var result = new int[k][];
        var fill = new int[k];
        for (var c = 0; c < count; c++)
        {
            if (slot[c] >= 0)
            {
                result[slot[c]] = new int[size[c]];
            }
        }

        for (var v = 0; v < n; v++)
        {
            var s = slot[labels[v]];
            if (s >= 0)
            {
                result[s][fill[s]++] = v;
            }
        }

        // Components come numbered by smallest node and nodes are added ascending; sort by first node to be safe.
        Array.Sort(result, static (a, b) => a[0].CompareTo(b[0]));
        return result;
    }

    /// <summary>A shortest cycle through the smallest node of a cyclic component (by breadth-first search inside it).</summary>
    /// <param name="g">The graph.</param>
    /// <param name="component">The component's nodes, ascending, at least two.</param>
    /// <returns>The nodes of the cycle, the first repeated at the end.</returns>
    internal static int[] FindCycle(CsrGraph g, int[] component)
    {
        var n = g.NodeCount;
        var inside = new bool[n];
        foreach (var v in component)
        {
            inside[v] = true;
        }

        var parent = new int[n];
        Array.Fill(parent, -1);
        var s = component[0];
        var queue = new int[component.Length];
        int head = 0, tail = 0;
        queue[tail++] = s;
        parent[s] = s;
        while (head < tail)
        {
            var u = queue[head++];
            foreach (var w in g.Neighbors(u))
            {
                if (!inside[w])
                {
                    continue;
                }

                if (w == s)
                {
                    var path = new List<int> { s };
                    for (var x = u; x != s; x = parent[x])
                    {
                        path.Add(x);
                    }

                    path.Add(s);
                    path.Reverse();
                    return path.ToArray();
                }

                if (parent[w] < 0)
                {
                    parent[w] = u;
                    queue[tail++] = w;
                }
            }
        }

        throw new InvalidOperationException("The component has no cycle through its smallest node; it is not strongly connected.");
    }

    /// <summary>Breaks every cycle (DESIGN §0): inside each cyclic component, first drop the arcs whose source is newer than
    /// their target (both years known); then, while a cycle remains, drop its arc with the largest (source, target).</summary>
    /// <param name="g">The graph (simple, rows sorted).</param>
    /// <param name="components">Its cyclic components (<see cref="CyclicComponents"/>).</param>
    /// <param name="years">Each node's year, <see cref="UnknownYear"/> when unknown; empty when there are none.</param>
    /// <param name="cancellationToken">Checked once per component and per refinement.</param>
    /// <returns>The dropped entries ascending, with their reasons and component indices.</returns>
    internal static (int[] Entries, byte[] Reasons, int[] Components) BreakCycles(CsrGraph g, int[][] components, ReadOnlySpan<int> years,
        CancellationToken cancellationToken)
    {
        var n = g.NodeCount;
        var offsets = g.Offsets;
        var targets = g.Targets;
        var comp = new int[n];
        Array.Fill(comp, -1);
        for (var c = 0; c < components.Length; c++)
        {
            foreach (var v in components[c])
            {
                comp[v] = c;
            }
        }

        var removed = new bool[g.EntryCount];
        var reason = new byte[g.EntryCount];
        var owner = new int[g.EntryCount];
        var local = new int[n];
        Array.Fill(local, -1);
        var hasYears = years.Length == n;
        var ls = new List<int>();
        var lt = new List<int>();
        var le = new List<int>();
        var work = new Stack<int[]>();
        for (var c = 0; c < components.Length; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (hasYears)
            {
                foreach (var u in components[c])
                {
                    for (var e = offsets[u]; e < offsets[u + 1]; e++)
                    {
                        var v = targets[e];
                        if (comp[v] == c && years[u] != UnknownYear && years[v] != UnknownYear && years[u] > years[v])
                        {
                            (removed[e], reason[e], owner[e]) = (true, CitesNewer, c);
                        }
                    }
                }
            }

            work.Push(components[c]);
            while (work.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var nodes = work.Pop();
                for (var i = 0; i < nodes.Length; i++)
                {
                    local[nodes[i]] = i;
                }

                ls.Clear();
                lt.Clear();
                le.Clear();
                foreach (var u in nodes)
                {
                    for (var e = offsets[u]; e < offsets[u + 1]; e++)
                    {
                        var v = targets[e];
                        if (!removed[e] && local[v] >= 0)
                        {
                            ls.Add(local[u]);
                            lt.Add(local[v]);
                            le.Add(e);
                        }
                    }
                }

                var sub = CsrGraph.Build(ls.ToArray(), lt.ToArray(), [], nodes.Length, directed: true, ParallelLinkPolicy.First, SelfLoopPolicy.Ignore);
                var subComponents = CyclicComponents(sub);
                if (subComponents.Length > 0)
                {
                    var label = new int[nodes.Length];
                    Array.Fill(label, -1);
                    for (var k = 0; k < subComponents.Length; k++)
                    {
                        foreach (var x in subComponents[k])
                        {
                            label[x] = k;
                        }
                    }

                    // The largest entry inside each cyclic sub-component: entries are in (source, target) order.
                    var largest = new int[subComponents.Length];
                    Array.Fill(largest, -1);
                    for (var i = 0; i < le.Count; i++)
                    {
                        var k = label[ls[i]];
                        if (k >= 0 && label[lt[i]] == k && le[i] > largest[k])
                        {
                            largest[k] = le[i];
                        }
                    }

                    for (var k = 0; k < subComponents.Length; k++)
                    {
                        var e = largest[k];
                        (removed[e], reason[e], owner[e]) = (true, LargestInCycle, c);
                        var members = new int[subComponents[k].Length];
                        for (var i = 0; i < members.Length; i++)
                        {
                            members[i] = nodes[subComponents[k][i]];
                        }

                        work.Push(members);
                    }
                }

                foreach (var u in nodes)
                {
                    local[u] = -1;
                }
            }
        }

        var count = 0;
        for (var e = 0; e < removed.Length; e++)
        {
            count += removed[e] ? 1 : 0;
        }

        var entries = new int[count];
        var reasons = new byte[count];
        var owners = new int[count];
        var j = 0;
        for (var e = 0; e < removed.Length; e++)
        {
            if (removed[e])
            {
                (entries[j], reasons[j], owners[j]) = (e, reason[e], owner[e]);
                j++;
            }
        }

        return (entries, reasons, owners);
    }

    /// <summary>The source node of every entry (arc) of a CSR graph.</summary>
    /// <param name="g">The graph.</param>
    /// <returns>The source by entry.</returns>
    internal static int[] EntrySources(CsrGraph g)
    {
        var s = new int[g.EntryCount];
        var offsets = g.Offsets;
        for (var u = 0; u < g.NodeCount; u++)
        {
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                s[e] = u;
            }
        }

        return s;
    }

    /// <summary>The traversal counts of a DAG.</summary>
    internal sealed class Counts
    {
        /// <summary>The count of each arc (entry), or its natural logarithm when <see cref="Log"/>.</summary>
        public required double[] Weight { get; init; }

        /// <summary>The total N (the normaliser), or its natural logarithm when <see cref="Log"/>.</summary>
        public required double Total { get; init; }

        /// <summary>Whether <see cref="Weight"/> and <see cref="Total"/> are natural logarithms.</summary>
        public required bool Log { get; init; }

        /// <summary>Nodes with in-degree 0 and out-degree &gt; 0.</summary>
        public required int Sources { get; init; }

        /// <summary>Nodes with out-degree 0 and in-degree &gt; 0.</summary>
        public required int Sinks { get; init; }

        /// <summary>Nodes without arcs.</summary>
        public required int Isolated { get; init; }

        /// <summary>A topological order (Kahn, smallest ready node first among the initial ones, then FIFO).</summary>
        public required int[] Order { get; init; }

        /// <summary>The count of an arc divided by N.</summary>
        /// <param name="e">The entry.</param>
        /// <returns>The normalised count.</returns>
        public double Normalised(int e) => Log ? Math.Exp(Weight[e] - Total) : Weight[e] / Total;

        /// <summary>The count of an arc (+∞ beyond <see cref="double.MaxValue"/>).</summary>
        /// <param name="e">The entry.</param>
        /// <returns>The count.</returns>
        public double CountOf(int e) => Log ? Math.Exp(Weight[e]) : Weight[e];

        /// <summary>The natural logarithm of an arc's count.</summary>
        /// <param name="e">The entry.</param>
        /// <returns>ln count.</returns>
        public double LogCountOf(int e) => Log ? Weight[e] : Math.Log(Weight[e]);

        /// <summary>Whether two values of <see cref="Weight"/> tie: exactly equal, or in log space within a relative 1e-12.</summary>
        /// <param name="a">One value.</param>
        /// <param name="b">The other.</param>
        /// <returns>Whether they tie.</returns>
        public bool Ties(double a, double b) => Log ? Math.Abs(a - b) <= LogTieTolerance * Math.Max(1.0, Math.Abs(a)) : a == b;
    }

    /// <summary>A topological order by Kahn's algorithm, or <see langword="null"/> when the graph has a cycle.</summary>
    /// <param name="g">The graph.</param>
    /// <param name="t">Its transpose.</param>
    /// <returns>The order.</returns>
    internal static int[]? TopologicalOrder(CsrGraph g, CsrGraph t)
    {
        var n = g.NodeCount;
        var indeg = new int[n];
        var order = new int[n];
        int head = 0, tail = 0;
        for (var v = 0; v < n; v++)
        {
            indeg[v] = t.Degree(v);
            if (indeg[v] == 0)
            {
                order[tail++] = v;
            }
        }

        var offsets = g.Offsets;
        var targets = g.Targets;
        while (head < tail)
        {
            var u = order[head++];
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                if (--indeg[targets[e]] == 0)
                {
                    order[tail++] = targets[e];
                }
            }
        }

        return tail == n ? order : null;
    }

    /// <summary>Computes the traversal counts of every arc of a DAG.</summary>
    /// <param name="g">The DAG (simple, rows sorted).</param>
    /// <param name="count">Which count.</param>
    /// <param name="cancellationToken">Checked every 1024 nodes.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="InvalidOperationException">The graph has a cycle.</exception>
    internal static Counts Traverse(CsrGraph g, Count count, CancellationToken cancellationToken)
    {
        var t = g.Transpose();
        var order = TopologicalOrder(g, t) ?? throw new InvalidOperationException("Main path counts need an acyclic graph; break its cycles first.");
        var n = g.NodeCount;
        int sources = 0, sinks = 0, isolated = 0;
        for (var v = 0; v < n; v++)
        {
            var (i, o) = (t.Degree(v), g.Degree(v));
            sources += i == 0 && o > 0 ? 1 : 0;
            sinks += o == 0 && i > 0 ? 1 : 0;
            isolated += i == 0 && o == 0 ? 1 : 0;
        }

        var allStarts = count != Count.Spc;
        var allEnds = count == Count.Spnp;
        var weight = new double[g.EntryCount];
        var log = false;
        var total = Fill(g, t, order, allStarts, allEnds, false, weight, cancellationToken);
        if (!(total <= LogSpaceThreshold))
        {
            log = true;
            total = Fill(g, t, order, allStarts, allEnds, true, weight, cancellationToken);
        }

        return new Counts { Weight = weight, Total = total, Log = log, Sources = sources, Sinks = sinks, Isolated = isolated, Order = order };
    }

    /// <summary>N⁻ and N⁺ of every node (or N⁻_all and N⁺_all), in doubles, for tests and reports.</summary>
    /// <param name="g">The DAG.</param>
    /// <param name="allStarts">Every non-isolated node starts paths (N⁻_all).</param>
    /// <param name="allEnds">Every non-isolated node ends paths (N⁺_all).</param>
    /// <returns>N⁻ and N⁺ by node.</returns>
    internal static (double[] Minus, double[] Plus) NodeCounts(CsrGraph g, bool allStarts, bool allEnds)
    {
        var t = g.Transpose();
        var order = TopologicalOrder(g, t) ?? throw new InvalidOperationException("Main path counts need an acyclic graph; break its cycles first.");
        var minus = new double[g.NodeCount];
        var plus = new double[g.NodeCount];
        Fill(g, t, order, allStarts, allEnds, false, new double[g.EntryCount], CancellationToken.None, minus, plus);
        return (minus, plus);
    }

    private static double LogAdd(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        return a >= b ? a + Math.Log(1.0 + Math.Exp(b - a)) : b + Math.Log(1.0 + Math.Exp(a - b));
    }

    /// <summary>N⁻ forward and N⁺ backward in topological order, then each arc's count; returns N.</summary>
    private static double Fill(CsrGraph g, CsrGraph t, int[] order, bool allStarts, bool allEnds, bool log, double[] weight,
        CancellationToken cancellationToken, double[]? minusOut = null, double[]? plusOut = null)
    {
        var n = g.NodeCount;
        var minus = minusOut ?? new double[n];
        var plus = plusOut ?? new double[n];
        double one = log ? 0.0 : 1.0, zero = log ? double.NegativeInfinity : 0.0;
        for (var k = 0; k < n; k++)
        {
            if ((k & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var v = order[k];
            var ins = t.Neighbors(v);
            var s = allStarts || (ins.Length == 0 && g.Degree(v) > 0) ? one : zero;
            foreach (var u in ins)
            {
                s = log ? LogAdd(s, minus[u]) : s + minus[u];
            }

            minus[v] = s;
        }

        for (var k = n - 1; k >= 0; k--)
        {
            if ((k & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var v = order[k];
            var outs = g.Neighbors(v);
            var s = allEnds || (outs.Length == 0 && t.Degree(v) > 0) ? one : zero;
            foreach (var w in outs)
            {
                s = log ? LogAdd(s, plus[w]) : s + plus[w];
            }

            plus[v] = s;
        }

        var offsets = g.Offsets;
        var targets = g.Targets;
        var total = zero;
        for (var u = 0; u < n; u++)
        {
            var isolated = offsets[u + 1] == offsets[u] && t.Degree(u) == 0;
            var start = allStarts ? !isolated : t.Degree(u) == 0 && offsets[u + 1] > offsets[u];
            if (start)
            {
                total = log ? LogAdd(total, plus[u]) : total + plus[u];
            }

            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                weight[e] = log ? minus[u] + plus[targets[e]] : minus[u] * plus[targets[e]];
            }
        }

        return total;
    }

    /// <summary>The local (forward) main path: from the arc(s) with the largest count among arcs leaving sources, follow
    /// the out-arc(s) with the largest count from each head until sinks.</summary>
    /// <param name="g">The DAG.</param>
    /// <param name="c">Its counts.</param>
    /// <param name="keepAll">Keep every tied arc; otherwise the first by (source, target).</param>
    /// <returns>The entries on the path, ascending.</returns>
    internal static int[] LocalPath(CsrGraph g, Counts c, bool keepAll)
    {
        var t = g.Transpose();
        var n = g.NodeCount;
        var offsets = g.Offsets;
        var targets = g.Targets;
        var w = c.Weight;
        var best = double.NegativeInfinity;
        var any = false;
        for (var u = 0; u < n; u++)
        {
            if (t.Degree(u) != 0)
            {
                continue;
            }

            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                if (!any || w[e] > best)
                {
                    (best, any) = (w[e], true);
                }
            }
        }

        var selected = new List<int>();
        if (!any)
        {
            return [];
        }

        var queued = new bool[n];
        var queue = new Queue<int>();
        for (var u = 0; u < n && (keepAll || selected.Count == 0); u++)
        {
            if (t.Degree(u) != 0)
            {
                continue;
            }

            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                if (c.Ties(w[e], best))
                {
                    Select(e, targets[e], selected, queued, queue);
                    if (!keepAll)
                    {
                        break;
                    }
                }
            }
        }

        while (queue.Count > 0)
        {
            var h = queue.Dequeue();
            if (offsets[h + 1] == offsets[h])
            {
                continue;
            }

            var m = double.NegativeInfinity;
            for (var e = offsets[h]; e < offsets[h + 1]; e++)
            {
                m = Math.Max(m, w[e]);
            }

            for (var e = offsets[h]; e < offsets[h + 1]; e++)
            {
                if (c.Ties(w[e], m))
                {
                    Select(e, targets[e], selected, queued, queue);
                    if (!keepAll)
                    {
                        break;
                    }
                }
            }
        }

        var result = selected.ToArray();
        Array.Sort(result);
        return result;
    }

    private static void Select(int e, int head, List<int> selected, bool[] queued, Queue<int> queue)
    {
        selected.Add(e);
        if (!queued[head])
        {
            queued[head] = true;
            queue.Enqueue(head);
        }
    }

    /// <summary>The in-entries of every node: the entries (arcs) grouped by target, sources ascending within a group.</summary>
    /// <param name="g">The graph.</param>
    /// <returns>Node v's in-arcs are <c>Entries[Offsets[v] .. Offsets[v + 1])</c>.</returns>
    internal static (int[] Offsets, int[] Entries) InEntries(CsrGraph g)
    {
        var n = g.NodeCount;
        var m = g.EntryCount;
        var targets = g.Targets;
        var inOff = new int[n + 1];
        for (var e = 0; e < m; e++)
        {
            inOff[targets[e] + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            inOff[v + 1] += inOff[v];
        }

        var inEntry = new int[m];
        var fill = (int[])inOff.Clone();
        for (var e = 0; e < m; e++)
        {
            inEntry[fill[targets[e]]++] = e;
        }

        return (inOff, inEntry);
    }

    /// <summary>The global main path: the source-to-sink path(s) with the largest sum of counts, by longest-path dynamic
    /// programming in topological order. Sums use the counts, or the normalised counts in log space.</summary>
    /// <param name="g">The DAG.</param>
    /// <param name="c">Its counts.</param>
    /// <param name="keepAll">Keep every maximal path; otherwise one (the smallest sink, then the smallest predecessor at
    /// each step back).</param>
    /// <param name="sum">The largest sum of normalised counts (counts / N).</param>
    /// <returns>The entries on the path(s), ascending.</returns>
    internal static int[] GlobalPath(CsrGraph g, Counts c, bool keepAll, out double sum)
    {
        var t = g.Transpose();
        var n = g.NodeCount;
        var offsets = g.Offsets;
        var targets = g.Targets;
        var m = g.EntryCount;
        var value = new double[m];
        for (var e = 0; e < m; e++)
        {
            value[e] = c.Log ? c.Normalised(e) : c.Weight[e];
        }

        var best = new double[n];
        Array.Fill(best, double.NegativeInfinity);
        foreach (var u in c.Order)
        {
            if (t.Degree(u) == 0 && offsets[u + 1] > offsets[u])
            {
                best[u] = 0;
            }

            if (double.IsNegativeInfinity(best[u]))
            {
                continue;
            }

            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                var cand = best[u] + value[e];
                if (cand > best[targets[e]])
                {
                    best[targets[e]] = cand;
                }
            }
        }

        var top = double.NegativeInfinity;
        for (var v = 0; v < n; v++)
        {
            if (offsets[v + 1] == offsets[v] && t.Degree(v) > 0 && best[v] > top)
            {
                top = best[v];
            }
        }

        if (double.IsNegativeInfinity(top))
        {
            sum = double.NaN;
            return [];
        }

        sum = c.Log ? top : top / c.Total;

        var (inOff, inEntry) = InEntries(g);

        var sourceOf = EntrySources(g);

        var selected = new List<int>();
        var onPath = new bool[n];
        var stack = new Stack<int>();
        for (var v = 0; v < n; v++)
        {
            if (offsets[v + 1] == offsets[v] && t.Degree(v) > 0 && Same(best[v], top))
            {
                onPath[v] = true;
                stack.Push(v);
                if (!keepAll)
                {
                    break;
                }
            }
        }

        while (stack.Count > 0)
        {
            var v = stack.Pop();
            for (var k = inOff[v]; k < inOff[v + 1]; k++)
            {
                var e = inEntry[k];
                var u = sourceOf[e];
                if (double.IsNegativeInfinity(best[u]) || !Same(best[u] + value[e], best[v]))
                {
                    continue;
                }

                selected.Add(e);
                if (!onPath[u])
                {
                    onPath[u] = true;
                    stack.Push(u);
                }

                if (!keepAll)
                {
                    break;
                }
            }
        }

        var result = selected.ToArray();
        Array.Sort(result);
        return result;

        bool Same(double a, double b) => c.Log ? Math.Abs(a - b) <= LogTieTolerance * Math.Max(1.0, Math.Abs(a)) : a == b;
    }
}
