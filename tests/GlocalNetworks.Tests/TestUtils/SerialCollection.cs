using Xunit;

namespace GlocalNetworks.Tests.TestUtils;

/// <summary>Tests that measure process-wide state (the GC heap) and so must not run next to other tests: xunit runs this
/// collection on its own, after the parallel collections.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "serial (process-wide measurements)";
}
