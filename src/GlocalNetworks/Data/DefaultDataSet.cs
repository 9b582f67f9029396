using System;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.IO.Events;

namespace GlocalNetworks.Data;

/// <summary>
/// The default data set embedded in the library: a small extract of the CORDIS FP7 participation network located by
/// city, centred on Turin, with links at every scale (Local, Regional, National, Supranational, Global). It needs no
/// files and no network access, so examples and the demo run anywhere.
/// </summary>
/// <remarks>
/// <para>Contents: 29 FP7 projects (every project with 3 to 12 participants, all geocoded to a GeoNames city with a known
/// admin-1 division, at least two of them in Turin) and their 174 organisations, 236 participations; with full counting
/// 935 undated co-participation links (Local 96, Regional 82, National 83, Supranational 634, Global 40); 201 regions on
/// the default ladder (world, M49 world regions, countries, GeoNames admin-1 provinces, GeoNames cities). Innovator kinds
/// are inferred from the names with <see cref="InnovatorKindRule"/>. The extract is made by
/// <c>eng/data/make_default_extract.py</c>; the three CSVs are embedded as the resources
/// <c>GlocalNetworks.Data.regions.csv</c>, <c>GlocalNetworks.Data.innovators.csv</c> and <c>GlocalNetworks.Data.events.csv</c>.</para>
/// <para>Attribution (see <see cref="Attribution"/> and the package's NOTICE.md): CORDIS data "Source: CORDIS, © European
/// Union, 2016" (CC BY 4.0), via the #SOD16 hackathon tables (MIT); GeoNames (CC BY 4.0); the ISO 3166 / M49 country
/// table by Luke Duncalfe (CC BY-SA 4.0).</para>
/// </remarks>
public static class DefaultDataSet
{
    /// <summary>The attribution to show wherever the default data set is used or redistributed.</summary>
    public const string Attribution =
        "Source: CORDIS, © European Union, 2016 (CC BY 4.0), via the #SOD16 tables of spaghetti-open-data/eu-research-funding-network (MIT); " +
        "GeoNames, geonames.org (CC BY 4.0); ISO-3166-Countries-with-Regional-Codes by Luke Duncalfe (CC BY-SA 4.0).";

    private const string ResourcePrefix = "GlocalNetworks.Data.";

    /// <summary>Loads the default data set: the embedded regions, innovators and events, projected to co-participation links.</summary>
    /// <param name="options">Load options; <see langword="null"/> for the defaults (default ladder, strict). A custom ladder must
    /// have the levels city, province, country, world-region and world (e.g. <c>RegionLadder.Default.WithScaleMap(...)</c>).</param>
    /// <param name="projection">Projection options; <see langword="null"/> for full counting.</param>
    /// <returns>The network (undated links of kind JointProject) and the load report.</returns>
    public static LoadResult Load(LoadOptions? options = null, EventProjectionOptions? projection = null) =>
        GlocalCsv.LoadEvents(Resource("events.csv"), Resource("innovators.csv"), Resource("regions.csv"), projection, options);

    /// <summary>One embedded CSV as an input named by its file name.</summary>
    /// <param name="fileName">The file name (<c>regions.csv</c>, <c>innovators.csv</c> or <c>events.csv</c>).</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentException">There is no such embedded file.</exception>
    public static CsvInput Resource(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        using var stream = typeof(DefaultDataSet).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new ArgumentException($"There is no embedded data file '{fileName}'; the default data set has regions.csv, innovators.csv and events.csv.", nameof(fileName));
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return CsvInput.FromBytes(fileName, bytes);
    }
}
