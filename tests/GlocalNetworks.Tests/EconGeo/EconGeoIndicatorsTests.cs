using System;
using GlocalNetworks.EconGeo;
using GlocalNetworks.Metrics;
using Xunit;

namespace GlocalNetworks.Tests.EconGeo;

/// <summary>Hand-computed economic-geography indicators (DESIGN 2.12) on small matrices.</summary>
public sealed class EconGeoIndicatorsTests
{
    private const double Tol = 1e-12;

    /// <summary>
    /// X (regions R1..R3 × fields F1..F3):
    ///   R1: 2 1 0   (row sum 3)
    ///   R2: 1 1 2   (row sum 4)
    ///   R3: 0 1 3   (row sum 4)
    /// column sums 3, 3, 5; T = 11.
    /// </summary>
    internal static ActivityMatrix Small() => ActivityMatrix.Create(["R1", "R2", "R3"], ["F1", "F2", "F3"],
        new double[,] { { 2, 1, 0 }, { 1, 1, 2 }, { 0, 1, 3 } });

    /// <summary>The toy network of Hidalgo and Hausmann (2009, SI Fig. S4), used in EconGeo's examples, as a binary M:
    /// C1 has P1-P4, C2 has P2, C3 has P3 and P4, C4 has P4.</summary>
    internal static ActivityMatrix HidalgoHausmann() => ActivityMatrix.Create(["C1", "C2", "C3", "C4"], ["P1", "P2", "P3", "P4"],
        new double[,] { { 1, 1, 1, 1 }, { 0, 1, 0, 0 }, { 0, 0, 1, 1 }, { 0, 0, 0, 1 } });

    [Fact]
    public void LocationQuotient_Small_HandValues()
    {
        var lq = EconGeoIndicators.LocationQuotient(Small());

        // RCA_cp = (x_cp / rs_c) / (cs_p / T)
        Assert.Equal(22.0 / 9, lq[0, 0], Tol);   // (2/3) / (3/11)
        Assert.Equal(11.0 / 9, lq[0, 1], Tol);   // (1/3) / (3/11)
        Assert.Equal(0, lq[0, 2]);
        Assert.Equal(11.0 / 12, lq[1, 0], Tol);  // (1/4) / (3/11)
        Assert.Equal(11.0 / 12, lq[1, 1], Tol);
        Assert.Equal(1.1, lq[1, 2], Tol);        // (2/4) / (5/11)
        Assert.Equal(0, lq[2, 0]);
        Assert.Equal(11.0 / 12, lq[2, 1], Tol);
        Assert.Equal(1.65, lq[2, 2], Tol);       // (3/4) / (5/11)
        Assert.Equal("location-quotient", lq.MetricId);
        Assert.Equal(["R1", "R2", "R3"], lq.RowIds);
        Assert.Equal(["F1", "F2", "F3"], lq.ColumnIds);
    }

    [Fact]
    public void Rca_RoundTo2Decimals_AsEconGeoRca()
    {
        var rca = EconGeoIndicators.Rca(Small(), new LocationQuotientOptions { RoundTo2Decimals = true });

        Assert.Equal("rca", rca.MetricId);
        double[,] expected = { { 2.44, 1.22, 0 }, { 0.92, 0.92, 1.1 }, { 0, 0.92, 1.65 } };
        for (var c = 0; c < 3; c++)
        {
            for (var p = 0; p < 3; p++)
            {
                Assert.Equal(expected[c, p], rca[c, p]);
            }
        }

        Assert.Equal("true", rca.Properties["rounded"]);
    }

    [Fact]
    public void Binary_RcaExactlyOne_IsOne()
    {
        // Every cell equal: RCA = (1/2) / (2/4) = 1 exactly, and EconGeo leaves RCA == 1 at 1.
        var x = ActivityMatrix.Create(["A", "B"], ["p", "q"], new double[,] { { 1, 1 }, { 1, 1 } });
        var m = EconGeoIndicators.Binary(x);

        Assert.Equal(4, m.NonZeroCount);
        Assert.Equal(1, m[0, 0]);
        Assert.Equal(1, EconGeoIndicators.LocationQuotient(x, new LocationQuotientOptions { Binary = true })[1, 1]);
    }

    [Fact]
    public void DiversityUbiquity_Small_FromBinaryM()
    {
        // M (RCA >= 1): R1: F1, F2; R2: F3; R3: F3.
        var d = EconGeoIndicators.Diversity(Small());
        var u = EconGeoIndicators.Ubiquity(Small());

        Assert.Equal([2, 1, 1], d.Column().ToArray());
        Assert.Equal([1, 1, 2], u.Column().ToArray());
        Assert.Equal("region", d.Level);
        Assert.Equal("field", u.KeyColumn);

        // rca = FALSE: sums of X itself.
        var raw = EconGeoIndicators.Diversity(Small(), new SpecialisationOptions { Binarise = false });
        Assert.Equal([3, 4, 4], raw.Column().ToArray());
        Assert.Equal("false", raw.Properties["binarised"]);
    }

    [Fact]
    public void Reflections_Small_HandSteps()
    {
        // k_c0 = (2, 1, 1), k_p0 = (1, 1, 2).
        // Step 1: k_c1 = average ubiquity: R1 (1 + 1)/2 = 1, R2 2, R3 2; k_p1 = average diversity: F1 2, F2 2, F3 (1 + 1)/2 = 1.
        // Step 2: k_c2: R1 (2 + 2)/2 = 2, R2 1, R3 1; k_p2: F1 1, F2 1, F3 (2 + 2)/2 = 2.
        var s1 = EconGeoIndicators.Reflections(Small(), new ReflectionsOptions { Steps = 1 });
        var s2 = EconGeoIndicators.Reflections(Small(), new ReflectionsOptions { Steps = 2 });
        var s0 = EconGeoIndicators.Reflections(Small(), new ReflectionsOptions { Steps = 0 });

        Assert.Equal([1, 2, 2], s1.Regions.Column("reflections").ToArray());
        Assert.Equal([2, 2, 1], s1.Fields.Column("reflections").ToArray());
        Assert.Equal([2, 1, 1], s2.Regions.Column("reflections").ToArray());
        Assert.Equal([1, 1, 2], s2.Fields.Column("reflections").ToArray());
        Assert.Equal([2, 1, 1], s0.Regions.Column("reflections").ToArray());
        Assert.Equal("2", s2.Properties["steps"]);
    }

    [Fact]
    public void Reflections_Rescale0To100_MinMaxOfTheLastStep()
    {
        // Hidalgo-Hausmann M: k_c0 = (4, 1, 2, 1), k_p0 = (1, 2, 2, 3).
        // k_c1 (average ubiquity): C1 (1 + 2 + 2 + 3)/4 = 2, C2 2, C3 (2 + 3)/2 = 2.5, C4 3.
        // k_p1 = (4, (4 + 1)/2, (4 + 2)/2, (4 + 2 + 1)/3) = (4, 2.5, 3, 7/3).
        // k_c2 = ((4 + 2.5 + 3 + 7/3)/4, 2.5, (3 + 7/3)/2, 7/3) = (71/24, 2.5, 8/3, 7/3).
        // k_p2 = (2, (2 + 2)/2, (2 + 2.5)/2, (2 + 2.5 + 3)/3) = (2, 2, 2.25, 2.5).
        // k_c3 = ((2 + 2 + 2.25 + 2.5)/4, 2, (2.25 + 2.5)/2, 2.5) = (2.1875, 2, 2.375, 2.5): min 2, max 2.5.
        var raw = EconGeoIndicators.Reflections(HidalgoHausmann(), new ReflectionsOptions { Steps = 3, Binarise = false });
        var scaled = EconGeoIndicators.Reflections(HidalgoHausmann(), new ReflectionsOptions { Steps = 3, Binarise = false, Rescale0To100 = true });

        Assert.Equal([2.1875, 2, 2.375, 2.5], raw.Regions.Column("reflections").ToArray());
        Assert.Equal([37.5, 0, 75, 100], scaled.Regions.Column("reflections").ToArray());
        Assert.Equal("true", scaled.Properties["rescaled"]);

        // Steps 1 and 2 are never rescaled (EconGeo rescales from step 3).
        var two = EconGeoIndicators.Reflections(HidalgoHausmann(), new ReflectionsOptions { Steps = 2, Binarise = false, Rescale0To100 = true });
        Assert.Equal(71.0 / 24, two.Regions["C1", "reflections"], Tol);
        Assert.Equal("false", two.Properties["rescaled"]);
    }

    [Fact]
    public void Complexity_HidalgoHausmann_SymmetricEigenvector()
    {
        // S = A Aᵀ with A_cp = M_cp / sqrt(k_c0 k_p0) has eigenvalues 1, 0.54213371, 0.19015430, 0.10104532 (numpy.linalg.eigh);
        // v = D^-1/2 u for the second, standardised, sign by positive correlation with diversity (numpy, same steps).
        var r = EconGeoIndicators.Complexity(HidalgoHausmann(), new ComplexityOptions { Binarise = false });

        double[] eci = [-0.06525769, -1.38816603, 0.64760358, 0.80582014];
        double[] pci = [0.10591216, 1.36276985, -0.57135711, -0.89732491];
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(eci[i], r.Regions[i, "eci"], 1e-7);
            Assert.Equal(pci[i], r.Fields[i, "pci"], 1e-7);
        }

        Assert.Equal(0.54213371, double.Parse(r.Properties["eigenvalue"], System.Globalization.CultureInfo.InvariantCulture), 1e-7);
        Assert.Equal([4, 1, 2, 1], r.Regions.Column("diversity").ToArray());
        Assert.Equal([1, 2, 2, 3], r.Fields.Column("ubiquity").ToArray());
    }

    [Fact]
    public void Complexity_EconGeoNormalisation_TranscribedKci()
    {
        // EconGeo 2.1 kci(): CC = round(D⁻¹MU⁻¹Mᵀ, 4), R eigen (2nd by modulus), v / sum(v), flip if cor(kci, morc(mat, 20)) < 0;
        // tci(): round(U⁻¹MᵀD⁻¹M, 4), v / sum(v), flip if Spearman cor(tci, ubiquity) > 0. Values from a numpy transcription.
        var r = EconGeoIndicators.Complexity(HidalgoHausmann(), new ComplexityOptions { Binarise = false, Normalisation = KciNormalisation.EconGeo });

        double[] kci = [0.5394123, 6.39952966, -2.61941621, -3.31952575];
        double[] tci = [0.46113152, 2.96597318, -0.88864871, -1.53845598];
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(kci[i], r.Regions[i, "eci"], 1e-3);
            Assert.Equal(tci[i], r.Fields[i, "pci"], 1e-3);
        }

        Assert.Equal("EconGeo", r.Properties["normalisation"]);
    }

    [Fact]
    public void Complexity_DroppedRegion_IsNaN()
    {
        // Region Z has no activity: dropped (NaN), the others as without it.
        var x = ActivityMatrix.Create(["C1", "C2", "C3", "C4", "Z"], ["P1", "P2", "P3", "P4"],
            new double[,] { { 1, 1, 1, 1 }, { 0, 1, 0, 0 }, { 0, 0, 1, 1 }, { 0, 0, 0, 1 }, { 0, 0, 0, 0 } });
        var r = EconGeoIndicators.Complexity(x, new ComplexityOptions { Binarise = false });

        Assert.True(double.IsNaN(r.Regions["Z", "eci"]));
        Assert.True(double.IsNaN(r.Regions["Z", "reflections"]));
        Assert.Equal(-1.38816603, r.Regions["C2", "eci"], 1e-7);
        Assert.Equal("1", r.Properties["dropped-regions"]);
    }

    [Fact]
    public void Complexity_OneRegion_IsNaN()
    {
        var x = ActivityMatrix.Create(["A"], ["p", "q"], new double[,] { { 1, 2 } });
        var r = EconGeoIndicators.Complexity(x);

        Assert.True(double.IsNaN(r.Regions[0, "eci"]));
    }

    /// <summary>Incidence B (fields × events, binary): F1 in e1, e2; F2 in e1, e3; F3 in e1, e2, e3.</summary>
    internal static ActivityMatrix Incidence() => ActivityMatrix.Create(["F1", "F2", "F3"], ["e1", "e2", "e3"],
        new double[,] { { 1, 1, 0 }, { 1, 0, 1 }, { 1, 1, 1 } }, "field");

    [Fact]
    public void CoOccurrence_Incidence_SparseProductZeroDiagonal()
    {
        // c12 = |{e1}| = 1, c13 = |{e1, e2}| = 2, c23 = |{e1, e3}| = 2; diagonal 0.
        var c = EconGeoIndicators.CoOccurrence(Incidence());

        Assert.Equal(0, c[0, 0]);
        Assert.Equal(1, c[0, 1]);
        Assert.Equal(2, c[0, 2]);
        Assert.Equal(2, c[1, 2]);
        Assert.Equal(2, c[2, 1]);
        Assert.Equal(0, c[2, 2]);
        Assert.Equal(["F1", "F2", "F3"], c.RowIds);
        Assert.False(c.ToMatrix().Storage.IsDense);

        // Values: an event weight 2 on F1 and F3 makes c13 = 1·1 + 2·2 = 5 unless counted binary.
        var w = ActivityMatrix.Create(["F1", "F3"], ["e1", "e2"], new double[,] { { 1, 2 }, { 1, 2 } });
        Assert.Equal(5, EconGeoIndicators.CoOccurrence(w)[0, 1]);
        Assert.Equal(2, EconGeoIndicators.CoOccurrence(w, binary: true)[0, 1]);
    }

    [Theory]
    // s = (3, 3, 4), T = 2 (1 + 2 + 2) = 10.
    [InlineData(RelatednessMethod.Association, 10.0 / 9, 20.0 / 12, 20.0 / 12)]        // c T / (s_i s_j)
    [InlineData(RelatednessMethod.Cosine, 1.0 / 3, 0.57735026918962573, 0.57735026918962573)] // c / sqrt(s_i s_j): 1/3, 2/sqrt 12
    [InlineData(RelatednessMethod.Jaccard, 0.2, 0.4, 0.4)]                              // 1/(3+3-1), 2/(3+4-2)
    [InlineData(RelatednessMethod.Probability, 7.0 / 9, 14.0 / 13, 14.0 / 13)]          // 1/((3/10·3/7)·2·5); 2/((3/10·4/7 + 4/10·3/6)·5)
    public void Relatedness_Methods_HandValues(RelatednessMethod method, double r12, double r13, double r23)
    {
        var phi = EconGeoIndicators.Relatedness(EconGeoIndicators.CoOccurrence(Incidence()), new RelatednessOptions { Method = method });

        Assert.Equal(r12, phi[0, 1], Tol);
        Assert.Equal(r13, phi[0, 2], Tol);
        Assert.Equal(r23, phi[1, 2], Tol);
        Assert.Equal(r12, phi[1, 0], Tol);
        Assert.Equal(0, phi[1, 1]);
        Assert.Equal(method.ToString(), phi.Properties["method"]);
    }

    [Fact]
    public void Relatedness_DefaultIsAssociation()
    {
        var phi = EconGeoIndicators.Relatedness(EconGeoIndicators.CoOccurrence(Incidence()));

        Assert.Equal("Association", phi.Properties["method"]);
        Assert.Equal(10.0 / 9, phi[0, 1], Tol);
    }

    [Fact]
    public void Proximity_Small_MinConditionalProbability()
    {
        // M: R1 {F1, F2}, R2 {F3}, R3 {F3}; k_p0 = (1, 1, 2). F1 and F2 co-occur once: φ12 = 1 / max(1, 1) = 1; others 0.
        var phi = EconGeoIndicators.Proximity(Small());

        Assert.Equal(1, phi[0, 1]);
        Assert.Equal(1, phi[1, 0]);
        Assert.Equal(0, phi[0, 2]);
        Assert.Equal(0, phi[0, 0]);
        Assert.Equal("Proximity", phi.Properties["method"]);

        // Hidalgo-Hausmann M: P3 and P4 share C1 and C3, k = (2, 3): φ34 = 2/3; P1 and P4 share C1: 1/3.
        var hh = EconGeoIndicators.Proximity(HidalgoHausmann(), new SpecialisationOptions { Binarise = false });
        Assert.Equal(2.0 / 3, hh[2, 3], Tol);
        Assert.Equal(1.0 / 3, hh[0, 3], Tol);
    }

    [Fact]
    public void RelatednessDensity_Small_HandValues()
    {
        // φ = association over F1..F3: φ12 = 10/9, φ13 = φ23 = 5/3; column sums: F1 25/9, F2 25/9, F3 10/3.
        // M: R1 {F1, F2}, R2 {F3}, R3 {F3}.
        // R1: F1 100·φ21/(25/9) = 40, F2 40, F3 100·(φ13 + φ23)/(10/3) = 100. R2, R3: F1 100·φ31/(25/9) = 60, F2 60, F3 0.
        var phi = EconGeoIndicators.Relatedness(EconGeoIndicators.CoOccurrence(Incidence()));
        var rd = EconGeoIndicators.RelatednessDensity(Small(), phi);

        double[,] expected = { { 40, 40, 100 }, { 60, 60, 0 }, { 60, 60, 0 } };
        for (var c = 0; c < 3; c++)
        {
            for (var p = 0; p < 3; p++)
            {
                Assert.Equal(expected[c, p], rd[c, p], 1e-12);
            }
        }

        Assert.Equal("relatedness-density", rd.MetricId);
    }

    [Fact]
    public void RelatednessDensity_FieldsMatchedById_AndRounding()
    {
        // φ listed in another order (F3, F1, F2): the same density.
        var phi = EconGeoIndicators.Relatedness(EconGeoIndicators.CoOccurrence(ActivityMatrix.Create(["F3", "F1", "F2"], ["e1", "e2", "e3"],
            new double[,] { { 1, 1, 1 }, { 1, 1, 0 }, { 1, 0, 1 } })));
        var rd = EconGeoIndicators.RelatednessDensity(Small(), phi);
        Assert.Equal(40, rd[0, 0], 1e-12);
        Assert.Equal(100, rd[0, 2], 1e-12);

        // Unrelated field: Σφ = 0 gives NaN. φ with only F1-F2 related (proximity of Small()).
        var prox = EconGeoIndicators.Proximity(Small());
        var d = EconGeoIndicators.RelatednessDensity(Small(), prox, new RelatednessDensityOptions { RoundTo2Decimals = true });
        Assert.Equal(100, d[0, 0]);   // R1 has F2, the one field related to F1
        Assert.True(double.IsNaN(d[0, 2]));

        var missing = EconGeoIndicators.Relatedness(EconGeoIndicators.CoOccurrence(ActivityMatrix.Create(["F1", "F2"], ["e"], new double[,] { { 1 }, { 1 } })));
        var ex = Assert.Throws<ArgumentException>(() => EconGeoIndicators.RelatednessDensity(Small(), missing));
        Assert.Contains("'F3'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RelatednessDensity_RoundTo2_ThirdsRounded()
    {
        // Three related fields with equal φ: a region with one of the two others has density 100/2 = 50; with φ all 1 and a
        // field related to three others, one of three gives 33.333... -> 33.33.
        var x = ActivityMatrix.Create(["A", "B"], ["p", "q", "r", "s"], new double[,] { { 1, 0, 0, 0 }, { 0, 1, 1, 1 } });
        var ones = new MatrixResult("relatedness", ["p", "q", "r", "s"], ["p", "q", "r", "s"],
            MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(4, 4, (i, j) => i == j ? 0 : 1));
        var rd = EconGeoIndicators.RelatednessDensity(x, ones, new RelatednessDensityOptions { Binarise = false, RoundTo2Decimals = true });

        Assert.Equal(33.33, rd[0, 1]);   // A has p among q's three related fields (p, r, s)
        Assert.Equal(66.67, rd[1, 1]);   // B has r and s
    }

    [Fact]
    public void Concentration_Small_HandValues()
    {
        var h = EconGeoIndicators.Herfindahl(Small());
        var e = EconGeoIndicators.Entropy(Small());
        var g = EconGeoIndicators.Gini(Small());

        // H: R1 (4 + 1)/9, R2 (1 + 1 + 4)/16, R3 (1 + 9)/16.
        Assert.Equal(5.0 / 9, h[0], Tol);
        Assert.Equal(0.375, h[1], Tol);
        Assert.Equal(0.625, h[2], Tol);

        // Entropy (base 2): R1 q = (2/3, 1/3); R2 (1/4, 1/4, 1/2) = 0.5 + 0.5 + 0.5; R3 (1/4, 3/4).
        Assert.Equal(0.91829583405448956, e[0], Tol);
        Assert.Equal(1.5, e[1], Tol);
        Assert.Equal(0.81127812445913283, e[2], Tol);
        Assert.Equal("2", e.Properties["base"]);

        // Gini over regions: F1 (2, 1, 0): Σ|xi - xj| = 8 over ordered pairs / (2·9·1) = 4/9; F2 (1, 1, 1): 0;
        // F3 (0, 2, 3): 2·(1·0 + 2·2 + 3·3)/(3·5) - 4/3 = 26/15 - 20/15 = 0.4.
        Assert.Equal(4.0 / 9, g[0], Tol);
        Assert.Equal(0, g[1], Tol);
        Assert.Equal(0.4, g[2], Tol);
        Assert.Equal("field", g.KeyColumn);
    }

    [Fact]
    public void Concentration_EmptyRegionAndField_NaN()
    {
        var x = ActivityMatrix.Create(["A", "B"], ["p", "q"], new double[,] { { 1, 0 }, { 0, 0 } });

        Assert.True(double.IsNaN(EconGeoIndicators.Herfindahl(x)[1]));
        Assert.True(double.IsNaN(EconGeoIndicators.Entropy(x)[1]));
        Assert.True(double.IsNaN(EconGeoIndicators.Gini(x)[1]));
        Assert.Equal(0, EconGeoIndicators.Entropy(x)[0]);   // one field: -1·log 1 = 0 exactly
        Assert.Throws<ArgumentOutOfRangeException>(() => EconGeoIndicators.Entropy(x, 1));
    }

    [Fact]
    public void LocationQuotient_EmptyRowAndColumn_Zero()
    {
        var x = ActivityMatrix.Create(["A", "B"], ["p", "q"], new double[,] { { 1, 0 }, { 0, 0 } });
        var lq = EconGeoIndicators.LocationQuotient(x);

        Assert.Equal(1, lq[0, 0]);
        Assert.Equal(0, lq[1, 0]);
        Assert.Equal(0, lq[1, 1]);
        Assert.Equal(0, lq[0, 1]);
    }
}
