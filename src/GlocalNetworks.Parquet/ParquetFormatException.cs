using System;

namespace GlocalNetworks.Parquet;

/// <summary>
/// A Parquet file that cannot be read as a glocal table: not Parquet, a required column missing, a column of the wrong
/// type, or a cell that cannot be parsed (a kind, a date). <see cref="GlocalDataException.Line"/> is the 1-based row in the
/// file (the first data row is 1; a Parquet file has no header line), or <see langword="null"/> for a problem with a
/// whole column, whose <see cref="GlocalDataException.Value"/> is then the column's stored type.
/// </summary>
public sealed class ParquetFormatException : GlocalDataException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file.</param>
    /// <param name="row">The 1-based row, or <see langword="null"/>.</param>
    /// <param name="column">The column name, or <see langword="null"/>.</param>
    /// <param name="value">The offending value (or the column's type), or <see langword="null"/>.</param>
    /// <param name="reason">What is wrong and what is expected.</param>
    /// <param name="innerException">The underlying error, or <see langword="null"/>.</param>
    public ParquetFormatException(string? filePath, long? row, string? column, string? value, string reason, Exception? innerException = null)
        : base(filePath, row, column, value, reason, innerException)
    {
    }
}
