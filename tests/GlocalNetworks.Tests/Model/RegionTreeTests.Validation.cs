using System;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Tests.Model;

public sealed partial class RegionTreeTests
{
    [Fact]
    public void Build_DuplicateIdWithLines_NamesBothLines()
    {
        Region[] regions = [R("world", "world", null), R("DE1", "country", "world"), R("FR", "country", "world"), R("DE1", "country", "world")];

        var ex = Assert.Throws<RegionTreeException>(() => RegionTree.Build(regions, RegionLadder.Default, RegionsFile, [2, 3, 5, 7]));

        Assert.Equal("regions.csv:7: column 'id': value 'DE1' is a duplicate region id; it first occurs on line 3.", ex.Message);
        Assert.Equal(RegionsFile, ex.FilePath);
        Assert.Equal(7, ex.Line);
        Assert.Equal("id", ex.Column);
        Assert.Equal("DE1", ex.Value);
        Assert.Empty(ex.Cycle);
    }

    [Fact]
    public void Build_DuplicateIdWithoutLines_SaysDuplicate()
    {
        Region[] regions = [R("world", "world", null), R("DE1", "country", "world"), R("DE1", "country", "world")];

        var ex = Assert.Throws<RegionTreeException>(() => RegionTree.Build(regions, RegionLadder.Default));

        Assert.Equal("column 'id': value 'DE1' is a duplicate region id.", ex.Message);
        Assert.Null(ex.Line);
        Assert.Null(ex.FilePath);
    }

    [Fact]
    public void Build_EmptyId_Throws()
    {
        Region[] regions = [R("world", "world", null), R(" ", "country", "world")];

        var ex = Assert.Throws<RegionTreeException>(() => RegionTree.Build(regions, RegionLadder.Default, RegionsFile, [2, 3]));

        Assert.Equal("regions.csv:3: column 'id': value ' ' is empty; every region needs an id.", ex.Message);
    }

    [Fact]
    public void Build_UnknownParent_SuggestsClosestId()
    {
        Region[] regions =
        [
            R("world", "world", null), R("Europe", "world-region", "world"), R("Germany", "country", "Europe"),
            R("Bavaria", "province", "Germny"),
        ];

        var ex = Assert.Throws<RegionTreeException>(() => RegionTree.Build(regions, RegionLadder.Default, RegionsFile, [2, 3, 4, 5]));

        Assert.Equal("regions.csv:5: column 'parent': value 'Germny' is not a known region id (parent of region 'Bavaria'). Did you mean 'Germany'?", ex.Message);
        Assert.Equal(5, ex.Line);
        Assert.Equal("parent", ex.Column);
        Assert.Equal("Germny", ex.Value);
    }

    [Fact]
    public void Build_UnknownParentWithNothingClose_HasNoSuggestion()
    {
        Region[] regions = [R("world", "world", null), R("Bavaria", "province", "Atlantis")];

        var ex = Assert.Throws<RegionTreeException>(() => RegionTree.Build(regions, RegionLadder.Default));

        Assert.Equal("column 'parent': value 'Atlantis' is not a known region id (parent of region 'Bavaria').", ex.Message);
    }

    [Fact]
    public void Build_TwoCycle_ListsCycleInParentOrder()
    {
        Region[] regions = [R("world", "world", null), R("A", "country", "B"), R("B", "country", "A")];

        var ex = Assert.Throws<RegionTreeException>(() => RegionTree.Build(regions, RegionLadder.Default, RegionsFile, [2, 3, 4]));

        Assert.Equal(["A", "B", "A"], ex.Cycle);
        Assert.Equal("regions.csv:3: column 'parent': value 'B' closes a cycle of regions: A -> B -> A; a region cannot be its own ancestor.", ex.Message);
    }

    [Fact]
    public void Build_ThreeCycleReachedFromATail_ListsOnlyTheCycle()
    {
        // D hangs from the cycle A -> B -> C -> A; D is not on it.
        Region[] regions =
        [
            R("world", "world", null), R("D", "province", "A"), R("A", "country", "B"), R("B", "country", "C"), R("C", "country", "A"),
        ];

        var ex = Assert.Throws<RegionTreeException>(() => RegionTree.Build(regions, RegionLadder.Default, RegionsFile, [2, 3, 4, 5, 6]));

        Assert.Equal(["A", "B", "C", "A"], ex.Cycle);
        Assert.Contains("A -> B -> C -> A", ex.Message, StringComparison.Ordinal);
        Assert.Equal("regions.csv:4: column 'parent': value 'B' closes a cycle of regions: A -> B -> C -> A; a region cannot be its own ancestor.", ex.Message);
    }

    [Fact]
    public void Build_SelfParent_IsACycleOfOne()
    {
        Region[] regions = [R("world", "world", null), R("A", "country", "A")];

        var ex = Assert.Throws<RegionTreeException>(() => RegionTree.Build(regions, RegionLadder.Default));

        Assert.Equal(["A", "A"], ex.Cycle);
        Assert.Equal("column 'parent': value 'A' closes a cycle of regions: A -> A; a region cannot be its own ancestor.", ex.Message);
    }

    [Fact]
    public void Build_ParentAtFinerLevel_Throws()
    {
        Region[] regions =
        [
            R("world", "world", null), R("DE", "country", "world"), R("Munich", "city", "DE"), R("Bavaria", "province", "Munich"),
        ];

        var ex = Assert.Throws<RegionTreeException>(() => RegionTree.Build(regions, RegionLadder.Default, RegionsFile, [2, 3, 4, 5]));

        Assert.Equal("regions.csv:5: column 'parent': value 'Munich' sits at level 'city', which is not coarser than this region's level 'province'; a parent must sit at a coarser level.", ex.Message);
        Assert.Empty(ex.Cycle);
    }

    [Fact]
    public void Build_ParentAtSameLevel_Throws()
    {
        Region[] regions = [R("world", "world", null), R("DE", "country", "world"), R("FR", "country", "DE")];

        var ex = Assert.Throws<RegionTreeException>(() => RegionTree.Build(regions, RegionLadder.Default));

        Assert.Equal("column 'parent': value 'DE' sits at level 'country', which is not coarser than this region's level 'country'; a parent must sit at a coarser level.", ex.Message);
    }

    [Fact]
    public void Build_ParentSkipsLevels_IsAccepted()
    {
        Region[] regions = [R("world", "world", null), R("Berlin", "city", "world")];

        var tree = RegionTree.Build(regions, RegionLadder.Default);

        Assert.Equal(0, tree.ParentIndex(tree.IndexOf("Berlin")));
    }

    [Fact]
    public void Build_LevelNotOnLadder_ListsTheLevels()
    {
        Region[] regions = [R("world", "world", null), new Region("DE11", "Stuttgart", new RegionLevel("nuts2", 1), "world")];

        var ex = Assert.Throws<RegionTreeException>(() => RegionTree.Build(regions, RegionLadder.Default, RegionsFile, [2, 3]));

        Assert.Equal("regions.csv:3: column 'level': value 'nuts2' is not a level of the ladder 'default'; its levels are city, province, country, world-region, world.", ex.Message);
    }

    [Fact]
    public void Build_TwoRootsAtCoarsestLevel_Throws()
    {
        Region[] regions = [R("W1", "world", null), R("W2", "world", null), R("DE", "country", "W1")];

        var ex = Assert.Throws<RegionTreeException>(() => RegionTree.Build(regions, RegionLadder.Default, RegionsFile, [2, 3, 4]));

        Assert.Equal("regions.csv: column 'parent': has several roots (W1, W2) and one of them sits at the coarsest level 'world'; give them one root region at level 'world', or leave every root below that level so an implicit root is added.", ex.Message);
        Assert.Null(ex.Line);
    }

    [Fact]
    public void Build_CoarsestRootAndAnOrphanBelowIt_Throws()
    {
        Region[] regions = [R("world", "world", null), R("Europe", "world-region", null)];

        var ex = Assert.Throws<RegionTreeException>(() => RegionTree.Build(regions, RegionLadder.Default));

        Assert.StartsWith("column 'parent': has several roots (world, Europe) and one of them sits at the coarsest level 'world';", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ManyRoots_ListsTheFirstFive()
    {
        Region[] regions =
        [
            R("W1", "world", null), R("W2", "world", null), R("W3", "world", null), R("W4", "world", null),
            R("W5", "world", null), R("W6", "world", null),
        ];

        var ex = Assert.Throws<RegionTreeException>(() => RegionTree.Build(regions, RegionLadder.Default));

        Assert.Contains("several roots (W1, W2, W3, W4, W5, ...) and", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ImplicitRootIdUsedBelowTheCoarsestLevel_IsReserved()
    {
        Region[] regions = [R("Europe", "world-region", null), R("(world)", "country", "Europe")];

        var ex = Assert.Throws<RegionTreeException>(() => RegionTree.Build(regions, RegionLadder.Default, RegionsFile, [2, 3]));

        Assert.Equal("regions.csv:3: column 'id': value '(world)' is reserved for the implicit root; rename the region.", ex.Message);
        Assert.Equal(3, ex.Line);
        Assert.Equal(RegionTree.ImplicitRootId, ex.Value);
    }
}
