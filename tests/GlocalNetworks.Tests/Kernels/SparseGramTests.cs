using GlocalNetworks.Kernels;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Kernels;

public sealed class SparseGramTests
{
    /// <summary>Gustavson's row-by-row path and the dense event-by-event path give bit-identical CSR results (both sum each
    /// entry over the columns in ascending order).</summary>
    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Multiply_SparseAndDensePaths_BitIdentical(int seed, bool zeroDiagonal)
    {
        var rng = new TestRandom((ulong)seed);
        const int rows = 40, columns = 300;
        var offsets = new int[rows + 1];
        var indices = new System.Collections.Generic.List<int>();
        var values = new System.Collections.Generic.List<double>();
        for (var i = 0; i < rows; i++)
        {
            for (var e = 0; e < columns; e++)
            {
                if (rng.Chance(0.05))
                {
                    indices.Add(e);
                    values.Add(rng.Next(1, 9) / 3.0);
                }
            }

            offsets[i + 1] = indices.Count;
        }

        var sparse = SparseGram.Multiply(rows, columns, offsets, indices.ToArray(), values.ToArray(), zeroDiagonal, denseLimit: 0);
        var dense = SparseGram.Multiply(rows, columns, offsets, indices.ToArray(), values.ToArray(), zeroDiagonal, denseLimit: long.MaxValue);

        Assert.Equal(sparse.Offsets, dense.Offsets);
        Assert.Equal(sparse.Indices, dense.Indices);
        Assert.Equal(sparse.Values, dense.Values);
        Assert.True(sparse.Values.Length > 0);

        // c_00 by hand: Σ_e b_0e².
        double c00 = 0;
        for (var k = offsets[0]; k < offsets[1]; k++)
        {
            c00 += values[k] * values[k];
        }

        var first = dense.Offsets[0] < dense.Offsets[1] && dense.Indices[0] == 0 ? dense.Values[0] : 0;
        Assert.Equal(zeroDiagonal ? 0 : c00, first);
    }
}
