using System;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;

namespace GlocalNetworks.Interop;

/// <summary>Turns a <see cref="GlocalNetwork"/> into a <see cref="CsrGraph"/> on innovator indices.</summary>
public static class NetworkGraphExtensions
{
    /// <summary>Builds the CSR graph of the network's links under <paramref name="view"/>, in O(n + m).</summary>
    /// <param name="network">The network.</param>
    /// <param name="view">Direction, weighting and policies; <see langword="null"/> for <see cref="GraphView.UndirectedWeighted"/>.</param>
    /// <returns>The graph; node v is innovator v of <see cref="GlocalNetwork.Innovators"/>.</returns>
    public static CsrGraph ToCsrGraph(this GlocalNetwork network, GraphView? view = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        view ??= GraphView.UndirectedWeighted;
        var links = network.Links;
        var directed = view.Directed ?? links.AllDirected;
        var n = network.Innovators.Count;
        if (!directed || links.AllDirected)
        {
            var w = view.Weighted ? links.Weights : ReadOnlySpan<double>.Empty;
            return CsrGraph.Build(links.Sources, links.Targets, w, n, directed, view.Parallel, view.SelfLoops);
        }

        return BuildMixed(links, n, view);
    }

    // A directed view of links some of which are undirected: each undirected link becomes two arcs.
    private static CsrGraph BuildMixed(LinkTable links, int n, GraphView view)
    {
        var m = links.Count;
        var dir = links.Directed;
        var extra = 0;
        foreach (var d in dir)
        {
            extra += d ? 0 : 1;
        }

        var src = new int[m + extra];
        var dst = new int[m + extra];
        var w = view.Weighted ? new double[m + extra] : [];
        var s = links.Sources;
        var t = links.Targets;
        var lw = links.Weights;
        var k = 0;
        for (var i = 0; i < m; i++)
        {
            src[k] = s[i];
            dst[k] = t[i];
            if (w.Length != 0)
            {
                w[k] = lw[i];
            }

            k++;
            if (!dir[i])
            {
                src[k] = t[i];
                dst[k] = s[i];
                if (w.Length != 0)
                {
                    w[k] = lw[i];
                }

                k++;
            }
        }

        return CsrGraph.Build(src, dst, w, n, directed: true, view.Parallel, view.SelfLoops);
    }
}
