using Tss.Protocol.Messages;

namespace Tss.Sefaz.Simulator.Epec;

/// <summary>One EPEC registered at the simulated Ambiente Nacional.</summary>
/// <param name="Numbering">cUF + emitter + mod + serie + nNF of the announced NF-e (what 485/691/692 compare).</param>
/// <param name="Declared">What the EPEC declared (detEvento); the normal authorizer compares the NF-e with it (467).</param>
/// <param name="ProcEventoXml">procEventoNFe of the EPEC as registered.</param>
public sealed record EpecRecord(string chNFe, string Numbering, string nProt, DateTimeOffset dhRegEvento, EpecData Declared,
    string ProcEventoXml);
