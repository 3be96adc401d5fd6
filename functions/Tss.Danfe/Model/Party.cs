namespace Tss.Danfe.Model;

/// <summary>emit or dest: identification, registrations and address.</summary>
/// <param name="Document">CNPJ or CPF digits, or idEstrangeiro.</param>
internal sealed record Party(string Name, string? xFant, string? Document, string? IE, string? IEST, string? IM, Address Address, string? Email);
