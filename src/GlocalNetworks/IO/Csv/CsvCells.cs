using System;
using System.Globalization;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.Csv;

/// <summary>Culture-invariant parsing of CSV cells; each parser returns false instead of throwing.</summary>
internal static class CsvCells
{
    public static bool TryDouble(ReadOnlySpan<char> s, out double value) =>
        double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static bool TryBool(ReadOnlySpan<char> s, out bool value)
    {
        s = s.Trim();
        if (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("1", StringComparison.Ordinal) || s.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        if (s.Equals("false", StringComparison.OrdinalIgnoreCase) || s.Equals("0", StringComparison.Ordinal) || s.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }

        value = false;
        return false;
    }

    /// <summary>An innovator kind: enum name (any case), kebab-case, or a CORDIS activity type.</summary>
    public static bool TryInnovatorKind(ReadOnlySpan<char> s, out InnovatorKind kind)
    {
        Span<char> buf = stackalloc char[32];
        kind = Key(s, buf) switch
        {
            "firm" or "prc" or "company" or "enterprise" => InnovatorKind.Firm,
            "university" or "hes" or "highereducation" => InnovatorKind.University,
            "researchinstitute" or "rec" or "research" => InnovatorKind.ResearchInstitute,
            "government" or "pub" or "public" or "publicbody" => InnovatorKind.Government,
            "intermediary" or "association" => InnovatorKind.Intermediary,
            "other" or "oth" => InnovatorKind.Other,
            "regionaggregate" => InnovatorKind.RegionAggregate,
            _ => (InnovatorKind)255,
        };
        return kind != (InnovatorKind)255;
    }

    /// <summary>A link kind: enum name (any case) or kebab-case.</summary>
    public static bool TryLinkKind(ReadOnlySpan<char> s, out LinkKind kind)
    {
        Span<char> buf = stackalloc char[32];
        kind = Key(s, buf) switch
        {
            "copatent" => LinkKind.CoPatent,
            "copublication" => LinkKind.CoPublication,
            "jointproject" or "project" => LinkKind.JointProject,
            "alliance" => LinkKind.Alliance,
            "citation" => LinkKind.Citation,
            "licence" or "license" => LinkKind.Licence,
            "mobility" => LinkKind.Mobility,
            "other" => LinkKind.Other,
            _ => (LinkKind)255,
        };
        return kind != (LinkKind)255;
    }

    // The trimmed cell, normalised into buf, as a key to match kind names against.
    private static ReadOnlySpan<char> Key(ReadOnlySpan<char> s, Span<char> buf) => buf[..Normalise(s.Trim(), buf)];

    // Lower-case ASCII letters only (drops '-', '_' and spaces); anything too long normalises to nothing.
    private static int Normalise(ReadOnlySpan<char> s, Span<char> buf)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (c is '-' or '_' or ' ')
            {
                continue;
            }

            if (n == buf.Length)
            {
                return 0;
            }

            buf[n++] = char.ToLowerInvariant(c);
        }

        return n;
    }
}
