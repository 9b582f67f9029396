using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Glocal;
using GlocalNetworks.Internal;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.EconGeo;

/// <summary>
/// Economic-geography indicators on a region × field activity matrix X (DESIGN 2.12), with the definitions of the R
/// package EconGeo 2.1 (Balland): specialisation (location quotient / RCA and the binary M), diversity and ubiquity, the
/// method of reflections, the economic complexity index in eigenvector form (ECI, PCI), co-occurrence, relatedness,
/// relatedness density and concentration (Herfindahl, Gini, entropy). See docs/econgeo.md for the formulas.
/// </summary>
/// <remarks>
/// <para>Our values are unrounded; where EconGeo rounds (RCA to 2 dp, relatedness density to 2 dp, KCI's matrix to 4 dp)
/// an option reproduces it (rounding half to even, like R's <c>round</c> on exact halves). A zero denominator gives NaN
/// (documented per method), never an exception.</para>
/// <para>All methods are pure functions of their inputs: deterministic and safe to call from several threads.</para>
/// </remarks>
public static class EconGeoIndicators
{
    /// <summary>The key column of per-field tables.</summary>
    public const string FieldKey = "field";

    /// <summary>
    /// The location quotient (Hoover-Balassa index, RCA): LQ_cp = (x_cp / Σ_p x_cp) / (Σ_c x_cp / Σ_cp x_cp), and 0 where
    /// the region's or the field's total is 0 (EconGeo replaces NaN by 0). O(r·f) (the result is dense).
    /// </summary>
    /// <param name="activity">X.</param>
    /// <param name="options">Rounding (EconGeo's <c>rca()</c> rounds to 2 dp) and binarisation; defaults when null.</param>
    /// <returns>Regions × fields, metric id <c>location-quotient</c>.</returns>
    public static MatrixResult LocationQuotient(ActivityMatrix activity, LocationQuotientOptions? options = null) =>
        Quotient("location-quotient", activity, options ?? new LocationQuotientOptions());

    /// <summary>The same as <see cref="LocationQuotient"/> under the id <c>rca</c> (an alias, DESIGN §0).</summary>
    /// <param name="activity">X.</param>
    /// <param name="options">Options; defaults when null.</param>
    /// <returns>Regions × fields, metric id <c>rca</c>.</returns>
    public static MatrixResult Rca(ActivityMatrix activity, LocationQuotientOptions? options = null) =>
        Quotient("rca", activity, options ?? new LocationQuotientOptions());

    /// <summary>The binary specialisation matrix M: M_cp = 1 iff RCA_cp ≥ 1 (EconGeo sets RCA &lt; 1 to 0 and &gt; 1 to 1 and
    /// leaves RCA = 1 at 1). Every region and field with a positive total has at least one 1 (RCA averages to 1).</summary>
    /// <param name="activity">X.</param>
    /// <returns>M, with the ids of X.</returns>
    public static ActivityMatrix Binary(ActivityMatrix activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var rs = activity.RegionTotals;
        var cs = activity.FieldTotals;
        var total = activity.Total;
        var offsets = activity.Offsets;
        var cols = activity.ColumnIndices;
        var vals = activity.Values;

        // M keeps the cells of X with RCA >= 1: a sub-pattern of X, built sparse in one pass.
        var mOffsets = new int[activity.RegionCount + 1];
        var mCols = new List<int>();
        for (var c = 0; c < activity.RegionCount; c++)
        {
            for (var k = offsets[c]; k < offsets[c + 1]; k++)
            {
                if (RcaCell(vals[k], rs[c], cs[cols[k]], total) >= 1)
                {
                    mCols.Add(cols[k]);
                }
            }

            mOffsets[c + 1] = mCols.Count;
        }

        var ones = new double[mCols.Count];
        Array.Fill(ones, 1.0);
        return new ActivityMatrix([.. activity.RegionIds], [.. activity.FieldIds], mOffsets, [.. mCols], ones, activity.Level, activity.UnassignedCount);
    }

    /// <summary>Diversity k_c0 = Σ_p M_cp (or Σ_p x_cp when <see cref="SpecialisationOptions.Binarise"/> is false).</summary>
    /// <param name="activity">X.</param>
    /// <param name="options">Options; defaults when null.</param>
    /// <returns>Per region, metric id <c>diversity</c>.</returns>
    public static RegionTable Diversity(ActivityMatrix activity, SpecialisationOptions? options = null)
    {
        var m = Specialisation(activity, (options ?? new SpecialisationOptions()).Binarise);
        return new RegionTable("diversity", m.Level, m.RegionIds, [KeyedTable.Col(KeyedTable.ValueColumn, m.RegionTotals.ToArray())], Facts(m, options?.Binarise ?? true));
    }

    /// <summary>Ubiquity k_p0 = Σ_c M_cp (or Σ_c x_cp when <see cref="SpecialisationOptions.Binarise"/> is false).</summary>
    /// <param name="activity">X.</param>
    /// <param name="options">Options; defaults when null.</param>
    /// <returns>Per field, metric id <c>ubiquity</c>.</returns>
    public static GroupTable Ubiquity(ActivityMatrix activity, SpecialisationOptions? options = null)
    {
        var m = Specialisation(activity, (options ?? new SpecialisationOptions()).Binarise);
        return new GroupTable("ubiquity", FieldKey, m.FieldIds, [KeyedTable.Col(KeyedTable.ValueColumn, m.FieldTotals.ToArray())], Facts(m, options?.Binarise ?? true));
    }

    /// <summary>
    /// The method of reflections (Hidalgo and Hausmann 2009): k_cN = (1/k_c0) Σ_p M_cp k_p,N-1 and
    /// k_pN = (1/k_p0) Σ_c M_cp k_c,N-1, from k_c0 = diversity and k_p0 = ubiquity. Regions and fields with k_0 = 0 are
    /// dropped (NaN). k_c1 is the average ubiquity of a region's fields; k_c2 the average diversity of regions with the same
    /// fields. With <see cref="ReflectionsOptions.Rescale0To100"/> and N ≥ 3, step N is min-max rescaled to 0-100 as
    /// EconGeo's <c>morc()</c>/<c>mort()</c> (which rescale every step from 3 on: affine maps commute with the averaging, so
    /// this is the same). O(N · nnz).
    /// </summary>
    /// <param name="activity">X.</param>
    /// <param name="options">Steps, rescaling, binarisation; defaults when null.</param>
    /// <returns>Column <c>reflections</c> per region and per field (metric id <c>eci</c>); properties <c>steps</c>,
    /// <c>rescaled</c>, <c>dropped-regions</c>, <c>dropped-fields</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Steps is negative.</exception>
    public static RegionFieldResult Reflections(ActivityMatrix activity, ReflectionsOptions? options = null)
    {
        options ??= new ReflectionsOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Steps);
        var m = Specialisation(activity, options.Binarise);
        var (kc, kp) = ReflectionSteps(m, options.Steps);
        var rescaled = options.Rescale0To100 && options.Steps >= 3;
        if (rescaled)
        {
            Rescale(kc);
            Rescale(kp);
        }

        var facts = Facts(m, options.Binarise);
        facts["steps"] = options.Steps.ToString(CultureInfo.InvariantCulture);
        facts["rescaled"] = rescaled ? "true" : "false";
        return new RegionFieldResult("eci",
            new RegionTable("eci", m.Level, m.RegionIds, [KeyedTable.Col("reflections", kc)], facts),
            new GroupTable("eci", FieldKey, m.FieldIds, [KeyedTable.Col("reflections", kp)], facts), facts);
    }

    /// <summary>
    /// The economic complexity index of regions (ECI) and the complexity of fields (PCI), eigenvector form. With
    /// D = diag(k_c0) and U = diag(k_p0) over the regions and fields with k_0 &gt; 0, ECI is the eigenvector of
    /// M̃ = D⁻¹MU⁻¹Mᵀ for its second-largest eigenvalue, computed from the symmetric S = D^-1/2 M U⁻¹ Mᵀ D^-1/2 = A Aᵀ
    /// (A_cp = M_cp / sqrt(k_c0 k_p0)) as v = D^-1/2 u; PCI likewise from Aᵀ A and U⁻¹MᵀD⁻¹M.
    /// </summary>
    /// <remarks>
    /// <para><see cref="KciNormalisation.Standardised"/> (default): (v - mean)/sd (sd with n - 1); the sign makes ECI
    /// correlate positively with diversity and PCI negatively with ubiquity (Pearson). <see cref="KciNormalisation.EconGeo"/>
    /// reproduces EconGeo 2.1's <c>kci()</c>/<c>tci()</c> (4-dp rounding of M̃, v/Σv, sign by MORc or ubiquity); compare
    /// at 1e-3.</para>
    /// <para>Edge cases: dropped regions and fields are NaN; with fewer than two kept regions (fields) ECI (PCI) is NaN; a
    /// zero sd gives NaN. When the second eigenvalue is repeated (M splits into disconnected blocks) the eigenvector is not
    /// unique and the result is one deterministic choice. O(r²f + r³ + f³) with dense eigensolvers (MathNet).</para>
    /// <para>Also reported: <c>diversity</c>/<c>ubiquity</c> and <c>reflections</c> (raw, <see cref="ComplexityOptions.ReflectionSteps"/>).
    /// Properties: <c>eigenvalue</c> (second eigenvalue of M̃), <c>normalisation</c>.</para>
    /// </remarks>
    /// <param name="activity">X.</param>
    /// <param name="options">Options; defaults when null.</param>
    /// <returns>Columns <c>eci</c>, <c>diversity</c>, <c>reflections</c> per region and <c>pci</c>, <c>ubiquity</c>,
    /// <c>reflections</c> per field; metric id <c>eci</c>.</returns>
    public static RegionFieldResult Complexity(ActivityMatrix activity, ComplexityOptions? options = null)
    {
        options ??= new ComplexityOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.ReflectionSteps);
        var m = Specialisation(activity, options.Binarise);
        var (kc, kp) = ReflectionSteps(m, options.ReflectionSteps);
        double[] eci, pci;
        double lambda;
        if (options.Normalisation == KciNormalisation.EconGeo)
        {
            var (kc20, _) = ReflectionSteps(m, ReflectionsOptions.DefaultSteps);
            (eci, lambda) = EconGeoEigen(m, fields: false, reference: kc20, spearmanNegative: false);
            var ubiquity = m.FieldTotals.ToArray();
            (pci, _) = EconGeoEigen(m, fields: true, reference: ubiquity, spearmanNegative: true);
        }
        else
        {
            (eci, lambda) = SymmetricEigen(m, fields: false);
            (pci, _) = SymmetricEigen(m, fields: true);
        }

        var facts = Facts(m, options.Binarise);
        facts["steps"] = options.ReflectionSteps.ToString(CultureInfo.InvariantCulture);
        facts["normalisation"] = options.Normalisation.ToString();
        facts["eigenvalue"] = lambda.ToString("R", CultureInfo.InvariantCulture);
        var regions = new RegionTable("eci", m.Level, m.RegionIds,
            [KeyedTable.Col("eci", eci), KeyedTable.Col("diversity", m.RegionTotals.ToArray()), KeyedTable.Col("reflections", kc)], facts);
        var fieldTable = new GroupTable("eci", FieldKey, m.FieldIds,
            [KeyedTable.Col("pci", pci), KeyedTable.Col("ubiquity", m.FieldTotals.ToArray()), KeyedTable.Col("reflections", kp)], facts);
        return new RegionFieldResult("eci", regions, fieldTable, facts);
    }

    /// <summary>
    /// Co-occurrence C = B Bᵀ of an incidence matrix B of fields (rows) by events (columns: projects, patents, or regions),
    /// with a zero diagonal (EconGeo <c>co_occurrence(diagonal = FALSE)</c>): c_ij = Σ_e b_ie b_je. Computed as a sparse
    /// product (Gustavson, CSR), in O(Σ_e d_e²) for d_e the number of fields of event e; the result is a MathNet sparse
    /// matrix. To relate fields by their co-location in regions, pass <c>regionsByFields.Transpose()</c> (or
    /// <c>Binary(x).Transpose()</c>).
    /// </summary>
    /// <param name="incidence">B: rows are fields, columns events.</param>
    /// <param name="binary">Count each (field, event) pair once (b &gt; 0 → 1) instead of using the values.</param>
    /// <returns>Fields × fields, metric id <c>co-occurrence</c>.</returns>
    public static MatrixResult CoOccurrence(ActivityMatrix incidence, bool binary = false)
    {
        ArgumentNullException.ThrowIfNull(incidence);
        var values = incidence.Values;
        if (binary)
        {
            values = new double[values.Length];
            Array.Fill(values, 1.0);
        }

        var (o, i, v) = SparseGram.Multiply(incidence.RegionCount, incidence.FieldCount, incidence.Offsets, incidence.ColumnIndices, values, zeroDiagonal: true);
        return new MatrixResult("co-occurrence", incidence.RegionIds, incidence.RegionIds, Sparse(incidence.RegionCount, o, i, v),
            new Dictionary<string, string> { ["binary"] = binary ? "true" : "false", ["events"] = incidence.FieldCount.ToString(CultureInfo.InvariantCulture) });
    }

    /// <summary>
    /// Relatedness φ between fields from a co-occurrence matrix C (EconGeo <c>relatedness(method)</c>): with the diagonal set
    /// to 0, s_i = Σ_j c_ij and T = Σ_ij c_ij, association c_ij T/(s_i s_j) (default), cosine c_ij/sqrt(s_i s_j), Jaccard
    /// c_ij/(s_i + s_j - c_ij) or EconGeo's probability index. The diagonal is 0 and NaN (0/0) becomes 0; the result is
    /// symmetric when C is. O(nnz(C)), sparse.
    /// </summary>
    /// <param name="coOccurrence">C (square; e.g. from <see cref="CoOccurrence"/>).</param>
    /// <param name="options">The method; defaults when null.</param>
    /// <returns>Fields × fields, metric id <c>relatedness</c>; property <c>method</c>.</returns>
    /// <exception cref="ArgumentException">C is not square, or has a negative entry.</exception>
    public static MatrixResult Relatedness(MatrixResult coOccurrence, RelatednessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(coOccurrence);
        options ??= new RelatednessOptions();
        var c = coOccurrence.ToMatrix();
        if (c.RowCount != c.ColumnCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The co-occurrence matrix is {c.RowCount} x {c.ColumnCount}; it must be square."), nameof(coOccurrence));
        }

        var n = c.RowCount;
        var s = new double[n];
        double t = 0;
        var cells = new List<(int I, int J, double V)>();
        foreach (var (i, j, v) in c.EnumerateIndexed(Zeros.AllowSkip))
        {
            if (i == j || v == 0)
            {
                continue;
            }

            if (!(v > 0))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The co-occurrence of '{coOccurrence.RowIds[i]}' and '{coOccurrence.ColumnIds[j]}' is '{v}'; co-occurrences must be >= 0."), nameof(coOccurrence));
            }

            s[j] += v;
            t += v;
            cells.Add((i, j, v));
        }

        var phi = Matrix<double>.Build.Sparse(n, n);
        foreach (var (i, j, cij) in cells)
        {
            double si = s[j], sj = s[i];   // EconGeo: si = colSums by row, sj = colSums by column.
            var r = options.Method switch
            {
                RelatednessMethod.Association => cij / t / (si / t * (sj / t)),
                RelatednessMethod.Cosine => cij / Math.Sqrt(si * sj),
                RelatednessMethod.Jaccard => cij / (si + sj - cij),
                _ => cij / (((si / t * (sj / (t - si))) + (sj / t * (si / (t - sj)))) * (t / 2)),
            };
            phi[i, j] = double.IsNaN(r) ? 0 : r;
        }

        return new MatrixResult("relatedness", coOccurrence.RowIds, coOccurrence.ColumnIds, phi,
            new Dictionary<string, string> { ["method"] = options.Method.ToString() });
    }

    /// <summary>
    /// The proximity of Hidalgo, Klinger, Barabási and Hausmann (2007): φ_pq = Σ_c M_cp M_cq / max(k_p0, k_q0), the
    /// minimum of the two conditional probabilities of specialising in one field given the other. The diagonal is set to 0
    /// (as for <see cref="Relatedness"/>), so that relatedness density does not count a field as related to itself. Sparse
    /// product of Mᵀ, O(Σ_c k_c0²).
    /// </summary>
    /// <param name="activity">X.</param>
    /// <param name="options">Binarisation; defaults when null.</param>
    /// <returns>Fields × fields, metric id <c>relatedness</c>, property <c>method</c> = <c>Proximity</c>.</returns>
    public static MatrixResult Proximity(ActivityMatrix activity, SpecialisationOptions? options = null)
    {
        var binarise = (options ?? new SpecialisationOptions()).Binarise;
        var m = Specialisation(activity, binarise);
        var mt = m.Transpose();
        var (o, idx, v) = SparseGram.Multiply(mt.RegionCount, mt.FieldCount, mt.Offsets, mt.ColumnIndices, mt.Values, zeroDiagonal: true);
        var k = m.FieldTotals;
        for (var p = 0; p < mt.RegionCount; p++)
        {
            for (var e = o[p]; e < o[p + 1]; e++)
            {
                v[e] /= Math.Max(k[p], k[idx[e]]);
            }
        }

        var facts = Facts(m, binarise);
        facts["method"] = "Proximity";
        return new MatrixResult("relatedness", m.FieldIds, m.FieldIds, Sparse(mt.RegionCount, o, idx, v), facts);
    }

    /// <summary>
    /// Relatedness density (Hidalgo et al. 2007; Boschma, Balland and Kogler 2015): RD_cp = 100 · Σ_j M_cj φ_jp / Σ_j φ_jp,
    /// the share (in %) of the fields related to p in which region c is specialised (EconGeo <c>relatedness_density</c>,
    /// which rounds to 2 dp: <see cref="RelatednessDensityOptions.RoundTo2Decimals"/>). NaN where Σ_j φ_jp = 0 (a field
    /// related to none). φ's fields are matched to X's by id. O(Σ_c Σ_{j ∈ c} nnz(φ_j·)).
    /// </summary>
    /// <param name="activity">X.</param>
    /// <param name="relatedness">φ (e.g. from <see cref="Relatedness"/> or <see cref="Proximity"/>); must cover every field of X.</param>
    /// <param name="options">Options; defaults when null.</param>
    /// <returns>Regions × fields, metric id <c>relatedness-density</c>.</returns>
    /// <exception cref="ArgumentException">φ is not square or lacks a field of X.</exception>
    public static MatrixResult RelatednessDensity(ActivityMatrix activity, MatrixResult relatedness, RelatednessDensityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(relatedness);
        options ??= new RelatednessDensityOptions();
        var m = Specialisation(activity, options.Binarise);
        var f = m.FieldCount;

        // φ re-indexed to X's fields: row lists of (column, value).
        var at = new int[relatedness.RowIds.Count];
        Array.Fill(at, -1);
        var phiIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < relatedness.ColumnIds.Count; i++)
        {
            phiIndex[relatedness.ColumnIds[i]] = i;
        }

        var map = new int[f];
        for (var p = 0; p < f; p++)
        {
            if (!phiIndex.TryGetValue(m.FieldIds[p], out map[p]) || map[p] >= at.Length || relatedness.RowIds[map[p]] != m.FieldIds[p])
            {
                throw new ArgumentException($"The relatedness matrix has no row and column '{m.FieldIds[p]}'; it must be square over the fields of the activity matrix.", nameof(relatedness));
            }

            at[map[p]] = p;
        }

        var phi = relatedness.ToMatrix();
        var rows = new List<(int Col, double V)>[f];
        for (var p = 0; p < f; p++)
        {
            rows[p] = [];
        }

        var colSum = new double[f];
        foreach (var (i, j, v) in phi.EnumerateIndexed(Zeros.AllowSkip))
        {
            if (v != 0 && at[i] >= 0 && at[j] >= 0)
            {
                rows[at[i]].Add((at[j], v));
                colSum[at[j]] += v;
            }
        }

        var result = Matrix<double>.Build.Dense(m.RegionCount, f);
        var acc = new double[f];
        for (var c = 0; c < m.RegionCount; c++)
        {
            Array.Clear(acc);
            var fields = m.FieldsOf(c);
            var vals = m.ValuesOf(c);
            for (var k = 0; k < fields.Length; k++)
            {
                foreach (var (p, v) in rows[fields[k]])
                {
                    acc[p] += vals[k] * v;
                }
            }

            for (var p = 0; p < f; p++)
            {
                var rd = 100 * acc[p] / colSum[p];
                result[c, p] = options.RoundTo2Decimals ? Round(rd, 2) : rd;
            }
        }

        var facts = Facts(m, options.Binarise);
        facts["rounded"] = options.RoundTo2Decimals ? "true" : "false";
        return new MatrixResult("relatedness-density", m.RegionIds, m.FieldIds, result, facts);
    }

    /// <summary>The Herfindahl index per region, H_c = Σ_p x_cp² / (Σ_p x_cp)² (1 for a region active in one field, 1/f
    /// for an even spread); NaN for a region with no activity. O(nnz log).</summary>
    /// <param name="activity">X.</param>
    /// <returns>Per region, metric id <c>herfindahl</c>.</returns>
    public static RegionTable Herfindahl(ActivityMatrix activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var h = new double[activity.RegionCount];
        for (var c = 0; c < h.Length; c++)
        {
            h[c] = BuzzPipelinesMetric.Concentration(activity.ValuesOf(c).ToArray()).Hhi;
        }

        return new RegionTable("herfindahl", activity.Level, activity.RegionIds, [KeyedTable.Col(KeyedTable.ValueColumn, h)]);
    }

    /// <summary>The Gini coefficient per field over all regions (zeros included), G_p = Σ_c Σ_d |x_cp - x_dp| / (2 r² mean),
    /// computed as 2 Σ_k k x_(k) / (r Σ x) - (r + 1)/r (as DESIGN 2.4 and EconGeo's <c>gini()</c>, which rounds to 3 dp;
    /// no r/(r-1) correction). NaN for a field with no activity. O(f · r log r).</summary>
    /// <param name="activity">X.</param>
    /// <returns>Per field, metric id <c>gini</c>.</returns>
    public static GroupTable Gini(ActivityMatrix activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var t = activity.Transpose();
        var g = new double[t.RegionCount];
        var column = new double[activity.RegionCount];
        for (var p = 0; p < g.Length; p++)
        {
            Array.Clear(column);
            var regions = t.FieldsOf(p);
            var vals = t.ValuesOf(p);
            for (var k = 0; k < regions.Length; k++)
            {
                column[regions[k]] = vals[k];
            }

            g[p] = BuzzPipelinesMetric.Concentration(column).Gini;
        }

        return new GroupTable("gini", FieldKey, activity.FieldIds, [KeyedTable.Col(KeyedTable.ValueColumn, g)]);
    }

    /// <summary>The Shannon entropy per region, -Σ_p q_cp log_b q_cp with q = x / row sum and 0·log 0 = 0 exactly (EconGeo's
    /// <c>entropy()</c> adds 1e-9 inside the log and rounds to 3 dp). 0 for one field, log_b f for an even spread over f; NaN
    /// for a region with no activity. O(nnz).</summary>
    /// <param name="activity">X.</param>
    /// <param name="logBase">The base of the logarithm (&gt; 1).</param>
    /// <returns>Per region, metric id <c>entropy</c>; property <c>base</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The base is not &gt; 1.</exception>
    public static RegionTable Entropy(ActivityMatrix activity, double logBase = 2)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!(logBase > 1) || double.IsInfinity(logBase))
        {
            throw new ArgumentOutOfRangeException(nameof(logBase), logBase, "The base of the logarithm must be finite and > 1.");
        }

        var e = new double[activity.RegionCount];
        var rs = activity.RegionTotals;
        var lnBase = Math.Log(logBase);
        for (var c = 0; c < e.Length; c++)
        {
            if (!(rs[c] > 0))
            {
                e[c] = double.NaN;
                continue;
            }

            double h = 0;
            foreach (var x in activity.ValuesOf(c))
            {
                var q = x / rs[c];
                h -= q * Math.Log(q);
            }

            e[c] = h / lnBase;
        }

        return new RegionTable("entropy", activity.Level, activity.RegionIds, [KeyedTable.Col(KeyedTable.ValueColumn, e)],
            new Dictionary<string, string> { ["base"] = logBase.ToString("R", CultureInfo.InvariantCulture) });
    }

    /// <summary>Rounds half to even at <paramref name="digits"/> decimals (R's <c>round</c> on exactly representable halves).</summary>
    internal static double Round(double x, int digits) => double.IsFinite(x) ? Math.Round(x, digits, MidpointRounding.ToEven) : x;

    // (x_cp / rs_c) / (cs_p / T), in EconGeo's order of operations; 0 where it is NaN.
    private static double RcaCell(double x, double rowSum, double colSum, double total)
    {
        var r = x / rowSum / (colSum / total);
        return double.IsNaN(r) ? 0 : r;
    }

    private static MatrixResult Quotient(string id, ActivityMatrix activity, LocationQuotientOptions options)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var rs = activity.RegionTotals;
        var cs = activity.FieldTotals;
        var lq = Matrix<double>.Build.Dense(activity.RegionCount, activity.FieldCount);
        for (var c = 0; c < activity.RegionCount; c++)
        {
            var fields = activity.FieldsOf(c);
            var vals = activity.ValuesOf(c);
            for (var k = 0; k < fields.Length; k++)
            {
                var r = RcaCell(vals[k], rs[c], cs[fields[k]], activity.Total);
                r = options.Binary ? (r >= 1 ? 1 : 0) : r;
                lq[c, fields[k]] = options.RoundTo2Decimals ? Round(r, 2) : r;
            }
        }

        return new MatrixResult(id, activity.RegionIds, activity.FieldIds, lq, new Dictionary<string, string>
        {
            ["level"] = activity.Level,
            ["rounded"] = options.RoundTo2Decimals ? "true" : "false",
            ["binary"] = options.Binary ? "true" : "false",
        });
    }

    private static ActivityMatrix Specialisation(ActivityMatrix activity, bool binarise)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return binarise ? Binary(activity) : activity;
    }

    private static Dictionary<string, string> Facts(ActivityMatrix m, bool binarised) => new(StringComparer.Ordinal)
    {
        ["binarised"] = binarised ? "true" : "false",
        ["dropped-regions"] = CountZeros(m.RegionTotals).ToString(CultureInfo.InvariantCulture),
        ["dropped-fields"] = CountZeros(m.FieldTotals).ToString(CultureInfo.InvariantCulture),
        ["unassigned"] = m.UnassignedCount.ToString(CultureInfo.InvariantCulture),
    };

    private static int CountZeros(ReadOnlySpan<double> v)
    {
        var n = 0;
        foreach (var x in v)
        {
            n += x > 0 ? 0 : 1;
        }

        return n;
    }

    /// <summary>k_cN and k_pN (NaN for zero rows and columns).</summary>
    internal static (double[] Regions, double[] Fields) ReflectionSteps(ActivityMatrix m, int steps)
    {
        var kc0 = m.RegionTotals.ToArray();
        var kp0 = m.FieldTotals.ToArray();
        var kc = (double[])kc0.Clone();
        var kp = (double[])kp0.Clone();
        var nc = new double[kc.Length];
        var np = new double[kp.Length];
        for (var step = 1; step <= steps; step++)
        {
            Array.Clear(np);
            for (var c = 0; c < kc.Length; c++)
            {
                var fields = m.FieldsOf(c);
                var vals = m.ValuesOf(c);
                double s = 0;
                for (var k = 0; k < fields.Length; k++)
                {
                    s += vals[k] * kp[fields[k]];
                    np[fields[k]] += vals[k] * kc[c];
                }

                nc[c] = s / kc0[c];
            }

            for (var p = 0; p < np.Length; p++)
            {
                np[p] /= kp0[p];
            }

            (kc, nc) = (nc, kc);
            (kp, np) = (np, kp);
        }

        for (var c = 0; c < kc.Length; c++)
        {
            kc[c] = kc0[c] > 0 ? kc[c] : double.NaN;
        }

        for (var p = 0; p < kp.Length; p++)
        {
            kp[p] = kp0[p] > 0 ? kp[p] : double.NaN;
        }

        return (kc, kp);
    }

    private static void Rescale(double[] x)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in x)
        {
            if (!double.IsNaN(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (x[i] - min) / (max - min) * 100;
        }
    }

    // The kept (k_0 > 0) regions and fields, and the dense kept part of M.
    private static (int[] Rows, int[] Cols, Matrix<double> M) Kept(ActivityMatrix m)
    {
        var rows = KeptIndices(m.RegionTotals);
        var cols = KeptIndices(m.FieldTotals);
        var colAt = new int[m.FieldCount];
        for (var k = 0; k < cols.Length; k++)
        {
            colAt[cols[k]] = k;
        }

        var dense = Matrix<double>.Build.Dense(rows.Length, cols.Length);
        for (var r = 0; r < rows.Length; r++)
        {
            var fields = m.FieldsOf(rows[r]);
            var vals = m.ValuesOf(rows[r]);
            for (var k = 0; k < fields.Length; k++)
            {
                dense[r, colAt[fields[k]]] = vals[k];
            }
        }

        return (rows, cols, dense);
    }

    private static int[] KeptIndices(ReadOnlySpan<double> totals)
    {
        var kept = new List<int>();
        for (var i = 0; i < totals.Length; i++)
        {
            if (totals[i] > 0)
            {
                kept.Add(i);
            }
        }

        return [.. kept];
    }

    private static double[] NaNs(int n)
    {
        var v = new double[n];
        Array.Fill(v, double.NaN);
        return v;
    }

    // Standardised eigenvector form; fields = false for ECI (regions), true for PCI.
    private static (double[] Values, double Lambda) SymmetricEigen(ActivityMatrix m, bool fields)
    {
        var (rows, cols, dense) = Kept(m);
        var kr = m.RegionTotals;
        var kf = m.FieldTotals;
        var a = dense.Clone();
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < cols.Length; c++)
            {
                a[r, c] /= Math.Sqrt(kr[rows[r]] * kf[cols[c]]);
            }
        }

        var keep = fields ? cols : rows;
        var result = NaNs(fields ? m.FieldCount : m.RegionCount);
        if (keep.Length < 2)
        {
            return (result, double.NaN);
        }

        var s = fields ? a.TransposeThisAndMultiply(a) : a.TransposeAndMultiply(a);
        var evd = s.Evd(Symmetricity.Symmetric);
        var second = SecondLargest(evd.EigenValues);
        var u = evd.EigenVectors.Column(second);
        var k = fields ? kf : kr;
        var v = new double[keep.Length];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = u[i] / Math.Sqrt(k[keep[i]]);
        }

        Standardise(v);
        var reference = new double[keep.Length];
        for (var i = 0; i < keep.Length; i++)
        {
            reference[i] = k[keep[i]];
        }

        // ECI correlates positively with diversity; PCI negatively with ubiquity.
        var corr = Moments.Pearson(v, reference);
        if (fields ? corr > 0 : corr < 0)
        {
            for (var i = 0; i < v.Length; i++)
            {
                v[i] = -v[i];
            }
        }

        for (var i = 0; i < keep.Length; i++)
        {
            result[keep[i]] = v[i];
        }

        return (result, evd.EigenValues[second].Real);
    }

    // EconGeo 2.1 kci() / tci(): round(D⁻¹MU⁻¹Mᵀ, 4) (or round(U⁻¹MᵀD⁻¹M, 4)), general eigen, 2nd by modulus, v / Σv.
    private static (double[] Values, double Lambda) EconGeoEigen(ActivityMatrix m, bool fields, double[] reference, bool spearmanNegative)
    {
        var (rows, cols, dense) = Kept(m);
        var keep = fields ? cols : rows;
        var result = NaNs(fields ? m.FieldCount : m.RegionCount);
        if (keep.Length < 2)
        {
            return (result, double.NaN);
        }

        var rs = dense.RowSums();
        var cs = dense.ColumnSums();
        var rowShare = dense.Clone();
        var colShare = dense.Transpose();
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < cols.Length; c++)
            {
                rowShare[r, c] /= rs[r];
                colShare[c, r] /= cs[c];
            }
        }

        var mm = fields ? colShare * rowShare : rowShare * colShare;
        mm.MapInplace(x => Round(x, 4));
        var evd = mm.Evd(Symmetricity.Asymmetric);
        var second = SecondLargest(evd.EigenValues);
        var u = evd.EigenVectors.Column(second);
        var sum = u.Sum();
        var v = new double[keep.Length];
        var refKept = new double[keep.Length];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = u[i] / sum;
            refKept[i] = reference[keep[i]];
        }

        var flip = spearmanNegative ? Spearman(v, refKept) > 0 : Moments.Pearson(v, refKept) < 0;
        for (var i = 0; i < keep.Length; i++)
        {
            result[keep[i]] = flip ? -v[i] : v[i];
        }

        return (result, evd.EigenValues[second].Real);
    }

    // The index of the second-largest eigenvalue by modulus (ties: the lower index, a deterministic choice).
    private static int SecondLargest(Vector<System.Numerics.Complex> values)
    {
        var order = new int[values.Count];
        var keys = new double[values.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = -values[i].Magnitude;
        }

        Array.Sort(keys, order);
        return order[1];
    }

    private static void Standardise(double[] v)
    {
        var mean = Moments.Mean(v);
        var ss = Moments.SumOfSquares(v, mean);
        var sd = Math.Sqrt(ss / (v.Length - 1));
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = sd > 0 ? (v[i] - mean) / sd : double.NaN;
        }
    }

    private static double Spearman(double[] x, double[] y) => Moments.Spearman(x, y);

    // MathNet's CSR from our arrays (rowCount, columnCount, valueCount, rowPointers, columnIndices, values).
    private static Matrix<double> Sparse(int n, int[] offsets, int[] indices, double[] values) =>
        Matrix<double>.Build.SparseFromCompressedSparseRowFormat(n, n, values.Length, offsets, indices, values);
}
