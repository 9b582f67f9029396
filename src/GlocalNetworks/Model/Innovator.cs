using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace GlocalNetworks.Model;

/// <summary>The kind of an innovator.</summary>
public enum InnovatorKind : byte
{
    /// <summary>A private firm (CORDIS activity type PRC).</summary>
    Firm = 0,

    /// <summary>A university or other higher-education body (HES).</summary>
    University = 1,

    /// <summary>A public or private research institute (REC).</summary>
    ResearchInstitute = 2,

    /// <summary>A government body or public authority (PUB).</summary>
    Government = 3,

    /// <summary>An intermediary: an industry association, chamber, agency or technology-transfer office.</summary>
    Intermediary = 4,

    /// <summary>Anything else, or unknown (OTH).</summary>
    Other = 5,

    /// <summary>A node that stands for a whole region in a region network.</summary>
    RegionAggregate = 6,
}

/// <summary>An innovator: a firm, university, research institute, public body or intermediary located in a home region. Immutable.</summary>
/// <param name="Id">The innovator id, unique in the network and compared ordinally.</param>
/// <param name="Name">The display name, kept exactly as given (accents, CJK).</param>
/// <param name="Kind">The kind.</param>
/// <param name="RegionId">The id of the home region: the finest region known for the innovator (a city, or only a country
/// when nothing finer is known, which makes its links <c>ResolutionLimited</c>).</param>
/// <param name="Location">Its own coordinates, or <see langword="null"/>.</param>
/// <param name="Attributes">Keyed attributes (industry, technology field, size, ...); never <see langword="null"/> once built.</param>
public sealed record Innovator(string Id, string Name, InnovatorKind Kind, string RegionId, GeoPoint? Location = null,
    IReadOnlyDictionary<string, string>? Attributes = null)
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    /// <summary>The keyed attributes (empty when none were given).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = Attributes ?? NoAttributes;
}

/// <summary>The kind of a knowledge link.</summary>
public enum LinkKind : byte
{
    /// <summary>A patent with applicants or inventors at both ends.</summary>
    CoPatent = 0,

    /// <summary>A publication with authors at both ends.</summary>
    CoPublication = 1,

    /// <summary>Participation in one joint R&amp;D project (e.g. a CORDIS project).</summary>
    JointProject = 2,

    /// <summary>A strategic or technology alliance.</summary>
    Alliance = 3,

    /// <summary>A citation; directed from the cited to the citing work (the way knowledge flows).</summary>
    Citation = 4,

    /// <summary>A licence; directed from licensor to licensee.</summary>
    Licence = 5,

    /// <summary>A person who moved; directed from the origin to the destination.</summary>
    Mobility = 6,

    /// <summary>Any other link.</summary>
    Other = 7,
}

/// <summary>An organiser of a glocal network: an alliance, industrial association or programme, with members and a home region. Immutable.</summary>
/// <param name="Id">The organiser id.</param>
/// <param name="Name">The display name.</param>
/// <param name="RegionId">The home region id.</param>
/// <param name="MemberIds">The member innovator ids.</param>
public sealed record Organiser(string Id, string Name, string RegionId, IReadOnlyList<string> MemberIds);
