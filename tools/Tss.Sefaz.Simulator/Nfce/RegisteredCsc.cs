namespace Tss.Sefaz.Simulator.Nfce;

/// <summary>One CSC (Código de Segurança do Contribuinte) an emitter registered for the NFC-e QR code.</summary>
/// <param name="idCsc">Its identifier, as a number (the QR code's cIdToken).</param>
/// <param name="Csc">The secret itself; never leaves the simulator through the admin API.</param>
/// <param name="Revoked">True once the emitter revoked it (QR codes using it get 463).</param>
public sealed record RegisteredCsc(int idCsc, string Csc, bool Revoked);
