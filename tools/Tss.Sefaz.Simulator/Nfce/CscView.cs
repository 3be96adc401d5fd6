namespace Tss.Sefaz.Simulator.Nfce;

/// <summary>One CSC for GET /admin/nfce/{cnpj}/csc: its id and state, never its value.</summary>
public sealed record CscView(int idCsc, bool Revoked);
