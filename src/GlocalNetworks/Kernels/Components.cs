using System;

namespace GlocalNetworks.Kernels;

/// <summary>Connected components on CSR graphs: weak (union-find, O(m α(n))) and strong (iterative Tarjan, O(n + m)).</summary>
public static class Components
{
    /// <summary>Labels each node with its weakly connected component (components of an undirected graph), numbered
    /// 0, 1, ... in order of their smallest node.</summary>
    /// <param name="graph">The graph (direction ignored).</param>
    /// <param name="labels">Receives the component of each node; length n.</param>
    /// <returns>The number of components.</returns>
    public static int Weak(CsrGraph graph, Span<int> labels)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (labels.Length < n)
        {
            throw new ArgumentException("labels must have one entry per node.", nameof(labels));
        }

        var parent = new int[n];
        for (var v = 0; v < n; v++)
        {
            parent[v] = v;
        }

        var targets = graph.Targets;
        var offsets = graph.Offsets;
        for (var u = 0; u < n; u++)
        {
            for (var k = offsets[u]; k < offsets[u + 1]; k++)
            {
                var a = Find(parent, u);
                var b = Find(parent, targets[k]);
                if (a != b)
                {
                    // Union by smaller index keeps roots canonical (the smallest node of the component).
                    if (a < b)
                    {
                        parent[b] = a;
                    }
                    else
                    {
                        parent[a] = b;
                    }
                }
            }
        }

        var count = 0;
        var id = new int[n];
        for (var v = 0; v < n; v++)
        {
            var r = Find(parent, v);
            if (r == v)
            {
                id[v] = count++;
            }

            labels[v] = id[r];
        }

        return count;
    }

    /// <summary>Labels each node with its strongly connected component (iterative Tarjan), numbered in order of their smallest node.</summary>
    /// <param name="graph">A directed graph (an undirected graph gives its connected components).</param>
    /// <param name="labels">Receives the component of each node; length n.</param>
    /// <returns>The number of components.</returns>
    public static int Strong(CsrGraph graph, Span<int> labels)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (labels.Length < n)
        {
            throw new ArgumentException("labels must have one entry per node.", nameof(labels));
        }

        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        var stack = new int[n];
        var callNode = new int[n];
        var callEdge = new int[n];
        var raw = new int[n];
        Array.Fill(index, -1);
        int sp = 0, next = 0, count = 0;
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        for (var s = 0; s < n; s++)
        {
            if (index[s] >= 0)
            {
                continue;
            }

            var depth = 0;
            callNode[0] = s;
            callEdge[0] = offsets[s];
            index[s] = low[s] = next++;
            stack[sp++] = s;
            onStack[s] = true;
            while (depth >= 0)
            {
                var v = callNode[depth];
                if (callEdge[depth] < offsets[v + 1])
                {
                    var w = targets[callEdge[depth]++];
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = next++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = offsets[w];
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack[--sp];
                        onStack[w] = false;
                        raw[w] = count;
                    }
                    while (w != v);
                    count++;
                }

                depth--;
                if (depth >= 0)
                {
                    var parent = callNode[depth];
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        // Renumber by smallest node, for a labelling independent of traversal details.
        var map = new int[count];
        Array.Fill(map, -1);
        var k = 0;
        for (var v = 0; v < n; v++)
        {
            if (map[raw[v]] < 0)
            {
                map[raw[v]] = k++;
            }

            labels[v] = map[raw[v]];
        }

        return count;
    }

    private static int Find(int[] parent, int v)
    {
        while (parent[v] != v)
        {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }

        return v;
    }
}
