using System;
using System.Threading.Tasks;
using Microsoft.DotNet.Interactive;

namespace GlocalNetworks.Interactive;

/// <summary>
/// The kernel extension that .NET Interactive loads when a notebook references the package (<c>#r "nuget: GlocalNetworks.Interactive"</c>):
/// the package carries this assembly in <c>interactive-extensions/dotnet/</c>, where the host looks for
/// <see cref="IKernelExtension"/> types. It registers <see cref="GlocalFormatters"/>.
/// </summary>
public sealed class GlocalKernelExtension : IKernelExtension
{
    /// <summary>Registers the HTML formatters.</summary>
    /// <param name="kernel">The kernel the extension is loaded into.</param>
    /// <returns>A completed task.</returns>
    public Task OnLoadAsync(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        GlocalFormatters.Register();
        return Task.CompletedTask;
    }
}
