using System.IO;

namespace GlocalNetworks.DuckDB.Tests;

/// <summary>The SQL of docs/duckdb.md's example: the early Horizon 2020 network from the shared CORDIS files.</summary>
public static class CordisSql
{
    /// <summary>World &gt; M49 regions &gt; countries, as <c>WorldRegions.ReadRegions</c> builds them (Kosovo added under Europe;
    /// country centroids from the population-weighted centre, else the capital).</summary>
    public static string Regions(string data) => $"""
        WITH c AS (
          SELECT "alpha-2" AS id, name, nullif(trim(region), '') AS wr_name, nullif(trim("region-code"), '') AS wr_code
          FROM read_csv('{P(data, "regions/countries-iso3166-m49.csv")}', all_varchar = true)),
        cen AS (
          SELECT alpha2,
                 CASE WHEN popw_lat IS NOT NULL AND popw_lon IS NOT NULL THEN CAST(popw_lat AS DOUBLE) ELSE CAST(capital_lat AS DOUBLE) END AS lat,
                 CASE WHEN popw_lat IS NOT NULL AND popw_lon IS NOT NULL THEN CAST(popw_lon AS DOUBLE) ELSE CAST(capital_lon AS DOUBLE) END AS lon
          FROM read_csv('{P(data, "country-centroids/countries.csv")}', all_varchar = true))
        SELECT 'world' AS id, 'World' AS name, 'world' AS level, NULL AS parent, NULL::DOUBLE AS lat, NULL::DOUBLE AS lon
        UNION ALL
        SELECT DISTINCT 'm49:' || wr_code, wr_name, 'world-region', 'world', NULL, NULL FROM c WHERE wr_code IS NOT NULL
        UNION ALL
        SELECT c.id, c.name, 'country', coalesce('m49:' || c.wr_code, 'world'), cen.lat, cen.lon FROM c LEFT JOIN cen ON cen.alpha2 = c.id
        UNION ALL
        SELECT 'XK', 'Kosovo', 'country', 'm49:150', cen.lat, cen.lon FROM (SELECT 1) LEFT JOIN cen ON cen.alpha2 = 'XK'
        WHERE NOT EXISTS (SELECT 1 FROM c WHERE id = 'XK')
        """;

    /// <summary>Organisations located by country (EL → GR, UK → GB, KO → XK; none → the world root); every other column an attribute.</summary>
    public static string Innovators(string data) => $"""
        SELECT org_id AS id, name, {GlocalDuckDb.CountryIsoSql("country")} AS region,
               short_name, name_normal, country, n_projects, n_projects_with_contribution, total_ec_contribution
        FROM read_csv('{P(data, "cordis-h2020-sod16/organisations.csv")}', all_varchar = true)
        """;

    /// <summary>Participations in file order, each with its project's start year and (when it has a start) end year.</summary>
    public static string Events(string data) => $"""
        WITH pr AS (
          SELECT project_rcn, year(TRY_CAST(start_date AS DATE)) AS s, year(TRY_CAST(end_date AS DATE)) AS e
          FROM read_csv('{P(data, "cordis-h2020-sod16/projects.csv")}', all_varchar = true))
        SELECT p.project_rcn AS event, p.org_id AS innovator, pr.s AS year,
               CASE WHEN pr.s IS NULL OR pr.e < pr.s THEN NULL ELSE pr.e END AS end_year
        FROM (SELECT *, row_number() OVER () AS n
              FROM read_csv('{P(data, "cordis-h2020-sod16/participations.csv")}', all_varchar = true)) p
        LEFT JOIN pr USING (project_rcn)
        ORDER BY p.n
        """;

    private static string P(string data, string relative) => Path.Combine(data, relative).Replace("'", "''", System.StringComparison.Ordinal);
}
