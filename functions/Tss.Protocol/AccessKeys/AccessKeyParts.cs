namespace Tss.Protocol.AccessKeys;

/// <summary>The fields an access key (chave de acesso) is made of, in key order.</summary>
/// <param name="cUF">IBGE code of the emitter's UF (2 digits).</param>
/// <param name="Year">Two-digit year of dhEmi (AA).</param>
/// <param name="Month">Month of dhEmi (MM).</param>
/// <param name="Document">Emitter CNPJ (14, may be alphanumeric under PL_010) or CPF left-padded to 14.</param>
/// <param name="mod">Model: 55 NF-e, 65 NFC-e, 57 CT-e, 58 MDF-e, 67 CT-e OS.</param>
/// <param name="serie">Series (0–999).</param>
/// <param name="nNF">Number (1–999,999,999).</param>
/// <param name="tpEmis">Emission type (1–9).</param>
/// <param name="cNF">Random code (8 digits).</param>
public sealed record AccessKeyParts(int cUF, int Year, int Month, string Document, int mod, int serie, int nNF, int tpEmis, int cNF);
