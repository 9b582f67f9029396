using System.IO;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Data;

public class SharedDataTests
{
    [Fact]
    public void Directory_Found_HoldsTheDataSets()
    {
        Assert.True(System.IO.Directory.Exists(Path.Combine(SharedData.Directory, "regions")));
        Assert.True(File.Exists(SharedData.Files.Fp7Organisations));
        Assert.True(File.Exists(Path.Combine(SharedData.RepositoryRoot, "GlocalNetworks.sln")));
    }

    [Fact]
    public void Path_MissingFile_FailsWithClearMessage()
    {
        var e = Assert.Throws<System.InvalidOperationException>(() => SharedData.Path("no-such-folder/none.csv"));

        Assert.Contains(SharedData.EnvironmentVariable, e.Message, System.StringComparison.Ordinal);
    }
}
