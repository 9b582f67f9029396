namespace GlocalNetworks.EconGeo;

/// <summary>Options of <see cref="EconGeoIndicators.LocationQuotient"/> and <see cref="EconGeoIndicators.Rca"/>.</summary>
public sealed record LocationQuotientOptions
{
    /// <summary>Round to 2 decimals (half to even), as EconGeo's <c>rca()</c> does; otherwise unrounded, as EconGeo's
    /// <c>location_quotient()</c>.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool RoundTo2Decimals { get; init; }

    /// <summary>Return the binary M (1 iff RCA ≥ 1) instead of the quotient.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Binary { get; init; }
}

/// <summary>Options shared by the indicators on the binary specialisation matrix M (diversity, ubiquity, reflections,
/// ECI and PCI, proximity, relatedness density).</summary>
public sealed record SpecialisationOptions
{
    /// <summary>Compute M from the activity matrix (M_cp = 1 iff RCA_cp ≥ 1; EconGeo's <c>rca = TRUE</c>). When
    /// <see langword="false"/> the matrix is used as given, as EconGeo does by default (<c>rca = FALSE</c>, which expects a
    /// 0/1 matrix).</summary>
    /// <value>The default value is <see langword="true"/> (EconGeo's default is <c>rca = FALSE</c>).</value>
    public bool Binarise { get; init; } = true;
}

/// <summary>Options of <see cref="EconGeoIndicators.Reflections"/> (method of reflections).</summary>
public sealed record ReflectionsOptions
{
    /// <summary>The default number of steps: 20, as EconGeo's <c>morc()</c> (its <c>mort()</c> uses 19).</summary>
    public const int DefaultSteps = 20;

    /// <summary>The number of reflection steps N ≥ 0 (0 gives diversity and ubiquity).</summary>
    /// <value>The default value is 20.</value>
    public int Steps { get; init; } = DefaultSteps;

    /// <summary>Rescale step N to 0-100 by min-max, as EconGeo's <c>morc()</c>/<c>mort()</c> do when N ≥ 3 (steps 1 and 2
    /// are returned raw, as in EconGeo).</summary>
    /// <value>The default value is <see langword="false"/>: raw k_N.</value>
    public bool Rescale0To100 { get; init; }

    /// <summary>Compute M by RCA ≥ 1 first (see <see cref="SpecialisationOptions.Binarise"/>).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Binarise { get; init; } = true;
}

/// <summary>How the eigenvector of <see cref="EconGeoIndicators.Complexity"/> is normalised and signed.</summary>
public enum KciNormalisation
{
    /// <summary>Hidalgo-Hausmann: the eigenvector of the symmetric form, standardised to mean 0 and sd 1 (n - 1); the sign
    /// makes ECI correlate positively with diversity and PCI negatively with ubiquity (Pearson).</summary>
    Standardised,

    /// <summary>EconGeo 2.1's <c>kci()</c>/<c>tci()</c>: the matrix D⁻¹MU⁻¹Mᵀ (or U⁻¹MᵀD⁻¹M) rounded to 4 decimals, its
    /// eigenvector of the second-largest eigenvalue (by modulus) scaled by its sum, v/Σv; ECI's sign makes it correlate
    /// positively with MORc (20 steps, Pearson), PCI's makes it correlate negatively with ubiquity (Spearman).</summary>
    EconGeo,
}

/// <summary>Options of <see cref="EconGeoIndicators.Complexity"/> (ECI and PCI, eigenvector form).</summary>
public sealed record ComplexityOptions
{
    /// <summary>The normalisation and sign convention.</summary>
    /// <value>The default value is <see cref="KciNormalisation.Standardised"/>.</value>
    public KciNormalisation Normalisation { get; init; } = KciNormalisation.Standardised;

    /// <summary>Compute M by RCA ≥ 1 first (see <see cref="SpecialisationOptions.Binarise"/>).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Binarise { get; init; } = true;

    /// <summary>The reflection steps reported next to the eigenvector form (<c>reflections</c> columns).</summary>
    /// <value>The default value is 20.</value>
    public int ReflectionSteps { get; init; } = ReflectionsOptions.DefaultSteps;
}

/// <summary>The similarity that turns co-occurrences into relatedness (EconGeo's <c>relatedness(method)</c>).</summary>
public enum RelatednessMethod
{
    /// <summary>Association strength c_ij T / (s_i s_j) (van Eck and Waltman 2009).</summary>
    Association,

    /// <summary>Cosine c_ij / sqrt(s_i s_j), on sums (not vector norms), as EconGeo.</summary>
    Cosine,

    /// <summary>Jaccard c_ij / (s_i + s_j - c_ij).</summary>
    Jaccard,

    /// <summary>EconGeo's probability index (its default): c_ij / [(s_i/T · s_j/(T - s_i) + s_j/T · s_i/(T - s_j)) · T/2].</summary>
    Probability,
}

/// <summary>Options of <see cref="EconGeoIndicators.Relatedness"/>.</summary>
public sealed record RelatednessOptions
{
    /// <summary>The normalisation.</summary>
    /// <value>The default value is <see cref="RelatednessMethod.Association"/> (EconGeo's default is
    /// <see cref="RelatednessMethod.Probability"/>).</value>
    public RelatednessMethod Method { get; init; } = RelatednessMethod.Association;
}

/// <summary>Options of <see cref="EconGeoIndicators.RelatednessDensity"/>.</summary>
public sealed record RelatednessDensityOptions
{
    /// <summary>Compute M by RCA ≥ 1 first (see <see cref="SpecialisationOptions.Binarise"/>).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Binarise { get; init; } = true;

    /// <summary>Round to 2 decimals (half to even), as EconGeo's <c>relatedness_density()</c>.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool RoundTo2Decimals { get; init; }
}
