using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Internal;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.Events;

/// <summary>How co-participation in an event is counted.</summary>
public enum ParticipationCounting
{
    /// <summary>Each pair of participants gets weight 1 per event.</summary>
    Full = 0,

    /// <summary>Each pair gets 1/(p - 1) for an event with p participants, so each participant receives 1 per event (Newman 2001).</summary>
    Fractional = 1,
}

/// <summary>What to do with an event that has more participants than <see cref="EventProjectionOptions.MaxParticipants"/>.</summary>
public enum OversizedEventPolicy
{
    /// <summary>Leave the event out; each skipped event is reported.</summary>
    Skip = 0,

    /// <summary>Project it anyway; each such event is counted in the report.</summary>
    Project = 1,
}

/// <summary>Defaults of <see cref="EventProjectionOptions"/>.</summary>
public static class EventProjectionDefaults
{
    /// <summary>Full counting.</summary>
    public const ParticipationCounting Counting = ParticipationCounting.Full;

    /// <summary>No size limit.</summary>
    public const int MaxParticipants = int.MaxValue;

    /// <summary>Joint projects.</summary>
    public const LinkKind Kind = LinkKind.JointProject;
}

/// <summary>Options of the projection of events (projects, patents, publications) to co-participation links (DESIGN 2.14). Immutable.</summary>
public sealed record EventProjectionOptions
{
    /// <summary>The default options.</summary>
    public static EventProjectionOptions Default { get; } = new();

    /// <summary>Full or fractional counting.</summary>
    /// <value>The default value is <see cref="ParticipationCounting.Full"/>.</value>
    public ParticipationCounting Counting { get; init; } = EventProjectionDefaults.Counting;

    /// <summary>The largest event projected without applying <see cref="Oversized"/>.</summary>
    /// <value>The default value is <see cref="int.MaxValue"/> (unlimited).</value>
    public int MaxParticipants { get; init; } = EventProjectionDefaults.MaxParticipants;

    /// <summary>What to do with larger events.</summary>
    /// <value>The default value is <see cref="OversizedEventPolicy.Skip"/>.</value>
    public OversizedEventPolicy Oversized { get; init; } = OversizedEventPolicy.Skip;

    /// <summary>The kind of the projected links.</summary>
    /// <value>The default value is <see cref="LinkKind.JointProject"/>.</value>
    public LinkKind Kind { get; init; } = EventProjectionDefaults.Kind;
}

/// <summary>Participation rows gathered by event: event ids interned once, one int per row.</summary>
internal sealed class EventParticipations
{
    private readonly Dictionary<string, int> _events = new(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
#endif

    public EventParticipations()
    {
#if NET9_0_OR_GREATER
        _lookup = _events.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

    public List<string> EventIds { get; } = [];

    public List<int> EventYear { get; } = [];

    public List<int> EventEnd { get; } = [];

    public List<int> RowEvent { get; } = [];

    public List<int> RowInnovator { get; } = [];

    public List<long> RowLine { get; } = [];

    /// <summary>Adds a participation; returns a message when its year disagrees with the event's earlier rows (the first wins).</summary>
    public string? Add(ReadOnlySpan<char> eventId, int innovator, int? year, int? end, long line)
    {
#if NET9_0_OR_GREATER
        var found = _lookup.TryGetValue(eventId, out var e);
#else
        var found = _events.TryGetValue(eventId.ToString(), out var e);
#endif
        string? conflict = null;
        var y = year ?? LinkTable.NoYear;
        var en = end ?? LinkTable.NoYear;
        if (!found)
        {
            e = EventIds.Count;
            var id = eventId.ToString();
            _events.Add(id, e);
            EventIds.Add(id);
            EventYear.Add(y);
            EventEnd.Add(en);
        }
        else if ((year is not null && EventYear[e] != y) || (end is not null && EventEnd[e] != en))
        {
            conflict = EventYear[e] == LinkTable.NoYear && EventEnd[e] == LinkTable.NoYear
                ? $"differs from the event's earlier rows, which have no year; event '{EventIds[e]}' keeps its first rows' dates."
                : $"differs from the event's earlier rows; event '{EventIds[e]}' keeps its first rows' dates.";
        }

        RowEvent.Add(e);
        RowInnovator.Add(innovator);
        RowLine.Add(line);
        return conflict;
    }
}

/// <summary>Projects events to co-participation links.</summary>
internal static class EventProjector
{
    public static void Project(EventParticipations p, EventProjectionOptions options, LinkColumnsBuilder dest, LoadReport report, string fileName,
        Func<int, string> innovatorId)
    {
        var rows = p.RowEvent.Count;
        var eventCount = p.EventIds.Count;
        var order = new int[rows];
        CountingSort.Identity(order);
        var rowEvent = p.RowEvent.ToArray();
        CountingSort.StableByKey(rowEvent, eventCount, order);
        var members = new List<int>();
        long singles = 0, projected = 0, links = 0, duplicates = 0, oversizedProjected = 0;
        var k = 0;
        for (var e = 0; e < eventCount; e++)
        {
            members.Clear();
            while (k < rows && rowEvent[order[k]] == e)
            {
                members.Add(p.RowInnovator[order[k]]);
                k++;
            }

            members.Sort();
            var w = 0;
            for (var i = 0; i < members.Count; i++)
            {
                if (w > 0 && members[w - 1] == members[i])
                {
                    duplicates++;
                    report.Add(new LoadIssue(fileName, null, "innovator", innovatorId(members[i]),
                        $"is listed more than once in event '{p.EventIds[e]}'; counted once.", LoadAction.Repaired));
                    continue;
                }

                members[w++] = members[i];
            }

            members.RemoveRange(w, members.Count - w);
            var n = members.Count;
            if (n < 2)
            {
                singles++;
                continue;
            }

            if (n > options.MaxParticipants)
            {
                if (options.Oversized == OversizedEventPolicy.Skip)
                {
                    report.Add(new LoadIssue(fileName, null, "event", p.EventIds[e],
                        string.Create(CultureInfo.InvariantCulture, $"has {n} participants, more than MaxParticipants ({options.MaxParticipants}); the event is skipped."), LoadAction.Skipped));
                    continue;
                }

                oversizedProjected++;
            }

            var weight = options.Counting == ParticipationCounting.Fractional ? 1.0 / (n - 1) : 1.0;
            var y = p.EventYear[e];
            var end = p.EventEnd[e];
            int? year = y == LinkTable.NoYear ? null : y;
            int? endYear = end == LinkTable.NoYear ? null : end;
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    dest.Add(members[i], members[j], weight, options.Kind, year, endYear, null, false);
                }
            }

            links += (long)n * (n - 1) / 2;
            projected++;
        }

        report.Count("events", eventCount);
        report.Count("events projected", projected);
        report.Count("events with one participant (no link)", singles);
        report.Count("duplicate participations removed", duplicates);
        if (oversizedProjected > 0)
        {
            report.Count("events above MaxParticipants projected", oversizedProjected);
        }

        report.Count("links from events", links);
    }
}
