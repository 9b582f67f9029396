using System;
using System.Collections.Generic;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;
using QuikGraph;

namespace GlocalNetworks.Interop;

/// <summary>Conversions to and from QuikGraph graphs, so a network can be taken into that ecosystem and back.</summary>
/// <remarks>QuikGraph is never used inside GlocalNetworks' own kernels; these adapters copy.</remarks>
public static class QuikGraphExtensions
{
    /// <summary>The network as a QuikGraph undirected graph on innovator ids, one edge per link (parallel links kept),
    /// each edge tagged with its link index in <see cref="GlocalNetwork.Links"/>.</summary>
    /// <param name="network">The network.</param>
    /// <returns>The graph; every innovator is a vertex, isolated ones included.</returns>
    public static UndirectedGraph<string, TaggedUndirectedEdge<string, int>> ToQuikGraphUndirected(this GlocalNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var g = new UndirectedGraph<string, TaggedUndirectedEdge<string, int>>(allowParallelEdges: true);
        var inn = network.Innovators;
        AddVertices(g, inn);

        var s = network.Links.Sources;
        var t = network.Links.Targets;
        for (var k = 0; k < s.Length; k++)
        {
            string a = inn.IdOf(s[k]), b = inn.IdOf(t[k]);
            // QuikGraph's undirected edges need Source <= Target by its vertex comparer.
            if (string.CompareOrdinal(a, b) > 0)
            {
                (a, b) = (b, a);
            }

            g.AddEdge(new TaggedUndirectedEdge<string, int>(a, b, k));
        }

        return g;
    }

    /// <summary>The network as a QuikGraph bidirectional (directed) graph on innovator ids, one edge per link; an undirected
    /// link becomes two edges. Each edge is tagged with its link index.</summary>
    /// <param name="network">The network.</param>
    /// <returns>The graph.</returns>
    public static BidirectionalGraph<string, TaggedEdge<string, int>> ToQuikGraphDirected(this GlocalNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var g = new BidirectionalGraph<string, TaggedEdge<string, int>>(allowParallelEdges: true);
        var inn = network.Innovators;
        AddVertices(g, inn);

        var s = network.Links.Sources;
        var t = network.Links.Targets;
        var d = network.Links.Directed;
        for (var k = 0; k < s.Length; k++)
        {
            g.AddEdge(new TaggedEdge<string, int>(inn.IdOf(s[k]), inn.IdOf(t[k]), k));
            if (!d[k])
            {
                g.AddEdge(new TaggedEdge<string, int>(inn.IdOf(t[k]), inn.IdOf(s[k]), k));
            }
        }

        return g;
    }

    /// <summary>A CSR graph as a QuikGraph adjacency graph on node ints, with weights as tags.</summary>
    /// <param name="graph">The graph; an undirected graph gives each edge once in each direction.</param>
    /// <returns>The QuikGraph graph.</returns>
    public static AdjacencyGraph<int, TaggedEdge<int, double>> ToQuikGraph(this CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var g = new AdjacencyGraph<int, TaggedEdge<int, double>>(allowParallelEdges: false, graph.NodeCount);
        for (var v = 0; v < graph.NodeCount; v++)
        {
            g.AddVertex(v);
        }

        for (var v = 0; v < graph.NodeCount; v++)
        {
            var nb = graph.Neighbors(v);
            var w = graph.Weights(v);
            for (var k = 0; k < nb.Length; k++)
            {
                g.AddEdge(new TaggedEdge<int, double>(v, nb[k], w.IsEmpty ? 1.0 : w[k]));
            }
        }

        return g;
    }

    /// <summary>
    /// Builds a network from any QuikGraph edge list graph. Vertices become innovators, edges become links.
    /// </summary>
    /// <typeparam name="TVertex">The vertex type.</typeparam>
    /// <typeparam name="TEdge">The edge type.</typeparam>
    /// <param name="graph">The graph; its <see cref="IGraph{TVertex, TEdge}.IsDirected"/> sets the links' direction.</param>
    /// <param name="idOf">The innovator id of a vertex (unique); <see langword="null"/> uses <c>ToString()</c>.</param>
    /// <param name="weightOf">A link's weight (finite, &gt; 0); <see langword="null"/> gives 1.</param>
    /// <param name="regions">The region tree; <see langword="null"/> for an empty tree on the default ladder (every innovator in
    /// the implicit root, so every link is Global and flagged <c>ResolutionLimited</c>).</param>
    /// <param name="regionOf">The home region id of a vertex; required when <paramref name="regions"/> is given.</param>
    /// <param name="kind">The kind of every link.</param>
    /// <returns>The network.</returns>
    /// <exception cref="GlocalDataException">Duplicate ids, bad weights, self-loops or unknown regions, as from the builder.</exception>
    public static GlocalNetwork ToGlocalNetwork<TVertex, TEdge>(this IEdgeListGraph<TVertex, TEdge> graph, Func<TVertex, string>? idOf = null,
        Func<TEdge, double>? weightOf = null, RegionTree? regions = null, Func<TVertex, string>? regionOf = null, LinkKind kind = LinkKind.Other)
        where TVertex : notnull
        where TEdge : IEdge<TVertex>
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (regions is not null && regionOf is null)
        {
            throw new ArgumentException("Give regionOf together with regions: every innovator needs a home region.", nameof(regionOf));
        }

        idOf ??= static v => v?.ToString() ?? throw new ArgumentException("A vertex is null.");
        var b = GlocalNetwork.CreateBuilder();
        var tree = regions ?? RegionTree.Empty(RegionLadder.Default);
        b.WithLadder(tree.Ladder);
        foreach (var r in tree)
        {
            if (r.Id != RegionTree.ImplicitRootId)
            {
                b.AddRegion(r.Id, r.Name, r.Level.Name, r.ParentId == RegionTree.ImplicitRootId ? null : r.ParentId, r.Centroid);
            }
        }

        var ids = new Dictionary<TVertex, string>();
        foreach (var v in graph.Vertices)
        {
            var id = idOf(v);
            ids[v] = id;
            b.AddInnovator(id, id, InnovatorKind.Other, regionOf is null ? RegionTree.ImplicitRootId : regionOf(v));
        }

        foreach (var e in graph.Edges)
        {
            b.AddLink(ids[e.Source], ids[e.Target], kind, weightOf is null ? 1.0 : weightOf(e), null, graph.IsDirected);
        }

        return b.Build();
    }

    /// <summary>Every innovator as a vertex, in index order (isolated ones included).</summary>
    private static void AddVertices(IMutableVertexSet<string> graph, InnovatorTable innovators)
    {
        for (var i = 0; i < innovators.Count; i++)
        {
            graph.AddVertex(innovators.IdOf(i));
        }
    }
}
