using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Glocal;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Comparison;

/// <summary>Options of <see cref="Qap.Correlation(MathNet.Numerics.LinearAlgebra.Matrix{double}, MathNet.Numerics.LinearAlgebra.Matrix{double}, QapOptions?, int?, System.Threading.CancellationToken)"/>.</summary>
public sealed record QapOptions
{
    /// <summary>The number of permutations R.</summary>
    /// <value>The default value is 1000 (as sna's <c>qaptest(reps = 1000)</c>).</value>
    public int Permutations { get; init; } = 1000;

    /// <summary>The seed; replicate k draws from <c>DeterministicRandom(Seed, k)</c>.</summary>
    /// <value>The default value is 42.</value>
    public ulong Seed { get; init; } = DeterministicRandom.DefaultSeed;

    /// <summary>The dyads used.</summary>
    /// <value>The default value is <see cref="DyadMode.Directed"/> (sna's <c>mode = "digraph"</c>).</value>
    public DyadMode Mode { get; init; } = DyadMode.Directed;
}

/// <summary>Options of <see cref="Qap.Mrqap(MathNet.Numerics.LinearAlgebra.Matrix{double}, IReadOnlyList{MathNet.Numerics.LinearAlgebra.Matrix{double}}, MrqapOptions?, int?, System.Threading.CancellationToken)"/>.</summary>
public sealed record MrqapOptions
{
    /// <summary>The number of permutations R per term.</summary>
    /// <value>The default value is 1000 (as sna's <c>netlm(reps = 1000)</c>).</value>
    public int Permutations { get; init; } = 1000;

    /// <summary>The seed; replicate k of every term draws from <c>DeterministicRandom(Seed, k)</c>.</summary>
    /// <value>The default value is 42.</value>
    public ulong Seed { get; init; } = DeterministicRandom.DefaultSeed;

    /// <summary>The dyads used.</summary>
    /// <value>The default value is <see cref="DyadMode.Directed"/>.</value>
    public DyadMode Mode { get; init; } = DyadMode.Directed;

    /// <summary>Add an intercept (a matrix of ones) as the first term.</summary>
    /// <value>The default value is <see langword="true"/> (as sna).</value>
    public bool Intercept { get; init; } = true;

    /// <summary>The permutation null hypothesis: double semi-partialling (sna <c>nullhyp = "qapspp"</c>) or permuting Y and
    /// refitting the whole model (<c>"qapy"</c>). A single term always uses <c>qapy</c>, as sna.</summary>
    /// <value>The default value is <see cref="MrqapNullHypothesis.DoubleSemiPartialling"/>.</value>
    public MrqapNullHypothesis NullHypothesis { get; init; } = MrqapNullHypothesis.DoubleSemiPartialling;

    /// <summary>Names of the covariates, in order; <see langword="null"/> gives sna's <c>x1</c>, <c>x2</c>, ...</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public IReadOnlyList<string>? Names { get; init; }
}

/// <summary>How MRQAP permutes (<see cref="MrqapOptions.NullHypothesis"/>).</summary>
public enum MrqapNullHypothesis
{
    /// <summary>Double semi-partialling (Dekker, Krackhardt and Snijders 2007; sna <c>"qapspp"</c>): for each term, the
    /// residuals of that term on the others are permuted.</summary>
    DoubleSemiPartialling = 0,

    /// <summary>Y is permuted and the whole model refitted (sna <c>"qapy"</c>); every term's t comes from the same
    /// permutations.</summary>
    PermuteY = 1,
}

/// <summary>
/// A QAP correlation test: the observed Pearson correlation of the dyad values, its permutation distribution, sna's
/// p-values (no +1) and the +1-corrected ones (DESIGN 2.11). Immutable.
/// </summary>
public sealed class QapResult
{
    private readonly double[] _distribution;

    internal QapResult(double observed, double[] distribution, int dyads, QapOptions options)
    {
        Observed = observed;
        _distribution = distribution;
        Dyads = dyads;
        Seed = options.Seed;
        Mode = options.Mode;
        var (ge, le) = SnaPValues(observed, distribution);
        PGreaterOrEqual = ge;
        PLessOrEqual = le;
        Summary = PermutationSummary.Of(observed, distribution);
        Statistics = new ScalarResult("qap",
        [
            new("value", observed), new("pgreq", ge), new("pleeq", le), new("p-upper", Summary.PUpper), new("p-lower", Summary.PLower),
            new("p-two", Summary.PTwo), new("mean", Summary.Mean), new("sd", Summary.Sd), new("z", Summary.Z),
        ], new Dictionary<string, string>
        {
            ["seed"] = Seed.ToString(CultureInfo.InvariantCulture),
            ["permutations"] = distribution.Length.ToString(CultureInfo.InvariantCulture),
            ["dyads"] = dyads.ToString(CultureInfo.InvariantCulture),
            ["mode"] = Mode.ToString(),
        });
    }

    /// <summary>The observed correlation (NaN when a side is constant over the dyads).</summary>
    public double Observed { get; }

    /// <summary>The correlations under the R permutations, replicate k at index k.</summary>
    public ReadOnlySpan<double> Distribution => _distribution;

    /// <summary>sna's p_ge = mean(dist ≥ observed), without the +1 correction (NaN replicates left out).</summary>
    public double PGreaterOrEqual { get; }

    /// <summary>sna's p_le = mean(dist ≤ observed).</summary>
    public double PLessOrEqual { get; }

    /// <summary>The +1-corrected p-values, null mean, sd and z (DESIGN 2.11).</summary>
    internal PermutationSummary Summary { get; }

    /// <summary>(1 + #{t* ≥ t0}) / (R + 1).</summary>
    public double PUpper => Summary.PUpper;

    /// <summary>(1 + #{t* ≤ t0}) / (R + 1).</summary>
    public double PLower => Summary.PLower;

    /// <summary>min(1, 2 min(p_upper, p_lower)).</summary>
    public double PTwoSided => Summary.PTwo;

    /// <summary>The number of dyads N.</summary>
    public int Dyads { get; }

    /// <summary>The seed used.</summary>
    public ulong Seed { get; }

    /// <summary>The dyad mode.</summary>
    public DyadMode Mode { get; }

    /// <summary>Everything as a network-level result (metric id <c>qap</c>): <c>value</c>, <c>pgreq</c>, <c>pleeq</c>,
    /// <c>p-upper</c>, <c>p-lower</c>, <c>p-two</c>, <c>mean</c>, <c>sd</c>, <c>z</c>; properties <c>seed</c>,
    /// <c>permutations</c>, <c>dyads</c>, <c>mode</c>.</summary>
    public ScalarResult Statistics { get; }

    internal static (double Ge, double Le) SnaPValues(double observed, ReadOnlySpan<double> dist)
    {
        int ge = 0, le = 0, r = 0;
        foreach (var t in dist)
        {
            if (double.IsNaN(t))
            {
                continue;
            }

            r++;
            ge += t >= observed ? 1 : 0;
            le += t <= observed ? 1 : 0;
        }

        return r == 0 || double.IsNaN(observed) ? (double.NaN, double.NaN) : ((double)ge / r, (double)le / r);
    }
}

/// <summary>
/// An MRQAP regression (<c>sna::netlm</c>): OLS coefficients and t statistics per term, the permutation distribution of
/// each term's t under double semi-partialling (or Y-permutation for a single term), and p-values. Immutable.
/// </summary>
public sealed class MrqapResult
{
    private readonly double[] _coefficients;
    private readonly double[] _t;
    private readonly double[][] _distribution;
    private readonly double[] _pge, _ple, _pabs, _pUpper, _pLower, _pAbsCorrected;

    internal MrqapResult(string[] terms, double[] coefficients, double[] t, double[][] distribution, string nullHypothesis, int dyads,
        double rSquared, MrqapOptions options)
    {
        Terms = terms;
        _coefficients = coefficients;
        _t = t;
        _distribution = distribution;
        NullHypothesis = nullHypothesis;
        Dyads = dyads;
        RSquared = rSquared;
        Seed = options.Seed;
        var k = terms.Length;
        (_pge, _ple, _pabs, _pUpper, _pLower, _pAbsCorrected) = (new double[k], new double[k], new double[k], new double[k], new double[k], new double[k]);
        for (var i = 0; i < k; i++)
        {
            (_pge[i], _ple[i]) = QapResult.SnaPValues(t[i], distribution[i]);
            var s = PermutationSummary.Of(t[i], distribution[i]);
            (_pUpper[i], _pLower[i]) = (s.PUpper, s.PLower);
            (_pabs[i], _pAbsCorrected[i]) = Absolute(t[i], distribution[i]);
        }

        Table = new GroupTable("mrqap", "term", terms,
        [
            KeyedTable.Col("estimate", coefficients), KeyedTable.Col("t", t), KeyedTable.Col("pgreq", _pge), KeyedTable.Col("pleeq", _ple),
            KeyedTable.Col("pgreqabs", _pabs), KeyedTable.Col("p-upper", _pUpper), KeyedTable.Col("p-lower", _pLower),
            KeyedTable.Col("p-abs", _pAbsCorrected),
        ], new Dictionary<string, string>
        {
            ["seed"] = Seed.ToString(CultureInfo.InvariantCulture),
            ["permutations"] = options.Permutations.ToString(CultureInfo.InvariantCulture),
            ["dyads"] = dyads.ToString(CultureInfo.InvariantCulture),
            ["mode"] = options.Mode.ToString(),
            ["nullhyp"] = nullHypothesis,
            ["r-squared"] = rSquared.ToString("R", CultureInfo.InvariantCulture),
        });
    }

    /// <summary>The term names: <c>(intercept)</c> first when there is one, then the covariates.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>OLS coefficients, by term.</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>t statistics β_k / sqrt([(XᵀX)⁻¹]_kk RSS/(N - rank)), by term.</summary>
    public ReadOnlySpan<double> T => _t;

    /// <summary>sna's <c>pgreq</c> = mean(dist ≥ t), by term.</summary>
    public ReadOnlySpan<double> PGreaterOrEqual => _pge;

    /// <summary>sna's <c>pleeq</c> = mean(dist ≤ t), by term.</summary>
    public ReadOnlySpan<double> PLessOrEqual => _ple;

    /// <summary>sna's <c>pgreqabs</c> = mean(|dist| ≥ |t|), by term.</summary>
    public ReadOnlySpan<double> PGreaterOrEqualAbs => _pabs;

    /// <summary>(1 + #{|t*| ≥ |t|}) / (R + 1), by term.</summary>
    public ReadOnlySpan<double> PAbs => _pAbsCorrected;

    /// <summary><c>qapspp</c> (double semi-partialling) or <c>qapy</c> (one term: Y permuted), as sna names them.</summary>
    public string NullHypothesis { get; }

    /// <summary>The number of dyads N.</summary>
    public int Dyads { get; }

    /// <summary>R² of the observed fit (centred when there is an intercept).</summary>
    public double RSquared { get; }

    /// <summary>The seed used.</summary>
    public ulong Seed { get; }

    /// <summary>The table (metric id <c>mrqap</c>, key column <c>term</c>): <c>estimate</c>, <c>t</c>, <c>pgreq</c>,
    /// <c>pleeq</c>, <c>pgreqabs</c> and the +1-corrected <c>p-upper</c>, <c>p-lower</c>, <c>p-abs</c>.</summary>
    public GroupTable Table { get; }

    /// <summary>The permutation distribution of term <paramref name="term"/>'s t, replicate k at index k.</summary>
    /// <param name="term">A term index.</param>
    /// <returns>R values.</returns>
    public ReadOnlySpan<double> Distribution(int term) => _distribution[term];

    private static (double Sna, double Corrected) Absolute(double t, ReadOnlySpan<double> dist)
    {
        int ge = 0, r = 0;
        var a = Math.Abs(t);
        foreach (var x in dist)
        {
            if (!double.IsNaN(x))
            {
                r++;
                ge += Math.Abs(x) >= a ? 1 : 0;
            }
        }

        return r == 0 || double.IsNaN(t) ? (double.NaN, double.NaN) : ((double)ge / r, (1.0 + ge) / (r + 1));
    }
}
