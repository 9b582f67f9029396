using System.Collections.Generic;
using GlocalNetworks.Model;

namespace GlocalNetworks.Glocal;

/// <summary>Organiser membership as two CSRs: each organiser's distinct members (in the order first listed) and each
/// innovator's organisers (ascending). Shared by <see cref="OrganiserReachMetric"/> and the homophily of new links.</summary>
internal sealed class OrganiserMemberships
{
    private OrganiserMemberships(int[] memberStart, int[] members, int[] orgStart, int[] orgOf)
    {
        (MemberStart, Members, OrgStart, OrgOf) = (memberStart, members, orgStart, orgOf);
    }

    /// <summary>Organiser j's members are <c>Members[MemberStart[j] .. MemberStart[j + 1])</c>.</summary>
    public int[] MemberStart { get; }

    /// <summary>The members of every organiser, organiser by organiser (innovator indices, distinct per organiser).</summary>
    public int[] Members { get; }

    /// <summary>Innovator i's organisers are <c>OrgOf[OrgStart[i] .. OrgStart[i + 1])</c>.</summary>
    public int[] OrgStart { get; }

    /// <summary>The organisers of every innovator, ascending per innovator.</summary>
    public int[] OrgOf { get; }

    /// <summary>Whether innovator <paramref name="i"/> belongs to at least one organiser.</summary>
    /// <param name="i">The innovator index.</param>
    /// <returns>Whether it is a member.</returns>
    public bool IsMember(int i) => OrgStart[i + 1] > OrgStart[i];

    /// <summary>Whether innovators <paramref name="a"/> and <paramref name="b"/> share an organiser (merge of the sorted lists).</summary>
    /// <param name="a">One innovator index.</param>
    /// <param name="b">The other.</param>
    /// <returns>Whether they share one.</returns>
    public bool Share(int a, int b)
    {
        int x = OrgStart[a], xe = OrgStart[a + 1], y = OrgStart[b], ye = OrgStart[b + 1];
        while (x < xe && y < ye)
        {
            var (p, q) = (OrgOf[x], OrgOf[y]);
            if (p == q)
            {
                return true;
            }

            x += p < q ? 1 : 0;
            y += p > q ? 1 : 0;
        }

        return false;
    }

    /// <summary>Builds the memberships of <paramref name="net"/>'s organisers (member ids were validated when it was built).</summary>
    /// <param name="net">The network.</param>
    /// <returns>The memberships.</returns>
    public static OrganiserMemberships Of(GlocalNetwork net)
    {
        var n = net.Innovators.Count;
        var orgs = net.Organisers;
        var o = orgs.Count;
        var memberStart = new int[o + 1];
        var members = new List<int>();
        var stamp = new int[n];
        for (var j = 0; j < o; j++)
        {
            foreach (var id in orgs[j].MemberIds)
            {
                var i = net.Innovators.IndexOf(id);
                if (stamp[i] != j + 1)
                {
                    stamp[i] = j + 1;
                    members.Add(i);
                }
            }

            memberStart[j + 1] = members.Count;
        }

        var orgStart = new int[n + 1];
        foreach (var i in members)
        {
            orgStart[i + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            orgStart[i + 1] += orgStart[i];
        }

        var orgOf = new int[members.Count];
        var fill = (int[])orgStart.Clone();
        for (var j = 0; j < o; j++)
        {
            for (var p = memberStart[j]; p < memberStart[j + 1]; p++)
            {
                orgOf[fill[members[p]]++] = j;
            }
        }

        return new OrganiserMemberships(memberStart, [.. members], orgStart, orgOf);
    }
}
