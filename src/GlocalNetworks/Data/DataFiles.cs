using System;
using System.IO;

namespace GlocalNetworks.Data;

/// <summary>
/// Where the real data sets' files are: by default the layout of the project's <c>shared/data</c> folder under
/// <see cref="Directory"/>; each path can be changed with <c>files with { Fp7Organisations = "..." }</c>. Immutable.
/// </summary>
/// <param name="Directory">The data folder (the one holding <c>regions/</c>, <c>cordis-fp7-sod16/</c>, <c>gazetteer-geonames/</c> ...).</param>
/// <remarks>The readers open only the files they need; a missing file raises <see cref="FileNotFoundException"/> naming it.</remarks>
public sealed record DataFiles(string Directory)
{
    /// <summary>The ISO 3166-1 country table with UN M49 world regions.</summary>
    /// <value>The default value is <c>regions/countries-iso3166-m49.csv</c>.</value>
    public string Countries { get; init; } = Combine(Directory, "regions", "countries-iso3166-m49.csv");

    /// <summary>One representative point per country (optional: when the file does not exist, countries get no centroid).</summary>
    /// <value>The default value is <c>country-centroids/countries.csv</c>.</value>
    public string CountryCentroids { get; init; } = Combine(Directory, "country-centroids", "countries.csv");

    /// <summary>The NUTS 2021 tree with label points.</summary>
    /// <value>The default value is <c>regions/nuts2021.csv</c>.</value>
    public string Nuts2021 { get; init; } = Combine(Directory, "regions", "nuts2021.csv");

    /// <summary>GeoNames first-level divisions (province names).</summary>
    /// <value>The default value is <c>gazetteer-geonames/admin1.csv</c>.</value>
    public string GeoNamesAdmin1 { get; init; } = Combine(Directory, "gazetteer-geonames", "admin1.csv");

    /// <summary>The geocoding of FP7 (country, city) pairs to GeoNames places.</summary>
    /// <value>The default value is <c>gazetteer-geonames/fp7-city-matches.csv</c>.</value>
    public string Fp7CityMatches { get; init; } = Combine(Directory, "gazetteer-geonames", "fp7-city-matches.csv");

    /// <summary>The FP7 organisations.</summary>
    /// <value>The default value is <c>cordis-fp7-sod16/organisations.csv</c>.</value>
    public string Fp7Organisations { get; init; } = Combine(Directory, "cordis-fp7-sod16", "organisations.csv");

    /// <summary>The FP7 participations (project, organisation).</summary>
    /// <value>The default value is <c>cordis-fp7-sod16/participations.csv</c>.</value>
    public string Fp7Participations { get; init; } = Combine(Directory, "cordis-fp7-sod16", "participations.csv");

    /// <summary>The H2020 organisations.</summary>
    /// <value>The default value is <c>cordis-h2020-sod16/organisations.csv</c>.</value>
    public string H2020Organisations { get; init; } = Combine(Directory, "cordis-h2020-sod16", "organisations.csv");

    /// <summary>The H2020 participations (project, organisation).</summary>
    /// <value>The default value is <c>cordis-h2020-sod16/participations.csv</c>.</value>
    public string H2020Participations { get; init; } = Combine(Directory, "cordis-h2020-sod16", "participations.csv");

    /// <summary>The H2020 projects (start and end dates).</summary>
    /// <value>The default value is <c>cordis-h2020-sod16/projects.csv</c>.</value>
    public string H2020Projects { get; init; } = Combine(Directory, "cordis-h2020-sod16", "projects.csv");

    /// <summary>China's GB/T 2260 division tree.</summary>
    /// <value>The default value is <c>china-divisions/divisions.csv</c>.</value>
    public string ChinaDivisions { get; init; } = Combine(Directory, "china-divisions", "divisions.csv");

    private static string Combine(string directory, string folder, string file)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return Path.Combine(directory, folder, file);
    }
}
