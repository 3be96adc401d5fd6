using Tss.Contracts.Documents;
using Tss.Pipeline.Documents;

namespace Tss.Pipeline.Queries;

/// <summary>Filters of a listing of one entity's documents; the range applies to the time the service received them.</summary>
public sealed record DocumentListQuery(
    string TenantId,
    string Cnpj,
    DocumentStatus? Status = null,
    DateTimeOffset? ReceivedFrom = null,
    DateTimeOffset? ReceivedTo = null,
    int PageSize = DocumentListQuery.DefaultPageSize,
    string? ContinuationToken = null)
{
    public const int DefaultPageSize = 100;

    /// <summary>Only NFC-e issued off-line (tpEmis 9) still waiting for their authorization (Pending, InLot, AwaitingCredits).</summary>
    public bool OfflinePending { get; init; }

    public const int MaxPageSize = 1000;
}
