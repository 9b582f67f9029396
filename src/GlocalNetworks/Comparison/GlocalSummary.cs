using System;
using System.Collections.Generic;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Comparison;

/// <summary>Options of the glocal summary that a comparison adds by default (see <see cref="GlocalSummary"/>).</summary>
public sealed record GlocalSummaryOptions
{
    /// <summary>The region level of the E-I index and of the gatekeepers' clusters; <see langword="null"/>: the comparison's
    /// level (<c>AtLevel</c>), else each metric's default (province, NUTS-2, state).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Level { get; init; }

    /// <summary>The "near" side (DESIGN §0) for the gatekeepers' internal ties and the glocal actors.</summary>
    /// <value>The default value is <see cref="Scale.Regional"/>. For data located by country only (CORDIS H2020) use
    /// <see cref="Scale.National"/>, as no tie is ever Regional there.</value>
    public Scale LocalCutoff { get; init; } = Scale.Regional;
}

/// <summary>
/// The glocal summary of a network, as rows of a <see cref="ComparisonTable"/>: its links and active innovators, its scale
/// mix, its openness, its gatekeepers and its glocal actors.
/// </summary>
/// <remarks>
/// <para>Rows (S a scale of the classifier, L the level):</para>
/// <list type="bullet">
/// <item><c>links</c>, and <c>innovators.active</c> (innovators with at least one link; a part of a split keeps every
/// innovator, so the others are isolated there).</item>
/// <item><c>scale-mix.share.S</c>: the share of link weight at scale S (metric <c>scale-mix</c>, network part).</item>
/// <item><c>ei-index.ei.L</c> and <c>ei-index.openness.L</c>: the E-I index and openness E/(E+I) of the network with the
/// regions at L as groups (metric <c>ei-index</c>).</item>
/// <item><c>gatekeepers.gatekeeper</c>, <c>.mutual-exchanger</c>, <c>.external-star</c>, <c>.isolated</c>: the innovators
/// of each class, summed over the regions at L (metric <c>gatekeepers</c>, region part).</item>
/// <item><c>glocality.glocal-actors</c>: innovators with ties on both sides of the local cutoff (metric <c>glocality</c>).</item>
/// </list>
/// </remarks>
public static class GlocalSummary
{
    private static readonly string[] GatekeeperClasses = ["gatekeeper", "mutual-exchanger", "external-star", "isolated"];

    /// <summary>The metric requests of the summary, in the order <see cref="AddRows"/> reads them.</summary>
    /// <param name="options">The options.</param>
    /// <returns>Four requests: scale-mix, ei-index, gatekeepers, glocality.</returns>
    public static IReadOnlyList<MetricRequest> Requests(GlocalSummaryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            new MetricRequest(ScaleMixMetric.MetricId, new ScaleMixOptions { Groupings = ScaleMixGroupings.Network }),
            new MetricRequest(EiIndexMetric.MetricId, new EiIndexOptions { Level = options.Level }),
            new MetricRequest(GatekeepersMetric.MetricId, new GatekeepersOptions { Level = options.Level, LocalCutoff = options.LocalCutoff }),
            new MetricRequest(GlocalityMetric.MetricId, new GlocalityOptions { LocalCutoff = options.LocalCutoff }),
        ];
    }

    /// <summary>Adds the summary rows of one network from the results of <see cref="Requests"/>.</summary>
    /// <param name="results">The four results, in the order of <see cref="Requests"/>.</param>
    /// <param name="add">Receives (row name, value).</param>
    internal static void AddRows(IReadOnlyList<MetricResult> results, Action<string, double> add)
    {
        var mix = ((ScaleMixResult)results[0]).Network!;
        var glocality = (NodeTable)results[3];
        add("links", mix["links"]);
        var active = 0;
        foreach (var t in glocality.Column("total"))
        {
            active += t > 0 ? 1 : 0;
        }

        add("innovators.active", active);
        for (var i = 0; i < mix.Columns.Count; i++)
        {
            if (mix.Columns[i].StartsWith("share.", StringComparison.Ordinal))
            {
                add(mix.QualifiedName(i), mix.Values[i]);
            }
        }

        var ei = ((EiIndexResult)results[1]).Network;
        for (var i = 0; i < ei.Columns.Count; i++)
        {
            var c = ei.Columns[i];
            var label = c[(c.IndexOf('.', StringComparison.Ordinal) + 1)..];
            if (c.StartsWith("ei.", StringComparison.Ordinal) || c.StartsWith("openness.", StringComparison.Ordinal))
            {
                if (!label.Contains('.', StringComparison.Ordinal))
                {
                    add(ei.QualifiedName(i), ei.Values[i]);
                }
            }
        }

        var regions = ((GatekeepersResult)results[2]).Regions;
        foreach (var c in GatekeeperClasses)
        {
            double sum = 0;
            foreach (var v in regions.Column(c))
            {
                sum += double.IsNaN(v) ? 0 : v;
            }

            add(GatekeepersMetric.MetricId + "." + c, sum);
        }

        double actors = 0;
        foreach (var v in glocality.Column("glocal-actor"))
        {
            actors += double.IsNaN(v) ? 0 : v;
        }

        add(GlocalityMetric.MetricId + ".glocal-actors", actors);
    }
}
