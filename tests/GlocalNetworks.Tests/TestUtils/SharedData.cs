using System;
using System.IO;
using GlocalNetworks.Data;

namespace GlocalNetworks.Tests.TestUtils;

/// <summary>
/// Finds the project's real data sets (<c>shared/data</c> beside the repository root). Tests that need them fail with a
/// clear message when they are missing; they never skip.
/// </summary>
/// <remarks>
/// The folder is, in order: the environment variable <c>GLOCAL_SHARED_DATA</c> when set; otherwise <c>../shared/data</c>
/// relative to the repository root, found by walking up from <see cref="AppContext.BaseDirectory"/> to the folder that
/// holds <c>GlocalNetworks.sln</c>.
/// </remarks>
public static class SharedData
{
    /// <summary>The environment variable that overrides the location.</summary>
    public const string EnvironmentVariable = "GLOCAL_SHARED_DATA";

    private static readonly Lazy<string> Dir = new(Locate);

    /// <summary>The <c>shared/data</c> folder; throws when it cannot be found.</summary>
    public static string Directory => Dir.Value;

    /// <summary>The data files in their standard layout.</summary>
    public static DataFiles Files => new(Directory);

    /// <summary>The full path of a file under <c>shared/data</c>, which must exist.</summary>
    /// <param name="relative">A path relative to <c>shared/data</c>, e.g. <c>regions/nuts2021.csv</c>.</param>
    /// <returns>The full path.</returns>
    public static string Path(string relative)
    {
        var p = System.IO.Path.Combine(Directory, relative);
        if (!File.Exists(p))
        {
            throw new InvalidOperationException($"The shared data file '{p}' does not exist. The folder '{Directory}' is incomplete; restore it or set {EnvironmentVariable}.");
        }

        return p;
    }

    /// <summary>The repository root (the folder holding GlocalNetworks.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var d = new DirectoryInfo(AppContext.BaseDirectory);
            while (d is not null && !File.Exists(System.IO.Path.Combine(d.FullName, "GlocalNetworks.sln")))
            {
                d = d.Parent;
            }

            return d?.FullName ?? throw new InvalidOperationException(
                $"No folder holding GlocalNetworks.sln was found above '{AppContext.BaseDirectory}'; run the tests from the repository.");
        }
    }

    private static string Locate()
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            return System.IO.Directory.Exists(env)
                ? System.IO.Path.GetFullPath(env)
                : throw new InvalidOperationException($"{EnvironmentVariable} is set to '{env}', which is not a folder. Point it at the shared/data folder holding regions/, cordis-fp7-sod16/ and the other data sets.");
        }

        var root = RepositoryRoot;
        var dir = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "..", "shared", "data"));
        if (!System.IO.Directory.Exists(dir))
        {
            throw new InvalidOperationException(
                $"The shared data folder was not found at '{dir}' (../shared/data beside the repository root '{root}'). Tests that read real data need it: put it there or set {EnvironmentVariable} to its path.");
        }

        return dir;
    }
}
