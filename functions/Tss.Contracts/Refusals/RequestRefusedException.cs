namespace Tss.Contracts.Refusals;

/// <summary>
/// The product's one refusal: a request refused as a whole (nothing stored, nothing sent to SEFAZ), by the pipeline or by
/// the host. It carries a stable machine-readable <see cref="Code"/> (from the project's error catalogue), the HTTP
/// <see cref="Status"/> the host answers and a Brazilian Portuguese message; the host maps it to ProblemDetails (or a
/// SOAP fault) in one place.
/// </summary>
public sealed class RequestRefusedException : Exception
{
    /// <summary>A refusal whose status follows from <paramref name="kind"/> (see <see cref="StatusOf"/>).</summary>
    public RequestRefusedException(RefusalKind kind, string code, string message, Exception? inner = null)
        : this(kind, StatusOf(kind), code, message, inner)
    {
    }

    /// <summary>A refusal of <paramref name="kind"/> answered with a more precise HTTP <paramref name="status"/>
    /// (e.g. SEFAZ unavailable: 504 on a timeout, 422 when the UF offers no such service).</summary>
    public RequestRefusedException(RefusalKind kind, int status, string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        Kind = kind;
        Code = code;
        Status = status;
    }

    /// <summary>A refusal with an explicit HTTP <paramref name="status"/> (400–599).</summary>
    public RequestRefusedException(int status, string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        Status = status;
        Code = code;
        Kind = status switch
        {
            404 => RefusalKind.NotFound,
            409 => RefusalKind.Conflict,
            >= 500 => RefusalKind.SefazUnavailable,
            _ => RefusalKind.Invalid,
        };
    }

    /// <summary>Why the request was refused.</summary>
    public RefusalKind Kind { get; }

    /// <summary>The stable code clients and dashboards key on.</summary>
    public string Code { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public int Status { get; }

    /// <summary>The default status of a kind: 400 invalid, 404 not found, 409 conflict, 502 SEFAZ unavailable.</summary>
    public static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => 400,
        RefusalKind.NotFound => 404,
        RefusalKind.Conflict => 409,
        _ => 502,
    };
}
