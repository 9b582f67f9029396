namespace GlocalNetworks.IO.Csv;

/// <summary>Column names of a regions CSV. Immutable; change with <c>c with { Id = "nuts_id" }</c>. Names match the header ignoring case.</summary>
public sealed record RegionCsvColumns
{
    /// <summary>The region id column (required).</summary>
    /// <value>The default value is <c>id</c>.</value>
    public string Id { get; init; } = "id";

    /// <summary>The display name column (optional; the id when absent).</summary>
    /// <value>The default value is <c>name</c>.</value>
    public string Name { get; init; } = "name";

    /// <summary>The level column (required): a level id of the ladder.</summary>
    /// <value>The default value is <c>level</c>.</value>
    public string Level { get; init; } = "level";

    /// <summary>The parent id column (optional; empty for a root).</summary>
    /// <value>The default value is <c>parent</c>.</value>
    public string Parent { get; init; } = "parent";

    /// <summary>The centroid latitude column (optional).</summary>
    /// <value>The default value is <c>lat</c>.</value>
    public string Latitude { get; init; } = "lat";

    /// <summary>The centroid longitude column (optional).</summary>
    /// <value>The default value is <c>lon</c>.</value>
    public string Longitude { get; init; } = "lon";
}

/// <summary>Column names of an innovators CSV. Every other column becomes a keyed attribute. Immutable.</summary>
public sealed record InnovatorCsvColumns
{
    /// <summary>The innovator id column (required).</summary>
    /// <value>The default value is <c>id</c>.</value>
    public string Id { get; init; } = "id";

    /// <summary>The display name column (optional).</summary>
    /// <value>The default value is <c>name</c>.</value>
    public string Name { get; init; } = "name";

    /// <summary>The kind column (optional; <c>Other</c> when absent): an <see cref="Model.InnovatorKind"/> name in any case,
    /// kebab-case (<c>research-institute</c>), or a CORDIS activity type (PRC, HES, REC, PUB, OTH).</summary>
    /// <value>The default value is <c>kind</c>.</value>
    public string Kind { get; init; } = "kind";

    /// <summary>The home region id column (required when a regions file is given).</summary>
    /// <value>The default value is <c>region</c>.</value>
    public string Region { get; init; } = "region";

    /// <summary>The latitude column (optional).</summary>
    /// <value>The default value is <c>lat</c>.</value>
    public string Latitude { get; init; } = "lat";

    /// <summary>The longitude column (optional).</summary>
    /// <value>The default value is <c>lon</c>.</value>
    public string Longitude { get; init; } = "lon";
}

/// <summary>Column names of a links CSV. Immutable.</summary>
public sealed record LinkCsvColumns
{
    /// <summary>The source innovator id column (required).</summary>
    /// <value>The default value is <c>source</c>.</value>
    public string Source { get; init; } = "source";

    /// <summary>The target innovator id column (required).</summary>
    /// <value>The default value is <c>target</c>.</value>
    public string Target { get; init; } = "target";

    /// <summary>The weight column (optional; 1 when absent or empty).</summary>
    /// <value>The default value is <c>weight</c>.</value>
    public string Weight { get; init; } = "weight";

    /// <summary>The kind column (optional): a <see cref="Model.LinkKind"/> name in any case or kebab-case (<c>co-patent</c>).</summary>
    /// <value>The default value is <c>kind</c>.</value>
    public string Kind { get; init; } = "kind";

    /// <summary>The year column (optional; empty means undated).</summary>
    /// <value>The default value is <c>year</c>.</value>
    public string Year { get; init; } = "year";

    /// <summary>The end year column (optional, inclusive).</summary>
    /// <value>The default value is <c>end_year</c>.</value>
    public string EndYear { get; init; } = "end_year";

    /// <summary>The date column (optional, ISO <c>yyyy-MM-dd</c>; sets the year when the year column is empty).</summary>
    /// <value>The default value is <c>date</c>.</value>
    public string Date { get; init; } = "date";

    /// <summary>The directed column (optional: true/false, 1/0, yes/no; empty uses <see cref="LoadOptions.Directed"/>).</summary>
    /// <value>The default value is <c>directed</c>.</value>
    public string Directed { get; init; } = "directed";
}

/// <summary>Column names of an events (participations) CSV: one row per participant per event. Immutable.</summary>
public sealed record EventCsvColumns
{
    /// <summary>The event id column (required): a project, patent or publication.</summary>
    /// <value>The default value is <c>event</c>.</value>
    public string Event { get; init; } = "event";

    /// <summary>The participant innovator id column (required).</summary>
    /// <value>The default value is <c>innovator</c>.</value>
    public string Innovator { get; init; } = "innovator";

    /// <summary>The event's start year column (optional).</summary>
    /// <value>The default value is <c>year</c>.</value>
    public string Year { get; init; } = "year";

    /// <summary>The event's end year column (optional, inclusive).</summary>
    /// <value>The default value is <c>end_year</c>.</value>
    public string EndYear { get; init; } = "end_year";
}

/// <summary>The column names of every CSV the readers take. Immutable.</summary>
public sealed record CsvSchema
{
    /// <summary>The default schema.</summary>
    public static CsvSchema Default { get; } = new();

    /// <summary>The regions file's columns.</summary>
    public RegionCsvColumns Regions { get; init; } = new();

    /// <summary>The innovators file's columns.</summary>
    public InnovatorCsvColumns Innovators { get; init; } = new();

    /// <summary>The links file's columns.</summary>
    public LinkCsvColumns Links { get; init; } = new();

    /// <summary>The events file's columns.</summary>
    public EventCsvColumns Events { get; init; } = new();

    /// <summary>The field separator.</summary>
    /// <value>The default value is <c>,</c>.</value>
    public char Separator { get; init; } = ',';
}
