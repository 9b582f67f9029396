using System;

namespace GlocalNetworks.Data;

/// <summary>
/// Maps the country codes of CORDIS and Eurostat (NUTS) to ISO 3166-1 alpha-2, the ids of country regions:
/// <c>EL</c> → <c>GR</c> (Greece), <c>UK</c> → <c>GB</c> (United Kingdom), <c>KO</c> → <c>XK</c> (Kosovo). Every other code is
/// returned unchanged (upper-cased and trimmed).
/// </summary>
/// <remarks>FP7 uses both <c>EL</c> and <c>GR</c> for Greece, and both <c>KO</c> and <c>XK</c> for Kosovo; after the mapping they agree.
/// <c>XK</c> is a user-assigned code (not in ISO 3166-1); <see cref="WorldRegions"/> adds it under Europe.</remarks>
public static class CountryCodes
{
    /// <summary>The ISO alpha-2 code for a CORDIS/Eurostat country code.</summary>
    /// <param name="code">A country code such as <c>EL</c>, <c>UK</c>, <c>DE</c>; surrounding spaces are ignored.</param>
    /// <returns>The ISO code (<c>GR</c>, <c>GB</c>, <c>DE</c>), or an empty string for an empty code.</returns>
    public static string ToIso(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return ToIso(code.AsSpan());
    }

    /// <summary>The ISO alpha-2 code for a CORDIS/Eurostat country code given as a span.</summary>
    /// <param name="code">A country code.</param>
    /// <returns>The ISO code, or an empty string for an empty code.</returns>
    public static string ToIso(ReadOnlySpan<char> code)
    {
        code = code.Trim();
        if (code.Length == 2)
        {
            var a = char.ToUpperInvariant(code[0]);
            var b = char.ToUpperInvariant(code[1]);
            switch (a, b)
            {
                case ('E', 'L'):
                    return "GR";
                case ('U', 'K'):
                    return "GB";
                case ('K', 'O'):
                    return "XK";
            }
        }

        return code.IsEmpty ? string.Empty : code.ToString().ToUpperInvariant();
    }
}
