using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Evolution;

/// <summary>
/// Main path analysis of a citation network (Hummon and Doreian 1989; traversal counts of Batagelj 2003; global main path
/// of Liu and Lu 2012): the knowledge trajectory that the most search paths run through.
/// </summary>
/// <remarks>
/// <para>Id <c>main-path</c> (DESIGN §2.13). Input: a network whose links are directed citations in knowledge-flow direction
/// (cited → citing), or any directed network; an undirected link is an <see cref="ArgumentException"/>. Parallel links are
/// one arc (every link row gets its arc's values). A source has in-degree 0 and out-degree &gt; 0, a sink out-degree 0 and
/// in-degree &gt; 0; isolated innovators are neither and add nothing.</para>
/// <para><b>Counts</b>, in topological order (Kahn): N⁻(v) = [v is a source] + Σ<sub>u→v</sub> N⁻(u) and, backwards,
/// N⁺(v) = [v is a sink] + Σ<sub>v→w</sub> N⁺(w); N⁻_all and N⁺_all start every non-isolated node with 1.
/// SPC(u,v) = N⁻(u)·N⁺(v), SPLC(u,v) = N⁻_all(u)·N⁺(v), SPNP(u,v) = N⁻_all(u)·N⁺_all(v). N, the normaliser, is
/// Σ<sub>sources</sub> N⁺ (SPC: the number of source-to-sink paths), Σ<sub>v</sub> N⁺(v) (SPLC) or Σ<sub>v</sub> N⁺_all(v)
/// (SPNP), each the number of s-t paths of Batagelj's augmented network, so the count of an arc never exceeds N. At every
/// intermediate node the SPC in equals the SPC out. Counts are doubles (exact integers up to 2^53); when N exceeds 1e300
/// every count is recomputed in natural logarithms (log-sum-exp): <c>value</c> and <c>log-count</c> stay accurate,
/// <c>count</c> becomes +∞ beyond <see cref="double.MaxValue"/>, and ties are equal logs within a relative 1e-12.</para>
/// <para><b>Local (forward) main path</b>: the arc(s) with the largest count among arcs leaving sources, then from each
/// head the out-arc(s) with the largest count, until sinks. <b>Global main path</b>: the source-to-sink path with the
/// largest Σ count, by longest-path dynamic programming in topological order (in log space Σ count / N). With
/// <see cref="MainPathTieBreak.KeepAll"/> (default) ties keep every tied arc or every maximal path, so a main path may be
/// a subgraph; <see cref="MainPathTieBreak.FirstByNodeOrder"/> returns one path.</para>
/// <para><b>Key-route main path</b> (Liu and Lu 2012; <see cref="MainPathOptions.KeyRoutes"/> = k &gt; 0): the k arcs with
/// the largest count (every arc tied with the k-th kept) and, from each, the forward continuation from its head to a sink
/// and the backward one from its tail to a source, locally (largest-count arc(s) at each step) or globally (largest sum
/// of counts), per <see cref="MainPathOptions.Search"/>; results in <see cref="MainPathResult.KeyRoutePath"/> and a
/// <c>key-route</c> column. O(m log m + n).</para>
/// <para><b>Cycles</b> (DESIGN §0). <see cref="CyclePolicy.Break"/> (default) reports every strongly connected component
/// with more than one innovator and, inside each, drops the arcs that cite a newer work (source year &gt; target year,
/// both known; a work's year is the <see cref="MainPathOptions.YearAttribute"/> attribute, else the earliest year of the
/// links pointing at it), then, while a cycle remains, drops the remaining cycle's arc with the largest (source, target)
/// innovator index. Every arc inside a strongly connected component lies on a cycle, so this is the largest arc of each
/// cyclic sub-component, until none is left. Arcs outside cyclic components are never dropped: an acyclic network is
/// analysed as it is. Every dropped arc is in <see cref="MainPathResult.DroppedArcs"/>, with NaN counts in the table.
/// <see cref="CyclePolicy.Throw"/> raises <see cref="GraphNotAcyclicException"/> naming a shortest cycle through the
/// smallest innovator of the first cyclic component.</para>
/// <para>Time O(n + m) for the counts and both paths; breaking cycles costs O(d·(n_c + m_c)) for d arcs dropped by the
/// index rule in a component of n_c innovators and m_c arcs. Empty network: N = 0, no paths, NaN values.</para>
/// </remarks>
public sealed class MainPathMetric : Metric<MainPathOptions, MainPathResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "main-path";

    private static readonly GraphView View = new() { Directed = true, Weighted = false, Parallel = ParallelLinkPolicy.First, SelfLoops = SelfLoopPolicy.Ignore };

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Main path analysis of a citation network: SPC, SPLC or SPNP arc weights and the local and global main paths.";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Composite;

    /// <inheritdoc/>
    public override MainPathResult Compute(MetricContext context, MainPathOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var net = context.Network;
        var links = net.Links;
        var ids = context.InnovatorIds;
        var directed = links.Directed;
        for (var l = 0; l < links.Count; l++)
        {
            if (!directed[l])
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Main path analysis needs directed links (citations from the cited to the citing work), but link {l} '{ids[links.Sources[l]]}' - '{ids[links.Targets[l]]}' is undirected. Load citations as directed links (LoadOptions.Directed = true, or AddLink(..., directed: true))."),
                    nameof(context));
            }
        }

        var ct = context.CancellationToken;
        var g = context.Graph(View);
        var components = MainPathKernel.CyclicComponents(g);
        if (components.Length > 0 && options.Cycles == CyclePolicy.Throw)
        {
            var cycle = MainPathKernel.FindCycle(g, components[0]);
            var named = new string[cycle.Length];
            for (var i = 0; i < cycle.Length; i++)
            {
                named[i] = ids[cycle[i]];
            }

            throw new GraphNotAcyclicException(named, components.Length,
                "Main path analysis needs a citation DAG; use CyclePolicy.Break to drop arcs by the documented rule.");
        }

        // Break cycles, then map each arc of g to its arc in the DAG (-1 when dropped).
        (int[] Entries, byte[] Reasons, int[] Components) dropped = components.Length == 0
            ? ([], [], [])
            : MainPathKernel.BreakCycles(g, components, Years(net, options.YearAttribute, ids.Length), ct);
        var toDag = new int[g.EntryCount];
        var dag = g;
        if (dropped.Entries.Length == 0)
        {
            for (var e = 0; e < toDag.Length; e++)
            {
                toDag[e] = e;
            }
        }
        else
        {
            var keep = g.EntryCount - dropped.Entries.Length;
            var ks = new int[keep];
            var kt = new int[keep];
            var offsets = g.Offsets;
            var targets = g.Targets;
            int k = 0, d = 0;
            for (var u = 0; u < g.NodeCount; u++)
            {
                for (var e = offsets[u]; e < offsets[u + 1]; e++)
                {
                    if (d < dropped.Entries.Length && dropped.Entries[d] == e)
                    {
                        toDag[e] = -1;
                        d++;
                        continue;
                    }

                    (ks[k], kt[k], toDag[e]) = (u, targets[e], k);
                    k++;
                }
            }

            dag = CsrGraph.Build(ks, kt, [], g.NodeCount, directed: true, ParallelLinkPolicy.First, SelfLoopPolicy.Ignore);
        }

        var kind = options.Weight switch
        {
            TraversalWeight.Splc => MainPathKernel.Count.Splc,
            TraversalWeight.Spnp => MainPathKernel.Count.Spnp,
            _ => MainPathKernel.Count.Spc,
        };
        var counts = MainPathKernel.Traverse(dag, kind, ct);
        var keepAll = options.TieBreak == MainPathTieBreak.KeepAll;
        var local = MainPathKernel.LocalPath(dag, counts, keepAll);
        var global = MainPathKernel.GlobalPath(dag, counts, keepAll, out var globalWeight);
        ArgumentOutOfRangeException.ThrowIfNegative(options.KeyRoutes);
        var (keyRoutes, keyRoute) = KeyRoute.Search(dag, counts, options.KeyRoutes, options.Search, keepAll);
        var onKeyRoute = new bool[dag.EntryCount];
        foreach (var e in keyRoute)
        {
            onKeyRoute[e] = true;
        }

        var onLocal = new bool[dag.EntryCount];
        var onGlobal = new bool[dag.EntryCount];
        foreach (var e in local)
        {
            onLocal[e] = true;
        }

        foreach (var e in global)
        {
            onGlobal[e] = true;
        }

        // One row per link.
        var m = links.Count;
        var src = links.Sources;
        var tgt = links.Targets;
        var keys = new string[m];
        var value = new double[m];
        var count = new double[m];
        var logCount = new double[m];
        var localCol = new double[m];
        var globalCol = new double[m];
        var localLinks = new List<int>();
        var globalLinks = new List<int>();
        var keyRouteCol = new double[m];
        var keyRouteLinks = new List<int>();
        var linksPerArc = new int[g.EntryCount];
        for (var l = 0; l < m; l++)
        {
            var (u, v) = (src[l], tgt[l]);
            keys[l] = ids[u] + "|" + ids[v];
            var e = g.Offsets[u] + g.Neighbors(u).BinarySearch(v);
            linksPerArc[e]++;
            var a = toDag[e];
            if (a < 0)
            {
                (value[l], count[l], logCount[l]) = (double.NaN, double.NaN, double.NaN);
                continue;
            }

            (value[l], count[l], logCount[l]) = (counts.Normalised(a), counts.CountOf(a), counts.LogCountOf(a));
            if (onLocal[a])
            {
                localCol[l] = 1;
                localLinks.Add(l);
            }

            if (onGlobal[a])
            {
                globalCol[l] = 1;
                globalLinks.Add(l);
            }

            if (onKeyRoute[a])
            {
                keyRouteCol[l] = 1;
                keyRouteLinks.Add(l);
            }
        }

        List<KeyValuePair<string, double[]>> arcColumns =
        [
            KeyedTable.Col(KeyedTable.ValueColumn, value), KeyedTable.Col("count", count), KeyedTable.Col("log-count", logCount),
            KeyedTable.Col("local", localCol), KeyedTable.Col("global", globalCol),
        ];
        if (options.KeyRoutes > 0)
        {
            arcColumns.Add(KeyedTable.Col("key-route", keyRouteCol));
        }

        var arcs = new LinkScoreTable(Id, keys, arcColumns);

        // Dropped arcs.
        var dagSources = MainPathKernel.EntrySources(dag);
        var droppedArcs = new DroppedArc[dropped.Entries.Length];
        var droppedKeys = new string[droppedArcs.Length];
        var reasonCol = new double[droppedArcs.Length];
        var componentCol = new double[droppedArcs.Length];
        var linksCol = new double[droppedArcs.Length];
        var gSources = MainPathKernel.EntrySources(g);
        for (var i = 0; i < droppedArcs.Length; i++)
        {
            var e = dropped.Entries[i];
            var (u, v) = (gSources[e], g.Targets[e]);
            var reason = dropped.Reasons[i] == MainPathKernel.CitesNewer ? DropReason.CitesNewerWork : DropReason.LargestInCycle;
            droppedArcs[i] = new DroppedArc(ids[u], ids[v], reason, dropped.Components[i]);
            droppedKeys[i] = ids[u] + "|" + ids[v];
            (reasonCol[i], componentCol[i], linksCol[i]) = ((int)reason, dropped.Components[i], linksPerArc[e]);
        }

        var droppedTable = new GroupTable(Id, "arc", droppedKeys,
            [KeyedTable.Col("reason", reasonCol), KeyedTable.Col("component", componentCol), KeyedTable.Col("links", linksCol)]);

        var cyclic = new IReadOnlyList<string>[components.Length];
        for (var c = 0; c < components.Length; c++)
        {
            var names = new string[components[c].Length];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = ids[components[c][i]];
            }

            cyclic[c] = names;
        }

        var total = counts.Log ? Math.Exp(counts.Total) : counts.Total;
        var logTotal = counts.Log ? counts.Total : Math.Log(counts.Total);
        List<KeyValuePair<string, double>> networkValues =
        [
            new("paths", total), new("log-paths", logTotal), new("sources", counts.Sources), new("sinks", counts.Sinks),
            new("isolated", counts.Isolated), new("arcs", g.EntryCount), new("cyclic-components", components.Length),
            new("dropped-arcs", droppedArcs.Length), new("local-arcs", local.Length), new("global-arcs", global.Length),
            new("global-weight", globalWeight), new("log-space", counts.Log ? 1 : 0),
        ];
        if (options.KeyRoutes > 0)
        {
            networkValues.Add(new("key-routes", keyRoutes.Length));
            networkValues.Add(new("key-route-arcs", keyRoute.Length));
        }

        var network = new ScalarResult(Id, networkValues);

        var props = new Dictionary<string, string>
        {
            ["weight"] = options.Weight.ToString().ToLowerInvariant(),
            ["cycles"] = options.Cycles.ToString(),
            ["tie-break"] = options.TieBreak.ToString(),
            ["year-attribute"] = options.YearAttribute,
            ["log-space"] = counts.Log ? "true" : "false",
        };
        if (options.KeyRoutes > 0)
        {
            props["key-routes"] = options.KeyRoutes.ToString(CultureInfo.InvariantCulture);
            props["key-route-search"] = options.Search.ToString();
        }


        return new MainPathResult(network, arcs, droppedTable, props, net,
            Arcs(local), Arcs(global), localLinks.ToArray(), globalLinks.ToArray(), droppedArcs, cyclic,
            Arcs(keyRoutes), Arcs(keyRoute), keyRouteLinks.ToArray());

        MainPathArc[] Arcs(int[] entries)
        {
            var r = new MainPathArc[entries.Length];
            for (var i = 0; i < r.Length; i++)
            {
                var e = entries[i];
                r[i] = new MainPathArc(ids[dagSources[e]], ids[dag.Targets[e]], counts.CountOf(e), counts.Normalised(e));
            }

            return r;
        }
    }

    /// <summary>Each innovator's year: the integer attribute, else the earliest year of the links pointing at it (the
    /// citations the work makes), else unknown.</summary>
    private static int[] Years(GlocalNetwork net, string attribute, int n)
    {
        var years = new int[n];
        var given = new bool[n];
        Array.Fill(years, MainPathKernel.UnknownYear);
        var inn = net.Innovators;
        for (var i = 0; i < n; i++)
        {
            if (inn[i].Attributes.TryGetValue(attribute, out var text)
                && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y))
            {
                (years[i], given[i]) = (y, true);
            }
        }

        var links = net.Links;
        var tgt = links.Targets;
        for (var l = 0; l < links.Count; l++)
        {
            var v = tgt[l];
            if (!given[v] && links.YearOf(l) is { } y && (years[v] == MainPathKernel.UnknownYear || y < years[v]))
            {
                years[v] = y;
            }
        }

        return years;
    }
}
