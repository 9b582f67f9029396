using System;
using GlocalNetworks.Evolution;
using Xunit;

namespace GlocalNetworks.Tests.Evolution;

/// <summary>The attachment exponent's slope fit: hand values, and NaN (not an exception) where a fit is undefined.</summary>
public sealed class SlopeFitTests
{
    [Fact]
    public void Fit_FourPoints_HandSlopeAndStandardError()
    {
        // x = 0..3, y = 1, 3, 2, 5: x̄ = 1.5, ȳ = 2.75, Sxx = 5, Sxy = 5.5, b = 1.1; residuals -0.1, 0.8, -1.3, 0.6 (a = 1.1):
        // SSE = 0.01 + 0.64 + 1.69 + 0.36 = 2.7, s² = 2.7 / 2 = 1.35, SE = √(1.35 / 5) = √0.27.
        var (slope, se) = SlopeFit.Fit([0, 1, 2, 3], [1, 3, 2, 5]);
        Assert.Equal(1.1, slope, 13);
        Assert.Equal(Math.Sqrt(0.27), se, 13);
    }

    [Fact]
    public void Fit_TwoPoints_SlopeWithoutStandardError()
    {
        var (slope, se) = SlopeFit.Fit([1, 3], [2, 8]);
        Assert.Equal(3, slope, 13);
        Assert.True(double.IsNaN(se));
    }

    [Theory]
    [InlineData(new double[] { }, new double[] { })]
    [InlineData(new double[] { 2 }, new double[] { 5 })]
    [InlineData(new double[] { 2, 2, 2 }, new double[] { 1, 2, 3 })]
    public void Fit_NoFit_NaNInsteadOfAnException(double[] x, double[] y)
    {
        var (slope, se) = SlopeFit.Fit(x, y);
        Assert.True(double.IsNaN(slope));
        Assert.True(double.IsNaN(se));
    }
}
