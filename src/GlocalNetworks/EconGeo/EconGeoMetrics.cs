using System;
using System.Collections.Generic;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.EconGeo;

/// <summary>
/// Where the economic-geography metrics take their region-by-field activity matrix from the network: regions at
/// <see cref="Level"/> by the values of the innovator attribute <see cref="FieldAttribute"/> (a technology class, an
/// industry code), counting <see cref="Count"/>; or, without an attribute, regions by link kind (links' ends, or their
/// weight). For a matrix read from CSV, call <see cref="EconGeoIndicators"/> directly.
/// </summary>
public abstract record ActivityOptions
{
    /// <summary>The region level of the rows; <see langword="null"/> for the analysis level, else the ladder's regional level.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Level { get; init; }

    /// <summary>The innovator attribute whose values are the fields; <see langword="null"/> for link kinds.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? FieldAttribute { get; init; }

    /// <summary>What a cell counts (with link kinds as fields, <see cref="ActivityCount.Weight"/> sums weights and anything
    /// else counts link ends).</summary>
    /// <value>The default value is <see cref="ActivityCount.Innovators"/>.</value>
    public ActivityCount Count { get; init; } = ActivityCount.Innovators;

    /// <summary>The activity matrix these options describe, built once per context.</summary>
    /// <param name="context">The metric context.</param>
    /// <returns>The matrix.</returns>
    internal ActivityMatrix Matrix(MetricContext context)
    {
        var level = InnovatorGroups.ResolveLevel(context, Level);
        var key = new CacheKey("econgeo:activity", (level, FieldAttribute, Count));
        return context.GetOrAdd(key, c => FieldAttribute is { } attribute
            ? ActivityMatrix.FromNetwork(c.Network, level, InnovatorGroups.ByAttribute(c.Network, attribute), Count)
            : ActivityMatrix.FromLinkKinds(c.Network, level, weighted: Count == ActivityCount.Weight));
    }
}

/// <summary>Options of <see cref="LocationQuotientMetric"/>.</summary>
public sealed record LocationQuotientMetricOptions : ActivityOptions
{
    /// <summary>Round to 2 decimals as EconGeo's <c>rca()</c> does.</summary>
    /// <value>The default value is <see langword="false"/> (unrounded).</value>
    public bool RoundTo2Decimals { get; init; }

    /// <summary>Return the binary specialisation M (1 where the quotient is at least 1).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Binary { get; init; }
}

/// <summary>Options of <see cref="DiversityMetric"/> and <see cref="UbiquityMetric"/>.</summary>
public sealed record SpecialisationMetricOptions : ActivityOptions
{
    /// <summary>Count specialisations (RCA ≥ 1) rather than the activity itself.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Binarise { get; init; } = true;
}

/// <summary>Options of <see cref="EciMetric"/>.</summary>
public sealed record EciMetricOptions : ActivityOptions
{
    /// <summary>Standardised eigenvector form (default) or EconGeo's <c>kci()</c> convention.</summary>
    /// <value>The default value is <see cref="KciNormalisation.Standardised"/>.</value>
    public KciNormalisation Normalisation { get; init; } = KciNormalisation.Standardised;
}

/// <summary>Options of <see cref="RelatednessMetric"/> and <see cref="RelatednessDensityMetric"/>.</summary>
public sealed record RelatednessMetricOptions : ActivityOptions
{
    /// <summary>The similarity of fields computed from their co-occurrence.</summary>
    /// <value>The default value is <see cref="RelatednessMethod.Association"/>.</value>
    public RelatednessMethod Method { get; init; } = RelatednessMethod.Association;
}

/// <summary>Location quotient (revealed comparative advantage) of every region in every field: ids
/// <c>location-quotient</c> and its alias <c>rca</c>. See <see cref="EconGeoIndicators.LocationQuotient"/>.</summary>
/// <param name="id">The id this instance answers to (the registry holds one for each name).</param>
public sealed class LocationQuotientMetric(string id = LocationQuotientMetric.MetricId) : Metric<LocationQuotientMetricOptions, MatrixResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "location-quotient";

    /// <summary>The alias, as EconGeo names it.</summary>
    public const string AliasId = "rca";

    /// <inheritdoc/>
    public override string Id { get; } = id is MetricId or AliasId ? id : throw new ArgumentException($"The location quotient is '{MetricId}' or '{AliasId}', not '{id}'.", nameof(id));

    /// <inheritdoc/>
    public override string Description => "Location quotient / RCA of each region in each field: (x_cp / x_c.) / (x_.p / x_..).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Matrix;

    /// <inheritdoc/>
    public override MatrixResult Compute(MetricContext context, LocationQuotientMetricOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var activity = options.Matrix(context);
        var lq = new LocationQuotientOptions { RoundTo2Decimals = options.RoundTo2Decimals, Binary = options.Binary };
        return Id == AliasId ? EconGeoIndicators.Rca(activity, lq) : EconGeoIndicators.LocationQuotient(activity, lq);
    }
}

/// <summary>Diversity of each region: the number of fields it is specialised in (id <c>diversity</c>). See
/// <see cref="EconGeoIndicators.Diversity"/>.</summary>
public sealed class DiversityMetric : Metric<SpecialisationMetricOptions, RegionTable>
{
    /// <summary>The id.</summary>
    public const string MetricId = "diversity";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Diversity of each region: the number of fields with RCA ≥ 1 (Hidalgo and Hausmann 2009).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Region;

    /// <inheritdoc/>
    public override RegionTable Compute(MetricContext context, SpecialisationMetricOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        return EconGeoIndicators.Diversity(options.Matrix(context), new SpecialisationOptions { Binarise = options.Binarise });
    }
}

/// <summary>Ubiquity of each field: the number of regions specialised in it (id <c>ubiquity</c>). See
/// <see cref="EconGeoIndicators.Ubiquity"/>.</summary>
public sealed class UbiquityMetric : Metric<SpecialisationMetricOptions, GroupTable>
{
    /// <summary>The id.</summary>
    public const string MetricId = "ubiquity";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Ubiquity of each field: the number of regions with RCA ≥ 1 in it (Hidalgo and Hausmann 2009).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Group;

    /// <inheritdoc/>
    public override GroupTable Compute(MetricContext context, SpecialisationMetricOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        return EconGeoIndicators.Ubiquity(options.Matrix(context), new SpecialisationOptions { Binarise = options.Binarise });
    }
}

/// <summary>Economic complexity of regions (ECI) and fields (PCI), eigenvector form (id <c>eci</c>). See
/// <see cref="EconGeoIndicators.Complexity"/>.</summary>
public sealed class EciMetric : Metric<EciMetricOptions, RegionFieldResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "eci";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Economic complexity index of regions and product complexity of fields (eigenvector form, Hidalgo and Hausmann 2009).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Composite;

    /// <inheritdoc/>
    public override RegionFieldResult Compute(MetricContext context, EciMetricOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        return EconGeoIndicators.Complexity(options.Matrix(context), new ComplexityOptions { Normalisation = options.Normalisation });
    }
}

/// <summary>Relatedness of fields (id <c>relatedness</c>): the co-occurrence of fields in the regions specialised in both,
/// C = MᵀM with a zero diagonal (M the binary specialisation matrix), turned into a similarity by
/// <see cref="RelatednessMetricOptions.Method"/>. For co-occurrence over events (projects, patents), call
/// <see cref="EconGeoIndicators.CoOccurrence"/> and <see cref="EconGeoIndicators.Relatedness"/> directly.</summary>
public sealed class RelatednessMetric : Metric<RelatednessMetricOptions, MatrixResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "relatedness";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Relatedness of fields from their co-occurrence in specialised regions (association by default; cosine, jaccard, prob).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Matrix;

    /// <inheritdoc/>
    public override MatrixResult Compute(MetricContext context, RelatednessMetricOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        return Of(context, options);
    }

    /// <summary>The relatedness the options describe, computed once per context and shared with relatedness density.</summary>
    internal static MatrixResult Of(MetricContext context, RelatednessMetricOptions options)
    {
        var activity = options.Matrix(context);
        return context.GetOrAdd(new CacheKey("econgeo:relatedness", (activity, options.Method)), _ =>
        {
            // Fields × regions incidence of the specialisations: C = MᵀM counts the regions specialised in both fields.
            var incidence = EconGeoIndicators.Binary(activity).Transpose();
            return EconGeoIndicators.Relatedness(EconGeoIndicators.CoOccurrence(incidence), new RelatednessOptions { Method = options.Method });
        });
    }
}

/// <summary>Relatedness density of every region in every field (id <c>relatedness-density</c>): 100 · Σ_j M_cj φ_jp /
/// Σ_j φ_jp with φ the <see cref="RelatednessMetric"/> relatedness. See <see cref="EconGeoIndicators.RelatednessDensity"/>.</summary>
public sealed class RelatednessDensityMetric : Metric<RelatednessMetricOptions, MatrixResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "relatedness-density";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Relatedness density of each region in each field (Hidalgo et al. 2007; Boschma, Balland and Kogler 2015).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Matrix;

    /// <inheritdoc/>
    public override MatrixResult Compute(MetricContext context, RelatednessMetricOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        return EconGeoIndicators.RelatednessDensity(options.Matrix(context), RelatednessMetric.Of(context, options));
    }
}

/// <summary>The economic-geography metrics of the engine.</summary>
public static class EconGeoFamily
{
    /// <summary>A new list of the family's metrics, one instance each (the location quotient twice: as
    /// <c>location-quotient</c> and as its alias <c>rca</c>).</summary>
    /// <returns>The metrics.</returns>
    public static IReadOnlyList<IMetric> Create() =>
    [
        new LocationQuotientMetric(),
        new LocationQuotientMetric(LocationQuotientMetric.AliasId),
        new DiversityMetric(),
        new UbiquityMetric(),
        new EciMetric(),
        new RelatednessMetric(),
        new RelatednessDensityMetric(),
    ];
}
