using System.Linq;
using GlocalNetworks.Interop;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;
using MathNet.Numerics.LinearAlgebra;
using QuikGraph;
using Xunit;

namespace GlocalNetworks.Tests.Interop;

public sealed class InteropTests
{
    private static GlocalNetwork Sample(bool mixed = false) => GlocalNetwork.CreateBuilder()
        .AddRegion("X", "X", "city")
        .AddInnovator("a", "A", InnovatorKind.Firm, "X")
        .AddInnovator("b", "B", InnovatorKind.Firm, "X")
        .AddInnovator("c", "C", InnovatorKind.University, "X")
        .AddInnovator("d", "D", InnovatorKind.Other, "X")
        .AddLink("a", "b", LinkKind.CoPatent, 2, 2010)
        .AddLink("b", "a", LinkKind.CoPatent, 3, 2011)
        .AddLink("b", "c", LinkKind.Citation, 1.5, 2012, directed: mixed)
        .Build();

    [Fact]
    public void ToCsrGraph_Undirected_SumsParallelLinksAcrossDirections()
    {
        var g = Sample().ToCsrGraph();

        Assert.False(g.IsDirected);
        Assert.Equal(4, g.NodeCount);
        Assert.Equal(2, g.EdgeCount);
        Assert.Equal(5.0, g.WeightOf(0, 1));
        Assert.Equal(5.0, g.WeightOf(1, 0));
        Assert.Equal(0, g.Degree(3));
    }

    [Fact]
    public void ToCsrGraph_DirectedViewOfMixedLinks_UndirectedLinksBecomeTwoArcs()
    {
        var g = Sample(mixed: true).ToCsrGraph(GraphView.DirectedWeighted);

        Assert.True(g.IsDirected);
        // a-b (2) and b-a (3) are undirected: each gives an arc both ways, summed to 5 per direction.
        Assert.Equal(5.0, g.WeightOf(0, 1));
        Assert.Equal(5.0, g.WeightOf(1, 0));
        Assert.Equal(1.5, g.WeightOf(1, 2));
        Assert.Equal(0.0, g.WeightOf(2, 1));
    }

    [Fact]
    public void ToCsrGraph_AutoDirection_DirectedOnlyWhenAllLinksAre()
    {
        var view = GraphView.UndirectedWeighted with { Directed = null };

        Assert.False(Sample(mixed: true).ToCsrGraph(view).IsDirected);
        var allDirected = GlocalNetwork.CreateBuilder().AddRegion("X", "X", "city")
            .AddInnovator("a", "A", InnovatorKind.Firm, "X").AddInnovator("b", "B", InnovatorKind.Firm, "X")
            .AddLink("a", "b", LinkKind.Citation, directed: true).Build();
        Assert.True(allDirected.ToCsrGraph(view).IsDirected);
    }

    [Fact]
    public void ToCsrGraph_UnweightedView_HasNoWeights()
    {
        var g = Sample().ToCsrGraph(GraphView.UndirectedUnweighted);

        Assert.False(g.IsWeighted);
        Assert.Equal(1.0, g.WeightOf(0, 1));
    }

    [Fact]
    public void ToAdjacencyMatrix_MatchesCsrEntries()
    {
        var m = Sample().ToAdjacencyMatrix();

        Assert.Equal(4, m.RowCount);
        Assert.Equal(5.0, m[0, 1]);
        Assert.Equal(5.0, m[1, 0]);
        Assert.Equal(1.5, m[1, 2]);
        Assert.Equal(0.0, m[0, 2]);
        Assert.Equal(13.0, m.Enumerate().Sum());
    }

    [Fact]
    public void Matrix_ToCsrGraph_RoundTrips()
    {
        var g = Sample().ToCsrGraph();
        var back = g.ToSparseMatrix().ToCsrGraph(directed: false);

        Assert.Equal(g.Offsets.ToArray(), back.Offsets.ToArray());
        Assert.Equal(g.Targets.ToArray(), back.Targets.ToArray());
        Assert.Equal(g.AllWeights.ToArray(), back.AllWeights.ToArray());
    }

    [Fact]
    public void Matrix_ToCsrGraph_RejectsAsymmetricAndNegative()
    {
        var asym = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1 }, { 2, 0 } });
        var neg = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, -1 }, { -1, 0 } });

        Assert.Contains("symmetric", Assert.Throws<System.ArgumentException>(() => asym.ToCsrGraph(false)).Message, System.StringComparison.Ordinal);
        Assert.Equal(2, asym.ToCsrGraph(true).EdgeCount);
        Assert.Contains("finite and >= 0", Assert.Throws<System.ArgumentException>(() => neg.ToCsrGraph(true)).Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void QuikGraph_Undirected_OneEdgePerLinkTaggedWithIndex()
    {
        var net = Sample();
        var g = net.ToQuikGraphUndirected();

        Assert.Equal(4, g.VertexCount);
        Assert.Equal(3, g.EdgeCount);
        Assert.Equal(new[] { 0, 1, 2 }, g.Edges.Select(e => e.Tag).OrderBy(t => t));
        Assert.Equal(2, g.AdjacentDegree("b") - 1); // b has links to a (twice) and c
    }

    [Fact]
    public void QuikGraph_RoundTrip_PreservesLinksAndWeights()
    {
        var net = Sample();
        var q = net.ToQuikGraphDirected();
        var back = q.ToGlocalNetwork(weightOf: e => net.Links.Weights[e.Tag]);

        Assert.Equal(4, back.Innovators.Count);
        Assert.Equal(6, back.Links.Count); // each undirected link became two arcs
        Assert.True(back.Links.AllDirected);
        var csr = back.ToCsrGraph(GraphView.DirectedWeighted);
        Assert.Equal(2.0 + 3.0, csr.WeightOf(back.Innovators.IndexOf("a"), back.Innovators.IndexOf("b")));
        Assert.All(back.Innovators, i => Assert.Equal(RegionTree.ImplicitRootId, i.RegionId));
    }

    [Fact]
    public void QuikGraph_FromForeignGraph_WithRegions()
    {
        var g = new UndirectedGraph<int, UndirectedEdge<int>>();
        g.AddVerticesAndEdge(new UndirectedEdge<int>(1, 2));
        g.AddVerticesAndEdge(new UndirectedEdge<int>(2, 3));
        var tree = RegionTree.Build([
            new Region("w", "World", RegionLadder.Default.GetLevel("world"), null),
            new Region("A", "A", RegionLadder.Default.GetLevel("city"), "w"),
            new Region("B", "B", RegionLadder.Default.GetLevel("city"), "w"),
        ], RegionLadder.Default);

        var net = g.ToGlocalNetwork(regions: tree, regionOf: v => v == 3 ? "B" : "A");

        Assert.Equal(2, net.Links.Count);
        Assert.Equal(new[] { Scale.Local, Scale.Global }, net.LinkScales.ToArray().OrderBy(s => s));
    }

    [Fact]
    public void CsrGraph_ToQuikGraph_HasEveryEntry()
    {
        var g = Sample().ToCsrGraph();
        var q = g.ToQuikGraph();

        Assert.Equal(4, q.VertexCount);
        Assert.Equal(g.EntryCount, q.EdgeCount);
        Assert.Contains(q.Edges, e => e.Source == 0 && e.Target == 1 && e.Tag == 5.0);
    }
}
