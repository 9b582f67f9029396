using System;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.Interop;

/// <summary>Conversions to MathNet.Numerics sparse matrices.</summary>
public static class MathNetExtensions
{
    /// <summary>The weighted adjacency matrix A (A[u, v] = weight of entry u→v; 1 when unweighted) as a sparse CSR matrix.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>An n × n sparse matrix sharing no storage with the graph.</returns>
    public static Matrix<double> ToSparseMatrix(this CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var nnz = graph.EntryCount;
        var rowPointers = graph.Offsets.ToArray();
        var columns = graph.Targets.ToArray();
        double[] values;
        if (graph.IsWeighted)
        {
            values = graph.AllWeights.ToArray();
        }
        else
        {
            values = new double[nnz];
            Array.Fill(values, 1.0);
        }

        return Matrix<double>.Build.SparseFromCompressedSparseRowFormat(n, n, nnz, rowPointers, columns, values);
    }

    /// <summary>The network's adjacency matrix under <paramref name="view"/>; rows and columns are innovator indices.</summary>
    /// <param name="network">The network.</param>
    /// <param name="view">The graph view; <see langword="null"/> for undirected, weighted, parallel links summed.</param>
    /// <returns>An n × n sparse matrix.</returns>
    public static Matrix<double> ToAdjacencyMatrix(this GlocalNetwork network, GraphView? view = null) =>
        network.ToCsrGraph(view).ToSparseMatrix();

    /// <summary>Builds a CSR graph from the non-zero entries of a square matrix (zeros are not entries).</summary>
    /// <param name="matrix">A square matrix with finite, non-negative entries.</param>
    /// <param name="directed">Whether to read it as directed; an undirected read uses the upper triangle and the diagonal and requires symmetry.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentException">The matrix is not square, has a negative or non-finite entry, or is not symmetric when read as undirected.</exception>
    public static CsrGraph ToCsrGraph(this Matrix<double> matrix, bool directed)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.RowCount != matrix.ColumnCount)
        {
            throw new ArgumentException($"The matrix is {matrix.RowCount} x {matrix.ColumnCount}; an adjacency matrix is square.", nameof(matrix));
        }

        var src = new System.Collections.Generic.List<int>();
        var dst = new System.Collections.Generic.List<int>();
        var w = new System.Collections.Generic.List<double>();
        foreach (var (i, j, v) in matrix.EnumerateIndexed(Zeros.AllowSkip))
        {
            if (v == 0)
            {
                continue;
            }

            if (!(v > 0) || !double.IsFinite(v))
            {
                throw new ArgumentException($"Entry ({i}, {j}) is {v}; adjacency entries must be finite and >= 0.", nameof(matrix));
            }

            if (!directed)
            {
                if (matrix[j, i] != v)
                {
                    throw new ArgumentException($"Entry ({i}, {j}) = {v} but ({j}, {i}) = {matrix[j, i]}; an undirected read needs a symmetric matrix.", nameof(matrix));
                }

                if (j < i)
                {
                    continue;
                }
            }

            src.Add(i);
            dst.Add(j);
            w.Add(v);
        }

        return CsrGraph.Build(src.ToArray(), dst.ToArray(), w.ToArray(), matrix.RowCount, directed, ParallelLinkPolicy.Sum, SelfLoopPolicy.Keep);
    }
}
