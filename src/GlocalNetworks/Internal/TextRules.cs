using System;
using System.Diagnostics.CodeAnalysis;

namespace GlocalNetworks.Internal;

/// <summary>Small text rules shared by the model, IO and the metric engine.</summary>
internal static class TextRules
{
    /// <summary>Whether <paramref name="s"/> is kebab-case: letters and digits in runs joined by single hyphens, no leading or
    /// trailing hyphen. Lowercase ASCII only unless <paramref name="allowUpper"/>.</summary>
    public static bool IsKebab([NotNullWhen(true)] string? s, bool allowUpper)
    {
        if (string.IsNullOrEmpty(s) || s[0] == '-' || s[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (allowUpper && c is >= 'A' and <= 'Z') || (c == '-' && s[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One CSV field (RFC 4180): quoted, with doubled quotes, when it holds a comma, quote or line break; empty for null.</summary>
    public static string CsvField(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return string.Empty;
        }

        return s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
