using System;
using System.Collections.Generic;

namespace GlocalNetworks.Internal;

/// <summary>Finds the known ids closest to an unknown one by edit distance, for error messages.</summary>
internal static class Suggestions
{
    /// <summary>Up to <paramref name="max"/> candidates within a small edit distance of <paramref name="unknown"/>, closest first, ties by ordinal order.</summary>
    public static IReadOnlyList<string> Closest(string unknown, IEnumerable<string> candidates, int max = 3)
    {
        var limit = Math.Max(2, unknown.Length / 3);
        var best = new List<(int Distance, string Id)>();
        foreach (var c in candidates)
        {
            if (Math.Abs(c.Length - unknown.Length) > limit)
            {
                continue;
            }

            var d = Distance(unknown, c, limit);
            if (d <= limit)
            {
                best.Add((d, c));
            }
        }

        best.Sort(static (a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Id, b.Id));
        var result = new List<string>(Math.Min(max, best.Count));
        for (var i = 0; i < best.Count && i < max; i++)
        {
            result.Add(best[i].Id);
        }

        return result;
    }

    /// <summary>The hint appended to an "unknown id" sentence: <c> Did you mean 'a' or 'b'?</c>, or empty without suggestions.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions) =>
        suggestions.Count == 0 ? string.Empty : " Did you mean '" + string.Join("' or '", suggestions) + "'?";

    /// <summary>Case-insensitive Levenshtein distance, stopping early above <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            var ca = char.ToLowerInvariant(a[i - 1]);
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = ca == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.Min(rowMin, cur[j]);
            }

            if (rowMin > limit)
            {
                return rowMin;
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
