using System;
using System.Globalization;

namespace GlocalNetworks.Model;

/// <summary>A point on the Earth in WGS84 degrees.</summary>
/// <remarks>Latitude is in [-90, 90] and longitude in [-180, 180]; anything else, or NaN, throws.</remarks>
public readonly record struct GeoPoint
{
    /// <summary>The mean Earth radius used by <see cref="DistanceKm"/>: 6371.0088 km (IUGG mean radius R1).</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Creates a point.</summary>
    /// <param name="latitude">Latitude in degrees, in [-90, 90].</param>
    /// <param name="longitude">Longitude in degrees, in [-180, 180].</param>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate is out of range or NaN.</exception>
    public GeoPoint(double latitude, double longitude)
    {
        if (!(latitude >= -90 && latitude <= 90))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be in [-90, 90] degrees.");
        }

        if (!(longitude >= -180 && longitude <= 180))
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be in [-180, 180] degrees.");
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>Latitude in degrees, in [-90, 90].</summary>
    public double Latitude { get; }

    /// <summary>Longitude in degrees, in [-180, 180].</summary>
    public double Longitude { get; }

    /// <summary>Whether <paramref name="latitude"/> and <paramref name="longitude"/> make a valid point.</summary>
    /// <param name="latitude">Latitude in degrees.</param>
    /// <param name="longitude">Longitude in degrees.</param>
    /// <returns><see langword="true"/> when both are in range.</returns>
    public static bool IsValid(double latitude, double longitude) =>
        latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180;

    /// <summary>The haversine great-circle distance to <paramref name="other"/> in kilometres, with R = <see cref="EarthRadiusKm"/>.</summary>
    /// <param name="other">The other point.</param>
    /// <returns>The distance in km, in [0, π R].</returns>
    public double DistanceKm(GeoPoint other)
    {
        const double toRad = Math.PI / 180.0;
        var dLat = (other.Latitude - Latitude) * toRad;
        var dLon = (other.Longitude - Longitude) * toRad;
        var s1 = Math.Sin(dLat / 2);
        var s2 = Math.Sin(dLon / 2);
        var a = (s1 * s1) + (Math.Cos(Latitude * toRad) * Math.Cos(other.Latitude * toRad) * s2 * s2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"({Latitude}, {Longitude})");
}
