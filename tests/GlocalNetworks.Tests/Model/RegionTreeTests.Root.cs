using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Tests.Model;

public sealed partial class RegionTreeTests
{
    [Fact]
    public void Build_SingleRootAtCoarsestLevel_IsTheRoot()
    {
        Region[] regions = [R("DE", "country", "world"), R("world", "world", null)];

        var tree = RegionTree.Build(regions, RegionLadder.Default);

        Assert.Equal(2, tree.Count);
        Assert.Equal("world", tree.Root.Id);
        Assert.Equal(1, tree.RootIndex);
        Assert.Equal(-1, tree.ParentIndex(tree.RootIndex));
        Assert.False(tree.Contains(RegionTree.ImplicitRootId));
    }

    [Fact]
    public void Build_RootsBelowCoarsestLevel_AddsImplicitWorldRootLast()
    {
        Region[] regions = [R("Europe", "world-region", null), R("Asia", "world-region", null), R("DE", "country", "Europe")];

        var tree = RegionTree.Build(regions, RegionLadder.Default);

        Assert.Equal(4, tree.Count);
        Assert.Equal(3, tree.RootIndex);
        Assert.Equal("(world)", tree.Root.Id);
        Assert.Equal("World", tree.Root.Name);
        Assert.Equal(RegionLadder.Default.Coarsest, tree.Root.Level);
        Assert.Null(tree.Root.ParentId);
        Assert.Equal(3, tree.ParentIndex(0));
        Assert.Equal(3, tree.ParentIndex(1));
        Assert.Equal(0, tree.ParentIndex(2));
        Assert.Equal(0, tree.Depth(3));
        Assert.Equal(1, tree.Depth(0));
        Assert.Equal(2, tree.Depth(2));
        Assert.Equal("(world)", tree.Lca(tree["Europe"], tree["Asia"]).Id);
        Assert.Same(tree.Root, tree[RegionTree.ImplicitRootId]);
    }

    [Fact]
    public void Build_SingleRootBelowCoarsestLevel_AddsImplicitRoot()
    {
        var tree = RegionTree.Build([R("DE", "country", null), R("Bavaria", "province", "DE")], RegionLadder.Default);

        Assert.Equal(3, tree.Count);
        Assert.Equal("(world)", tree.Root.Id);
        Assert.Equal(2, tree.Depth(tree.IndexOf("Bavaria")));
    }

    [Fact]
    public void Empty_HasOnlyTheImplicitRoot()
    {
        var tree = RegionTree.Empty(RegionLadder.Eu);

        Assert.Single(tree);
        Assert.Equal("(world)", tree.Root.Id);
        Assert.Equal("world", tree.Root.Level.Name);
        Assert.Equal(5, tree.Root.Level.Rank);
    }

    [Fact]
    public void Build_ChildrenBeforeParents_GivesSameTree()
    {
        var forward = TestUtils.TinyNetworks.WorldRegions();
        var reversed = TestUtils.TinyNetworks.WorldRegions();
        reversed.Reverse();

        var a = RegionTree.Build(forward, RegionLadder.Default);
        var b = RegionTree.Build(reversed, RegionLadder.Default);

        Assert.Equal(a.Count, b.Count);
        foreach (var r in a)
        {
            Assert.Equal(a.Depth(a.IndexOf(r.Id)), b.Depth(b.IndexOf(r.Id)));
            Assert.Equal(r.ParentId, b[r.Id].ParentId);
        }

        Assert.Equal(forward.Count - 1, b.IndexOf("world"));
    }
}
