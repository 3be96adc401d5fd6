namespace Tss.Runtime.Tables;

/// <summary>A compare-and-swap update lost the race on every attempt (a hot entity; the caller may retry later).</summary>
public sealed class TableConcurrencyException : Exception
{
    public TableConcurrencyException()
    {
    }

    public TableConcurrencyException(string message) : base(message)
    {
    }

    public TableConcurrencyException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
