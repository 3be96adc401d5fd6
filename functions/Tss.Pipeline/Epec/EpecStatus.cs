namespace Tss.Pipeline.Epec;

/// <summary>Where an EPEC document (tpEmis 4) stands at the Ambiente Nacional (<see cref="Documents.DocumentRecord.EpecStatus"/>).</summary>
public static class EpecStatus
{
    /// <summary>Stored and signed; the EPEC is not registered yet, so the NF-e waits (no pending marker).</summary>
    public const string Awaiting = nameof(Awaiting);

    /// <summary>Written before the EPEC is sent: a run that finds it does not know whether the AN registered it.</summary>
    public const string Sending = nameof(Sending);

    /// <summary>136 (or 573 for our own earlier send): printable; transmitted to the authorizer by the lot pipeline.</summary>
    public const string Registered = nameof(Registered);

    /// <summary>The AN refused the EPEC; the document is Rejected with the xMotivo and never sent.</summary>
    public const string Rejected = nameof(Rejected);

    /// <summary>661: the key is already an NF-e at SEFAZ; the lot pipeline reconciles it by key.</summary>
    public const string Superseded = nameof(Superseded);

    /// <summary>True while the EPEC still has to be registered.</summary>
    public static bool IsOpen(string? status) => status is Awaiting or Sending;
}
