namespace GlocalNetworks.Model;

/// <summary>
/// The geographic scale of a knowledge link, ordered from the nearest to the farthest:
/// <see cref="Local"/> &lt; <see cref="Regional"/> &lt; <see cref="National"/> &lt; <see cref="Supranational"/> &lt; <see cref="Global"/>.
/// </summary>
/// <remarks>
/// By default a link's scale comes from the ladder level of the lowest common ancestor of its two ends' home regions
/// (see <see cref="Scales.LcaScaleClassifier"/>). A scale the ladder's map never emits does not occur; the classifier's
/// <see cref="Scales.IScaleClassifier.Scales"/> lists those that can.
/// </remarks>
public enum Scale : byte
{
    /// <summary>Both ends in one locality (city, NUTS-3, county, or prefecture city in China).</summary>
    Local = 0,

    /// <summary>Both ends in one province, state or NUTS-2/NUTS-1 region, but not one locality.</summary>
    Regional = 1,

    /// <summary>Both ends in one country, but not one region.</summary>
    National = 2,

    /// <summary>Both ends in one world region (UN M49 region, or the EU), but not one country.</summary>
    Supranational = 3,

    /// <summary>Ends in different world regions.</summary>
    Global = 4,
}
