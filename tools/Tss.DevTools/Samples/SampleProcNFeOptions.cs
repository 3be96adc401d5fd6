namespace Tss.DevTools.Samples;

/// <summary>What a sample procNFe (for DANFE demos, tests and benchmarks) carries beyond <see cref="SampleNfeOptions"/>.</summary>
public sealed record SampleProcNFeOptions
{
    public required SampleNfeOptions Nfe { get; init; }
    /// <summary>ide/tpImp: 1 portrait, 2 landscape (model 55); 4 for the NFC-e.</summary>
    public int? tpImp { get; init; }
    /// <summary>Drops dest (an NF-e or NFC-e without destinatário / consumidor).</summary>
    public bool WithoutRecipient { get; init; }
    /// <summary>NFC-e: a consumer identified by CPF.</summary>
    public bool NfceConsumer { get; init; }
    /// <summary>cobr with a fatura and this many duplicatas.</summary>
    public int Duplicatas { get; init; }
    /// <summary>transp with a carrier, a vehicle and two volume lines.</summary>
    public bool Carrier { get; init; }
    /// <summary>total/IBSCBSTot, ISTot and vNFTot (Reforma Tributária layout).</summary>
    public bool IbsCbs { get; init; }
    /// <summary>NFC-e: QR code v2 with this CSC (id, token); v3 when null.</summary>
    public (string Id, string Token)? Csc { get; init; }
    /// <summary>The whole file re-indented after "signing", as many real files are.</summary>
    public bool Reindent { get; init; }
    /// <summary>protNFe cStat (100 authorizes; anything else makes a non-authorized file).</summary>
    public int cStat { get; init; } = 100;
    /// <summary>No protNFe at all (a signed NFe without protocol).</summary>
    public bool WithoutProtocol { get; init; }
    /// <summary>Extra infCpl text (long texts exercise the dados adicionais box).</summary>
    public string? InfCpl { get; init; }
}
