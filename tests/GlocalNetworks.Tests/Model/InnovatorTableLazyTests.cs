using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Tests.Model;

/// <summary>The inferred innovator table makes its innovators on first use: the same table as the eager one, made once
/// even when many threads touch it first.</summary>
public sealed class InnovatorTableLazyTests
{
    private static InnovatorResolver Resolver()
    {
        var r = new InnovatorResolver(null);
        foreach (var id in new[] { "12", "acme", "0", "07", "16777215", "Zeta", "3" })
        {
            r.Resolve(id);
        }

        r.ResolveCanonical(99);
        return r;
    }

    [Fact]
    public void BuildInferred_LazyTable_SameAsTheEagerTable()
    {
        var tree = RegionTree.Empty(RegionLadder.Default);
        var lazy = Resolver().BuildInferred(tree);
        string[] ids = ["12", "acme", "0", "07", "16777215", "Zeta", "3", "99"];
        var eager = NetworkAssembly.CreateInnovatorTable(
            ids.Select(id => new Innovator(id, id, InnovatorKind.Other, RegionTree.ImplicitRootId)).ToList(), tree, null, null);

        // Counts, kinds and homes come without making the innovators.
        Assert.Equal(eager.Count, lazy.Count);
        Assert.Equal(eager.Kinds.ToArray(), lazy.Kinds.ToArray());
        Assert.Equal(eager.RegionIndices.ToArray(), lazy.RegionIndices.ToArray());
        Assert.Equal(eager.ToArray(), lazy.ToArray());
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(ids[i], lazy.IdOf(i));
            Assert.Equal(i, lazy.IndexOf(ids[i]));
            Assert.Same(lazy[i], lazy[ids[i]]);
        }

        Assert.False(lazy.TryGetIndex("7", out var missing));
        Assert.Equal(-1, missing);
        Assert.Equal(eager.Suggest("Zet"), lazy.Suggest("Zet"));
        Assert.Equal(Assert.Throws<KeyNotFoundException>(() => eager.IndexOf("acne")).Message,
            Assert.Throws<KeyNotFoundException>(() => lazy.IndexOf("acne")).Message);
    }

    [Fact]
    public void Indexer_ManyThreadsFirst_OneSetOfInnovators()
    {
        for (var round = 0; round < 20; round++)
        {
            var table = Resolver().BuildInferred(RegionTree.Empty(RegionLadder.Default));
            var seen = new ConcurrentBag<Innovator>();
            Parallel.For(0, 8, i => seen.Add(i % 2 == 0 ? table[3] : table["07"]));
            Assert.All(seen, x => Assert.Same(table[3], x));
        }
    }

    [Fact]
    public void BuildInferred_TreeWithoutImplicitRoot_RaisesTheUsualError()
    {
        var tree = RegionTree.Build([new Region("W", "World", RegionLadder.Default.Coarsest, null)], RegionLadder.Default);
        Assert.False(tree.Contains(RegionTree.ImplicitRootId));
        var e = Assert.Throws<GlocalNetworks.ReferentialIntegrityException>(() => Resolver().BuildInferred(tree));
        Assert.Equal(RegionTree.ImplicitRootId, e.Value);
    }
}
