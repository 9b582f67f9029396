using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GlocalNetworks.IO;

/// <summary>
/// What every reader accepts in a link's weight, years and date, and the reasons it gives when a value is refused. The
/// readers wrap a reason in their own exception type with their own file, line, column and value.
/// </summary>
internal static class LinkFieldRules
{
    /// <summary>The last year a link may carry.</summary>
    public const int MaxYear = 9999;

    /// <summary>The first year a GraphML or GEXF link may carry (it keeps the link sort's year span bounded).</summary>
    public const int MinGraphYear = 1;

    /// <summary>The first year a CSV link or event may carry.</summary>
    public const int MinCsvYear = -9999;

    /// <summary>The reason for a weight that is not a number.</summary>
    public const string WeightNotANumber = "is not a number; weights must be > 0.";

    /// <summary>The reason for a year that is not a whole number.</summary>
    public const string NotAYear = "is not a year; use a whole number such as 2015.";

    /// <summary>The reason for a date that is not <c>yyyy-MM-dd</c>.</summary>
    public const string NotADate = "is not a date; use yyyy-MM-dd.";

    /// <summary>The reason a self-loop is refused.</summary>
    public const string SelfLoopRejected = "equals the source; self-loops are not knowledge links.";

    /// <summary>The reason reported for a self-loop left out under <see cref="Kernels.SelfLoopPolicy.Ignore"/>.</summary>
    public const string SelfLoopLeftOut = "equals the source; the self-loop is left out (LoadOptions.SelfLoops is Ignore).";

    /// <summary>What is wrong with a parsed weight, or <see langword="null"/> when it is finite and &gt; 0.</summary>
    public static string? WeightProblem(double weight) =>
        double.IsNaN(weight) ? WeightNotANumber
        : double.IsInfinity(weight) ? "is infinite; weights must be finite and > 0."
        : weight < 0 ? "is negative; weights must be > 0."
        : weight == 0 ? "is zero; weights must be > 0."
        : null;

    /// <summary>Reads an optional year: blank is no year; otherwise an invariant-culture whole number in
    /// <paramref name="minYear"/>..<see cref="MaxYear"/>.</summary>
    /// <param name="text">The value as read (surrounding white space allowed).</param>
    /// <param name="minYear">The first year allowed.</param>
    /// <param name="year">The year, or <see langword="null"/> when blank.</param>
    /// <param name="problem">What is wrong when the result is <see langword="false"/>.</param>
    /// <returns>Whether the value is blank or a year in range.</returns>
    public static bool TryYear(ReadOnlySpan<char> text, int minYear, out int? year, [NotNullWhen(false)] out string? problem)
    {
        year = null;
        problem = null;
        if (text.IsWhiteSpace())
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y))
        {
            problem = NotAYear;
            return false;
        }

        if (y < minYear || y > MaxYear)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"is out of range; years must lie in {minYear}..{MaxYear}.");
            return false;
        }

        year = y;
        return true;
    }

    /// <summary>What is wrong with an end year, or <see langword="null"/> when a start year at or before it is given.</summary>
    public static string? EndYearProblem(int? year, int endYear) =>
        year is not { } y ? "is given without a start year."
        : endYear < y ? "is before the start year."
        : null;

    /// <summary>Parses a <c>yyyy-MM-dd</c> date (surrounding white space allowed).</summary>
    public static bool TryDate(ReadOnlySpan<char> text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
