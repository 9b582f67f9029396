using System;

namespace GlocalNetworks.DuckDB;

/// <summary>
/// A DuckDB query that cannot give a glocal table: DuckDB refused or failed to run it (the message carries DuckDB's first
/// line), a required column is missing, a column has the wrong type, or a cell cannot be parsed.
/// <see cref="GlocalDataException.FilePath"/> is the query's name (<c>links query</c>, <c>events query</c>, ...);
/// <see cref="GlocalDataException.Line"/> is the 1-based row of the query's result in the query's own order, or
/// <see langword="null"/> for a problem with the query or a whole column (whose <see cref="GlocalDataException.Value"/> is
/// then the column's DuckDB type).
/// </summary>
public sealed class DuckDbQueryException : GlocalDataException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="queryName">The query's name.</param>
    /// <param name="row">The 1-based row, or <see langword="null"/>.</param>
    /// <param name="column">The column name, or <see langword="null"/>.</param>
    /// <param name="value">The offending value (or the column's type), or <see langword="null"/>.</param>
    /// <param name="reason">What is wrong and what is expected.</param>
    /// <param name="innerException">The underlying error, or <see langword="null"/>.</param>
    public DuckDbQueryException(string? queryName, long? row, string? column, string? value, string reason, Exception? innerException = null)
        : base(queryName, row, column, value, reason, innerException)
    {
    }
}
